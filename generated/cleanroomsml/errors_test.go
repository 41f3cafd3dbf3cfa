package cleanroomsml

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/generated/cleanroomsml/types"
)

// errorCase is an error response and the error the client must return.
type errorCase struct {
	name    string
	status  int
	errType string // X-Amzn-Errortype header, when not empty
	body    string
	code    string // the returned smithy.APIError's ErrorCode
	message string
	// anyMessage leaves the message unchecked: aws-sdk-go-v2 reports
	// "UnknownError" for a body without message, this client "".
	anyMessage bool
	check      func(t *testing.T, err error)
}

var errorCases = []errorCase{{
	name:    "header with namespace and suffix",
	status:  403,
	errType: "com.amazonaws.cleanroomsml#AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.cleanroomsml/",
	body:    `{"message":"denied","code":"ValidationException","__type":"ThrottlingException"}`,
	code:    "AccessDeniedException",
	message: "denied",
	check: func(t *testing.T, err error) {
		mustAs[*types.AccessDeniedException](t, err)
	},
}, {
	name:    "body __type",
	status:  429,
	body:    `{"__type":"com.amazonaws.cleanroomsml#ThrottlingException","message":"slow down"}`,
	code:    "ThrottlingException",
	message: "slow down",
	check: func(t *testing.T, err error) {
		mustAs[*types.ThrottlingException](t, err)
	},
}, {
	name:    "body code",
	status:  400,
	body:    `{"code":"ValidationException","Message":"bad input"}`,
	code:    "ValidationException",
	message: "bad input",
	check: func(t *testing.T, err error) {
		mustAs[*types.ValidationException](t, err)
	},
}, {
	name:    "body code over __type",
	status:  400,
	body:    `{"__type":"aws#ThrottlingException","code":"ValidationException","message":"code wins"}`,
	code:    "ValidationException",
	message: "code wins",
	check: func(t *testing.T, err error) {
		mustAs[*types.ValidationException](t, err)
	},
}, {
	name:    "unmodeled code in body",
	status:  500,
	body:    `{"__type":"com.amazonaws.cleanroomsml#InternalServiceException","message":"boom"}`,
	code:    "InternalServiceException",
	message: "boom",
	check:   checkGeneric,
}, {
	name:    "unmodeled code in header",
	status:  409,
	errType: "ConflictException:http://internal.amazon.com/",
	body:    `{"message":"conflict"}`,
	code:    "ConflictException",
	message: "conflict",
	check:   checkGeneric,
}, {
	name:       "no code at all",
	status:     502,
	body:       ``,
	code:       "UnknownError",
	anyMessage: true,
	check:      checkGeneric,
}}

func checkGeneric(t *testing.T, err error) {
	t.Helper()
	mustAs[*smithy.GenericAPIError](t, err)
	var ade *types.AccessDeniedException
	var te *types.ThrottlingException
	var ve *types.ValidationException
	if errors.As(err, &ade) || errors.As(err, &te) || errors.As(err, &ve) {
		t.Errorf("unmodeled error %v matched a modeled error type", err)
	}
}

func TestListTrainedModelsErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			headers := []string{"X-Amzn-Requestid", "req-" + tc.code}
			if tc.errType != "" {
				headers = append(headers, "X-Amzn-Errortype", tc.errType)
			}
			s := newFakeService(t, reply(tc.status, tc.body, headers...))
			out, err := s.client(noRetries).ListTrainedModels(context.Background(), validInput())
			if out != nil {
				t.Errorf("output %+v returned with an error", out)
			}
			checkOperationError(t, err)
			tc.check(t, err)
			api := mustAs[smithy.APIError](t, err)
			if api.ErrorCode() != tc.code || (!tc.anyMessage && api.ErrorMessage() != tc.message) {
				t.Errorf("error code, message = %q, %q; want %q, %q", api.ErrorCode(), api.ErrorMessage(), tc.code, tc.message)
			}
			re := mustAs[*awshttp.ResponseError](t, err)
			if re.HTTPStatusCode() != tc.status || re.ServiceRequestID() != "req-"+tc.code {
				t.Errorf("response status, request ID = %d, %q; want %d, %q",
					re.HTTPStatusCode(), re.ServiceRequestID(), tc.status, "req-"+tc.code)
			}
			if n := s.hits(); n != 1 {
				t.Errorf("server hits = %d, want 1", n)
			}
		})
	}
}

// TestModeledErrorMessages checks the message of each modeled error type.
func TestModeledErrorMessages(t *testing.T) {
	s := newFakeService(t, func(w http.ResponseWriter, _ *http.Request, n int) {
		codes := []string{"AccessDeniedException", "ThrottlingException", "ValidationException"}
		write(w, 400, `{"message":"m-`+codes[(n-1)%3]+`"}`, "X-Amzn-Errortype", codes[(n-1)%3])
	})
	c := s.client(noRetries)
	call := func() error {
		_, err := c.ListTrainedModels(context.Background(), validInput())
		return err
	}
	if e := mustAs[*types.AccessDeniedException](t, call()); aws.ToString(e.Message) != "m-AccessDeniedException" {
		t.Errorf("AccessDeniedException.Message = %q", aws.ToString(e.Message))
	}
	if e := mustAs[*types.ThrottlingException](t, call()); aws.ToString(e.Message) != "m-ThrottlingException" {
		t.Errorf("ThrottlingException.Message = %q", aws.ToString(e.Message))
	}
	if e := mustAs[*types.ValidationException](t, call()); aws.ToString(e.Message) != "m-ValidationException" {
		t.Errorf("ValidationException.Message = %q", aws.ToString(e.Message))
	}
}

// badBodies are responses the client must reject with a
// *smithy.DeserializationError.
var badBodies = []struct {
	name   string
	status int
	body   string
}{
	{"truncated", 200, `{"trainedModels":[{"name":"a","createTime":17`},
	{"html", 200, `<html><body>Service Unavailable</body></html>`},
	{"list is a number", 200, `{"trainedModels":5}`},
	{"time is a word", 200, `{"trainedModels":[{"createTime":"x"}]}`},
	{"time is a bool", 200, `{"trainedModels":[{"updateTime":true}]}`},
	{"token is a number", 200, `{"nextToken":7}`},
	{"status is an object", 200, `{"trainedModels":[{"status":{}}]}`},
	{"channels is an object", 200, `{"trainedModels":[{"incrementalTrainingDataChannels":{"a":1}}]}`},
	{"channel is a string", 200, `{"trainedModels":[{"incrementalTrainingDataChannels":["a"]}]}`},
	{"top level array", 200, `[]`},
	{"trailing garbage inside", 200, `{"trainedModels":[}`},
	{"html error", 503, `<html><body>Bad Gateway</body></html>`},
	{"truncated error", 400, `{"__type":"ValidationException","message":"x`},
}

func TestListTrainedModelsBadBodies(t *testing.T) {
	for _, tc := range badBodies {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeService(t, reply(tc.status, tc.body, "X-Amzn-Requestid", "req-bad"))
			out, err := s.client(noRetries).ListTrainedModels(context.Background(), validInput())
			if out != nil {
				t.Errorf("output %+v returned for a bad body", out)
			}
			checkOperationError(t, err)
			mustAs[*smithy.DeserializationError](t, err)
			re := mustAs[*awshttp.ResponseError](t, err)
			if re.HTTPStatusCode() != tc.status || re.ServiceRequestID() != "req-bad" {
				t.Errorf("response status, request ID = %d, %q; want %d, req-bad",
					re.HTTPStatusCode(), re.ServiceRequestID(), tc.status)
			}
		})
	}
}
