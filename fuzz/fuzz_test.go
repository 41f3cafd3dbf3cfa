package fuzz

import (
	"testing"
)

func seeds(f *testing.F) {
	for _, s := range []struct {
		status int
		header string
		body   string
	}{
		{200, "Content-Type: application/x-amz-json-1.0", `{"Item":{"pk":{"S":"a"},"l":{"L":[{"M":{"n":{"N":"1"}}},{"NULL":true}]}}}`},
		{200, "", `{"Items":[{"a":{"SS":["x"]}},{"b":{"BS":["AQI="]}}],"Count":2,"LastEvaluatedKey":{"pk":{"S":"z"}}}`},
		{400, "", `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"no","Item":{"a":{"BOOL":true}}}`},
		{400, "X-Amzn-Errortype: ValidationException:http://internal", `{"message":"bad"}`},
		{500, "Content-Type: text/html", `<html><body>Internal error</body></html>`},
		{200, "X-Amz-Crc32: 12", `{}`},
		{200, "", `{"trainedModels":[{"createTime":1.5e9,"name":"m","status":"ACTIVE"}],"nextToken":"t"}`},
		{200, "", `{"name":"x","createTime":"2024-01-01T00:00:00Z","tags":{"a":"b"},"resourceConfig":{"instanceCount":1}}`},
		{404, "", `{"code":"ResourceNotFoundException","message":"missing"}`},
		{200, "", `{"Item":{"a":{"S":"\ud800"}}}`},
		{200, "", `{"Count":1e400}`},
	} {
		for op := range 4 {
			f.Add(uint16(s.status), s.header, []byte(s.body), uint8(op))
		}
	}
}

func fuzzClient(f *testing.F, calls []call) {
	seeds(f)
	f.Fuzz(func(t *testing.T, status uint16, header string, body []byte, op uint8) {
		resp := response{status: 100 + int(status)%500, header: parseHeader(header), body: body}
		checkCall(t, calls[int(op)%len(calls)], resp)
	})
}

// FuzzDynamoDB drives the awsJson1_0 client with fuzzed responses.
func FuzzDynamoDB(f *testing.F) { fuzzClient(f, ddbCalls) }

// FuzzCleanRoomsML drives the restJson1 client with fuzzed responses.
func FuzzCleanRoomsML(f *testing.F) { fuzzClient(f, crmlCalls) }
