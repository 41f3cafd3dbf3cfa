package xml

import (
	"errors"
	"reflect"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

func TestReadError(t *testing.T) {
	for _, c := range []struct {
		name, body string
		status     int
		want       ErrorInfo
	}{
		{"restXml", `<ErrorResponse>
   <Error>
      <Type>Sender</Type>
      <Code>InvalidGreeting</Code>
      <Message>Hi</Message>
      <AnotherSetting>setting</AnotherSetting>
   </Error>
   <RequestId>foo-id</RequestId>
</ErrorResponse>`, 400, ErrorInfo{Code: "InvalidGreeting", Message: "Hi", Type: "Sender", RequestID: "foo-id"}},
		{"awsQuery", `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Receiver</Type><Code>
  ExpiredToken </Code><Message>The token &amp; more</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
			403, ErrorInfo{Code: "ExpiredToken", Message: "The token & more", Type: "Receiver", RequestID: "r-1"}},
		{"s3", `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/b/k</Resource>` +
			`<RequestId>4442587FB7D0A2F9</RequestId><HostId>h0st</HostId></Error>`,
			404, ErrorInfo{Code: "NoSuchKey", Message: "The resource you requested does not exist", RequestID: "4442587FB7D0A2F9", HostID: "h0st"}},
		{"ec2Query", `<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message>` +
			`</Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`,
			400, ErrorInfo{Code: "InvalidInstanceID.NotFound", Message: "The instance ID 'i-1' does not exist", RequestID: "ea966190-f9aa-478e-9ede-example"}},
		{"empty body", ``, 404, ErrorInfo{Code: "NotFound", Message: "Not Found"}},
		{"unknown root", `<html><body>Service Unavailable</body></html>`, 503,
			ErrorInfo{Code: "ServiceUnavailable", Message: "Service Unavailable"}},
		{"code only", `<Error><Code>SlowDown</Code></Error>`, 503, ErrorInfo{Code: "SlowDown"}},
	} {
		info, err := ReadError(&transport.Response{StatusCode: c.status, Body: []byte(c.body)})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		info.errBody = nil
		if !reflect.DeepEqual(info, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, info, c.want)
		}
	}
}

func TestReadErrorMalformed(t *testing.T) {
	for _, body := range []string{
		`<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
		`<html><head><title>500</title></head><body><p>Internal error<br></body></html>`,
		`<ErrorResponse><Error><Code>X</Code>`,
		`{"message":"not xml"}`,
		"<Error><Code>\xff</Code></Error>",
	} {
		_, err := ReadError(&transport.Response{StatusCode: 502, Body: []byte(body)})
		var derr *smithy.DeserializationError
		if !errors.As(err, &derr) || !errors.As(err, new(*Error)) {
			t.Errorf("%.40q: error %v, want a *smithy.DeserializationError wrapping an *Error", body, err)
		}
	}
}

type complexError struct {
	Header    *string
	TopLevel  *string
	Nested    *string
	RequestID *string
}

func TestDecodeErrorBody(t *testing.T) {
	for _, body := range []string{
		`<ErrorResponse><Error><Type>Sender</Type><Code>ComplexError</Code><Message>Hi</Message><TopLevel>Top level</TopLevel>` +
			`<Nested><Foo>bar</Foo></Nested></Error><RequestId>foo-id</RequestId></ErrorResponse>`,
		`<Error><Code>ComplexError</Code><TopLevel>Top level</TopLevel><Nested><Foo>bar</Foo></Nested><RequestId>foo-id</RequestId></Error>`,
		`<Response><Errors><Error><Code>ComplexError</Code><TopLevel>Top level</TopLevel><Nested><Foo>bar</Foo></Nested></Error></Errors>` +
			`<RequestID>foo-id</RequestID></Response>`,
	} {
		info, err := ReadError(&transport.Response{StatusCode: 400, Body: []byte(body)})
		if err != nil || !info.Is("ComplexError") || info.RequestID != "foo-id" {
			t.Fatalf("%q: %+v %v", body, info, err)
		}
		var v complexError
		err = DecodeErrorBody(info, &v, func(d *Decoder, v *complexError) error {
			it := d.Children()
			var err error
			for err == nil && it.Next() {
				switch string(d.Name()) {
				case "TopLevel":
					v.TopLevel, err = d.StrPtr()
				case "Nested":
					err = DecodeChild(d, "Foo", v, func(d *Decoder, v *complexError) (err error) {
						v.Nested, err = d.StrPtr()
						return err
					})
				default:
					err = d.Skip()
				}
			}
			return it.Done(err)
		})
		if err != nil || *v.TopLevel != "Top level" || *v.Nested != "bar" {
			t.Errorf("%q: %+v %v", body, v, err)
		}
	}
}

func TestGeneric(t *testing.T) {
	err := ErrorInfo{Code: "Throttling", Message: "Rate exceeded", Type: "Sender"}.Generic()
	var g *smithy.GenericAPIError
	if !errors.As(err, &g) || g.Code != "Throttling" || g.Message != "Rate exceeded" || g.Fault != smithy.FaultClient {
		t.Errorf("%#v", err)
	}
	err = ErrorInfo{}.Generic()
	if !errors.As(err, &g) || g.Code != "UnknownError" || g.Message != "UnknownError" || g.Fault != smithy.FaultUnknown {
		t.Errorf("%#v", err)
	}
	if (ErrorInfo{Type: "Receiver"}).Fault() != smithy.FaultServer {
		t.Error("Receiver is not a server fault")
	}
}
