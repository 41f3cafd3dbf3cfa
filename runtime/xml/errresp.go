package xml

import (
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

// ErrorInfo identifies the error in an XML error response.
type ErrorInfo struct {
	// Code is the error code: the Code element of the error.
	Code string
	// Message is its Message element.
	Message string
	// Type is its Type element, Sender or Receiver, when present.
	Type string
	// RequestID is the RequestId (ec2Query: RequestID) element.
	RequestID string
	// HostID is S3's HostId element.
	HostID string

	// errBody is the <Error> element, whose children are the error
	// structure's members.
	errBody []byte
}

// ReadError reads an error response in any of the XML protocols' forms:
//
//	restXml, awsQuery  <ErrorResponse><Error><Type/><Code/><Message/>…</Error><RequestId/></ErrorResponse>
//	restXml with noErrorWrapping (S3)  <Error><Code/><Message/>…<RequestId/><HostId/></Error>
//	ec2Query  <Response><Errors><Error><Code/><Message/>…</Error></Errors><RequestID/></Response>
//
// A body without code and message, an empty one included, takes both from
// the HTTP status (404: NotFound, "Not Found"), as S3's HEAD responses need.
// Malformed XML yields a *smithy.DeserializationError.
func ReadError(resp *transport.Response) (ErrorInfo, error) {
	var info ErrorInfo
	d := NewDecoder(resp.Body)
	ok, err := d.Root()
	if err == nil && ok {
		switch string(d.Name()) {
		case "ErrorResponse":
			err = info.scan(d, "Error", "")
		case "Response":
			err = info.scan(d, "Errors", "Error")
		case "Error":
			err = info.fields(d, d.name.lo-1)
		default:
			err = d.Skip()
		}
	}
	if err == nil {
		err = d.Finish()
	}
	if err != nil {
		return ErrorInfo{}, d.Error(err)
	}
	if info.Code == "" && info.Message == "" {
		text := http.StatusText(resp.StatusCode)
		info.Code, info.Message = strings.ReplaceAll(text, " ", ""), text
	}
	return info, nil
}

// scan reads the children of a wrapper element: the request ID and the
// error, found in the child named outer, or in its child named inner.
func (info *ErrorInfo) scan(d *Decoder, outer, inner string) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch name := d.Name(); {
		case string(name) == outer && inner == "" && info.errBody == nil:
			err = info.fields(d, d.name.lo-1)
		case string(name) == outer && inner != "":
			err = info.scan(d, inner, "")
		case isRequestID(name) && info.RequestID == "":
			info.RequestID, err = d.Str()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

// fields reads the code, message, type and IDs of the <Error> element that
// starts at lo.
func (info *ErrorInfo) fields(d *Decoder, lo int) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		var dst *string
		switch name := string(d.Name()); {
		case name == "Code":
			dst = &info.Code
		case name == "Message" || name == "message":
			dst = &info.Message
		case name == "Type":
			dst = &info.Type
		case name == "HostId":
			dst = &info.HostID
		case isRequestID(d.Name()):
			dst = &info.RequestID
		}
		if dst == nil {
			err = d.Skip()
			continue
		}
		*dst, err = d.Str()
		*dst = strings.TrimSpace(*dst)
	}
	if err = it.Done(err); err == nil {
		info.errBody = d.b[lo:d.pos]
	}
	return err
}

func isRequestID(name []byte) bool { return string(name) == "RequestId" || string(name) == "RequestID" }

// Is reports whether the error's code is code (the error shape's name, or
// its awsQueryError code), ignoring case as aws-sdk-go-v2 does.
func (e ErrorInfo) Is(code string) bool { return strings.EqualFold(e.Code, code) }

// Generic returns the error of a response that matches no modeled error.
func (e ErrorInfo) Generic() error {
	code, msg := e.Code, e.Message
	if code == "" {
		code = "UnknownError"
	}
	if msg == "" {
		msg = code
	}
	return &smithy.GenericAPIError{Code: code, Message: msg, Fault: e.Fault()}
}

// Fault returns the fault the error's Type names.
func (e ErrorInfo) Fault() smithy.ErrorFault {
	switch e.Type {
	case "Sender":
		return smithy.FaultClient
	case "Receiver":
		return smithy.FaultServer
	}
	return smithy.FaultUnknown
}

// DecodeErrorBody decodes the members of the error structure v from the <Error>
// element of the response info was read from. Errors are
// *smithy.DeserializationError.
func DecodeErrorBody[T any](info ErrorInfo, v T, decode func(*Decoder, T) error) error {
	if info.errBody == nil {
		return nil
	}
	return DecodeBody(info.errBody, v, decode)
}
