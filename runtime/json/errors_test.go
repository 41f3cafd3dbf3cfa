package json

import (
	"errors"
	"net/http"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

func TestSanitizeErrorCode(t *testing.T) {
	for _, in := range []string{
		"FooError",
		"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
		"aws.protocoltests.restjson#FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
	} {
		if got := SanitizeErrorCode(in); got != "FooError" {
			t.Errorf("SanitizeErrorCode(%q) = %q", in, got)
		}
	}
}

func TestReadError(t *testing.T) {
	tests := []struct {
		header    string
		body      string
		code, msg string
	}{
		{"ns#Header:x", `{"code":"Body","__type":"Type","message":"m"}`, "Header", "m"},
		{"", `{"code":"ns#Body","__type":"Type","Message":"M"}`, "Body", "M"},
		{"", `{"__type":"aws#Type:extra","errorMessage":"e"}`, "Type", "e"},
		{"", `{"Code":"Upper","message":null,"Message":"fallback"}`, "Upper", "fallback"},
		{"", `{"code":5,"__type":"T","other":{"code":"nested"}}`, "T", ""},
		{"", ``, "", ""},
	}
	for _, tt := range tests {
		resp := &transport.Response{StatusCode: 400, Header: http.Header{}, Body: []byte(tt.body)}
		if tt.header != "" {
			resp.Header.Set("X-Amzn-ErrorType", tt.header)
		}
		info, err := ReadError(resp)
		if err != nil || info.Code != tt.code || info.Message != tt.msg {
			t.Errorf("ReadError(%q, %q) = %+v, %v; want %q %q", tt.header, tt.body, info, err, tt.code, tt.msg)
		}
	}
}

func TestReadErrorMalformed(t *testing.T) {
	for _, body := range []string{"<html>", `{"code":`, `[1]`, `"str"`} {
		_, err := ReadError(&transport.Response{Header: http.Header{}, Body: []byte(body)})
		var derr *smithy.DeserializationError
		if !errors.As(err, &derr) {
			t.Errorf("ReadError(%q) = %v, want *smithy.DeserializationError", body, err)
		}
	}
}

func TestGeneric(t *testing.T) {
	info := ErrorInfo{Code: "Throttled", Message: "slow down"}
	if !info.Is("throttled") || info.Is("Throttle") {
		t.Error("Is does not compare ignoring case")
	}
	var g *smithy.GenericAPIError
	if err := info.Generic(); !errors.As(err, &g) || g.Code != "Throttled" || g.Message != "slow down" {
		t.Errorf("Generic() = %#v", err)
	}
	if err := (ErrorInfo{}).Generic(); !errors.As(err, &g) || g.Code != "UnknownError" {
		t.Errorf("Generic() without code = %#v", err)
	}
}
