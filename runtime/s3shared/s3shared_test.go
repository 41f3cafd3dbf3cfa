package s3shared

import (
	"net/http"
	"testing"

	"github.com/smithygen/smithygen/runtime/transport"
)

func TestPathStyle(t *testing.T) {
	for _, c := range []struct{ path, bucket, want string }{
		{"", "b", "/b"},
		{"/", "b", "/b"},
		{"/my%20key.txt", "b", "/b/my%20key.txt"},
		{"/a/b", "my.bucket", "/my.bucket/a/b"},
		{"/", "odd bucket", "/odd%20bucket"},
	} {
		r := &transport.Request{Path: c.path}
		PathStyle(r, c.bucket)
		if r.Path != c.want {
			t.Errorf("PathStyle(%q, %q) = %q, want %q", c.path, c.bucket, r.Path, c.want)
		}
	}
}

func TestSetContentSHA256(t *testing.T) {
	r := &transport.Request{Header: http.Header{}, Body: []byte("abc")}
	SetContentSHA256(r, false)
	if got := r.Header.Get("X-Amz-Content-Sha256"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("hash %q", got)
	}
	r = &transport.Request{Header: http.Header{}}
	SetContentSHA256(r, false)
	if got := r.Header.Get("X-Amz-Content-Sha256"); got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("empty body hash %q", got)
	}
	SetContentSHA256(r, true)
	if got := r.Header.Get("X-Amz-Content-Sha256"); got != UnsignedPayload {
		t.Errorf("streaming %q", got)
	}
}

func TestIsErrorDocument(t *testing.T) {
	for body, want := range map[string]bool{
		`<Error><Code>InternalError</Code></Error>`:                        true,
		"<?xml version=\"1.0\"?>\n<!-- c --><Error/>":                      true,
		`<CopyObjectResult><Error>not the root</Error></CopyObjectResult>`: false,
		`<s3:Error xmlns:s3="urn:x"/>`:                                     true,
		``:                                                                 false,
		`not xml`:                                                          false,
		`<!DOCTYPE x><Error/>`:                                             false,
	} {
		if got := IsErrorDocument([]byte(body)); got != want {
			t.Errorf("IsErrorDocument(%q) = %v, want %v", body, got, want)
		}
	}
}
