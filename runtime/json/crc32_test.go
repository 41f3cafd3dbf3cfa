package json

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"testing"
	"testing/iotest"
)

type oneResponse struct {
	body   []byte
	crc    string
	length int64
}

func (o oneResponse) Do(*http.Request) (*http.Response, error) {
	h := http.Header{}
	if o.crc != "" {
		h.Set(CRC32Header, o.crc)
	}
	// OneByteReader makes the checksum span many reads.
	return &http.Response{StatusCode: 200, Header: h, ContentLength: o.length,
		Body: io.NopCloser(iotest.OneByteReader(bytes.NewReader(o.body)))}, nil
}

func TestCRC32Body(t *testing.T) {
	body := []byte(`{"Items":[{"a":{"S":"b"}}]}`)
	good := strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)
	readers := map[string]func(*http.Response) ([]byte, error){
		"ReadAll": func(r *http.Response) ([]byte, error) { return io.ReadAll(r.Body) },
		"ReadFull": func(r *http.Response) ([]byte, error) {
			b := make([]byte, len(body))
			_, err := io.ReadFull(r.Body, b)
			return b, err
		},
	}
	cases := []struct {
		name, crc string
		length    int64
		want      func(error) bool
	}{
		{"match", good, int64(len(body)), func(err error) bool { return err == nil }},
		{"match unknown length", good, -1, func(err error) bool { return err == nil }},
		{"no header", "", int64(len(body)), func(err error) bool { return err == nil }},
		{"mismatch", "12345", int64(len(body)), retryable(true)},
		{"mismatch unknown length", "12345", -1, retryable(true)},
		{"unparsable", "0x12", int64(len(body)), retryable(false)},
		{"too large", "4294967296", int64(len(body)), retryable(false)},
	}
	for _, c := range cases {
		for rname, read := range readers {
			if rname == "ReadFull" && c.length < 0 {
				continue
			}
			resp, err := CRC32Client(oneResponse{body, c.crc, c.length}).Do(&http.Request{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := read(resp)
			if !c.want(err) {
				t.Errorf("%s, %s: error %v", c.name, rname, err)
			}
			if err == nil && !bytes.Equal(got, body) {
				t.Errorf("%s, %s: body %q", c.name, rname, got)
			}
		}
	}
}

func retryable(want bool) func(error) bool {
	return func(err error) bool {
		var ce *ChecksumError
		return errors.As(err, &ce) && ce.RetryableError() == want
	}
}
