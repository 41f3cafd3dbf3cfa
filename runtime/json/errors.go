package json

import (
	"strings"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

// ErrorInfo identifies the error in an error response.
type ErrorInfo struct {
	// Code is the sanitized error code: from the X-Amzn-Errortype header, else
	// the body's code member, else its __type member.
	Code string
	// Message is the body's message, Message or errorMessage member.
	Message string
	// QueryCode and Fault are the error code and fault of an
	// awsQueryCompatible service's x-amzn-query-error header, if any.
	QueryCode string
	Fault     smithy.ErrorFault
}

// ReadError reads the error code and message of an error response. A body
// that is not a JSON object yields a *smithy.DeserializationError.
func ReadError(resp *transport.Response) (ErrorInfo, error) {
	var info ErrorInfo
	var code, typ, msg [3]string // by priority
	if err := scanError(resp.Body, &code, &typ, &msg); err != nil {
		return info, DecodeError(err, resp.Body)
	}
	raw := first(code[0], code[1], typ[0])
	if h := resp.Header["X-Amzn-Errortype"]; len(h) > 0 && h[0] != "" {
		raw = h[0]
	}
	info.Code = SanitizeErrorCode(raw)
	info.Message = first(msg[:]...)
	return info, nil
}

// ReadQueryCompatibleError is ReadError for services with the
// aws.protocols#awsQueryCompatible trait: it also reads the query error code
// and fault from the x-amzn-query-error header ("Code;Sender").
func ReadQueryCompatibleError(resp *transport.Response) (ErrorInfo, error) {
	info, err := ReadError(resp)
	info.QueryCode, info.Fault = QueryError(resp)
	return info, err
}

// QueryError parses the x-amzn-query-error header: the error code clients of
// the service's query protocol see, and the fault.
func QueryError(resp *transport.Response) (string, smithy.ErrorFault) {
	h := resp.Header["X-Amzn-Query-Error"]
	if len(h) == 0 {
		return "", smithy.FaultUnknown
	}
	code, fault, _ := strings.Cut(h[0], ";")
	switch fault {
	case "Sender":
		return code, smithy.FaultClient
	case "Receiver":
		return code, smithy.FaultServer
	}
	return code, smithy.FaultUnknown
}

// QueryErrorCode is the query error code of the x-amzn-query-error header,
// nil without one; it becomes a modeled error's ErrorCodeOverride.
func QueryErrorCode(resp *transport.Response) *string {
	if code, _ := QueryError(resp); code != "" {
		return &code
	}
	return nil
}

// scanError collects the code, __type and message members of an error body.
func scanError(body []byte, code, typ, msg *[3]string) error {
	d := NewDecoder(body)
	it, err := d.Obj()
	for err == nil && it.Next() {
		var dst *string
		switch string(it.Key()) {
		case "code":
			dst = &code[0]
		case "Code":
			dst = &code[1]
		case "__type":
			dst = &typ[0]
		case "message":
			dst = &msg[0]
		case "Message":
			dst = &msg[1]
		case "errorMessage":
			dst = &msg[2]
		}
		if dst == nil || d.s.ws() != '"' {
			err = d.Skip()
			continue
		}
		*dst, err = d.Str()
	}
	return it.Done(err)
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// SanitizeErrorCode reduces an error code to the error's shape name: it drops
// everything from the first ':' and keeps what follows the first '#', as
// aws-sdk-go-v2 does.
func SanitizeErrorCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}

// Is reports whether the error's code names the error shape called name,
// ignoring case.
func (e ErrorInfo) Is(name string) bool { return strings.EqualFold(e.Code, name) }

// Generic returns the error of a response that matches no modeled error.
func (e ErrorInfo) Generic() error {
	code, msg := e.Code, e.Message
	if e.QueryCode != "" {
		code = e.QueryCode
	}
	if code == "" {
		code = "UnknownError"
	}
	if msg == "" {
		msg = code // as aws-sdk-go-v2 reports a message-less error
	}
	return &smithy.GenericAPIError{Code: code, Message: msg, Fault: e.Fault}
}
