package transport

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func compressOp(body []byte, compress, streaming bool) *Operation {
	return testOp("PutThing", func(r *Request) error {
		r.Method, r.Path, r.Body = "POST", "/things", body
		r.Header.Set("Content-Encoding", "custom")
		r.Compress, r.Streaming = compress, streaming
		return nil
	}, nil)
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRequestCompression(t *testing.T) {
	big := bytes.Repeat([]byte("a"), DefaultRequestMinCompressSizeBytes)
	small := big[:DefaultRequestMinCompressSizeBytes-1]
	cases := []struct {
		name                string
		body                []byte
		compress, streaming bool
		disable             bool
		min                 int64
		gzipped             bool
	}{
		{"at the default minimum", big, true, false, false, 0, true},
		{"below the default minimum", small, true, false, false, 0, false},
		{"streaming below the minimum", small, true, true, false, 0, true},
		{"not compressible", big, false, false, false, 0, false},
		{"disabled", big, true, false, true, 0, false},
		{"custom minimum", small[:100], true, false, false, 100, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fc := okClient()
			cfg := baseConfig(fc)
			cfg.DisableRequestCompression, cfg.RequestMinCompressSizeBytes = c.disable, c.min
			if _, err := NewClient(cfg).Invoke(context.Background(), compressOp(c.body, c.compress, c.streaming)); err != nil {
				t.Fatal(err)
			}
			got := fc.requests()[0]
			enc := got.req.Header.Get("Content-Encoding")
			if c.gzipped {
				if enc != "custom, gzip" || !bytes.Equal(gunzip(t, got.body), c.body) ||
					got.req.ContentLength != int64(len(got.body)) {
					t.Errorf("Content-Encoding %q, %d bytes sent", enc, len(got.body))
				}
				return
			}
			if enc != "custom" || !bytes.Equal(got.body, c.body) {
				t.Errorf("Content-Encoding %q, %d bytes sent", enc, len(got.body))
			}
		})
	}
}

func TestRequestMinCompressSizeBytesRange(t *testing.T) {
	for _, n := range []int64{-1, MaxRequestMinCompressSizeBytes + 1} {
		cfg := baseConfig(okClient())
		cfg.RequestMinCompressSizeBytes = n
		c := NewClient(cfg)
		_, err := c.Invoke(context.Background(), compressOp([]byte("x"), true, false))
		if err == nil || !strings.Contains(err.Error(), "must be within 0 and 10485760 inclusively") {
			t.Errorf("min %d: error %v", n, err)
		}
		if _, err := c.Invoke(context.Background(), compressOp([]byte("x"), false, false)); err != nil {
			t.Errorf("min %d, operation without compression: %v", n, err)
		}
	}
	if ValidateRequestMinCompressSizeBytes(0) != nil || ValidateRequestMinCompressSizeBytes(MaxRequestMinCompressSizeBytes) != nil {
		t.Error("bounds rejected")
	}
}

func sigv4Endpoint(raw, name, region string, header http.Header) *smithyendpoints.Endpoint {
	u, _ := url.Parse(raw)
	ep := &smithyendpoints.Endpoint{URI: *u, Headers: header}
	var props = smithyauth.Option{SchemeID: smithyauth.SchemeIDSigV4}
	if name != "" {
		smithyhttp.SetSigV4SigningName(&props.SignerProperties, name)
	}
	if region != "" {
		smithyhttp.SetSigV4SigningRegion(&props.SignerProperties, region)
	}
	smithyauth.SetAuthOptions(&ep.Properties, []*smithyauth.Option{&props})
	return ep
}

// TestPerCallEndpoint sends calls to endpoints resolved per call, on both
// paths: URI with base path, extra headers and signing scope.
func TestPerCallEndpoint(t *testing.T) {
	for _, stack := range []bool{false, true} {
		fc := okClient()
		cfg := baseConfig(fc)
		if stack {
			cfg.APIOptions = []func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}
		}
		c := NewClient(cfg)
		op := getOp("/things/a%2Fb")
		op.Endpoint = sigv4Endpoint("https://eu.example.com/base", "other-name", "eu-west-3",
			http.Header{"X-Endpoint": {"yes"}})
		if _, err := c.Invoke(context.Background(), op); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Invoke(context.Background(), getOp("/plain")); err != nil {
			t.Fatal(err)
		}
		sent := fc.requests()
		r := sent[0].req
		if r.URL.Host != "eu.example.com" || r.URL.EscapedPath() != "/base/things/a%2Fb" || r.Header.Get("X-Endpoint") != "yes" ||
			!strings.Contains(r.Header.Get("Authorization"), "/eu-west-3/other-name/aws4_request") {
			t.Errorf("stack=%v: sent to %s with %v", stack, r.URL, r.Header)
		}
		d := sent[1].req
		if d.URL.Host != "cleanrooms-ml.us-east-1.amazonaws.com" || d.Header.Get("X-Endpoint") != "" ||
			!strings.Contains(d.Header.Get("Authorization"), "/us-east-1/cleanrooms-ml/aws4_request") {
			t.Errorf("stack=%v: default call sent to %s with %v", stack, d.URL, d.Header)
		}
	}
}

// TestSigningNameFromContext checks that WithSigV4SigningName's way of
// overriding the signing scope (awsmiddleware.SetSigningName in an
// Initialize middleware) works on the stack path.
func TestSigningNameFromContext(t *testing.T) {
	fc := okClient()
	cfg := baseConfig(fc)
	cfg.APIOptions = []func(*middleware.Stack) error{func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("sign", func(ctx context.Context,
			in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			ctx = awsmiddleware.SetSigningName(ctx, "custom-name")
			return next.HandleInitialize(awsmiddleware.SetSigningRegion(ctx, "ap-south-2"), in)
		}), middleware.Before)
	}}
	if _, err := NewClient(cfg).Invoke(context.Background(), getOp("/x")); err != nil {
		t.Fatal(err)
	}
	if a := fc.requests()[0].req.Header.Get("Authorization"); !strings.Contains(a, "/ap-south-2/custom-name/aws4_request") {
		t.Errorf("Authorization %q", a)
	}
}

// TestStackMiddlewareIDs inserts a middleware relative to every listed ID.
func TestStackMiddlewareIDs(t *testing.T) {
	var ran []string
	var inserts []func(*middleware.Stack) error
	for step, ids := range StackMiddlewareIDs {
		for _, id := range ids {
			if strings.HasPrefix(id, "Intercept") {
				continue
			}
			mark := step + "/" + id
			inserts = append(inserts, func(s *middleware.Stack) error {
				return insertMark(s, step, id, mark, &ran)
			})
		}
	}
	cfg := baseConfig(okClient())
	cfg.APIOptions = inserts
	if _, err := NewClient(cfg).Invoke(context.Background(), getOp("/x")); err != nil {
		t.Fatal(err)
	}
	if len(ran) != len(inserts) {
		t.Errorf("%d of %d inserted middleware ran: %v", len(ran), len(inserts), ran)
	}
}

func insertMark(s *middleware.Stack, step, id, mark string, ran *[]string) error {
	rec := func() { *ran = append(*ran, mark) }
	switch step {
	case "Initialize":
		return s.Initialize.Insert(middleware.InitializeMiddlewareFunc(mark, func(ctx context.Context, in middleware.InitializeInput,
			next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			rec()
			return next.HandleInitialize(ctx, in)
		}), id, middleware.After)
	case "Serialize":
		return s.Serialize.Insert(middleware.SerializeMiddlewareFunc(mark, func(ctx context.Context, in middleware.SerializeInput,
			next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
			rec()
			return next.HandleSerialize(ctx, in)
		}), id, middleware.After)
	case "Build":
		return s.Build.Insert(middleware.BuildMiddlewareFunc(mark, func(ctx context.Context, in middleware.BuildInput,
			next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			rec()
			return next.HandleBuild(ctx, in)
		}), id, middleware.After)
	case "Finalize":
		return s.Finalize.Insert(middleware.FinalizeMiddlewareFunc(mark, func(ctx context.Context, in middleware.FinalizeInput,
			next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			rec()
			return next.HandleFinalize(ctx, in)
		}), id, middleware.After)
	case "Deserialize":
		return s.Deserialize.Insert(middleware.DeserializeMiddlewareFunc(mark, func(ctx context.Context, in middleware.DeserializeInput,
			next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
			rec()
			return next.HandleDeserialize(ctx, in)
		}), id, middleware.After)
	}
	return errors.New("unknown step " + step)
}

// TestClockSkewCorrection answers with a Date an hour ahead: the signature
// error is retried, signed at the server's time, and later calls of the
// client sign at that time too; with correction disabled nothing changes.
func TestClockSkewCorrection(t *testing.T) {
	for _, disabled := range []bool{false, true} {
		for _, stack := range []bool{false, true} {
			serverNow := time.Now().Add(time.Hour).UTC()
			fc := &fakeClient{respond: func(n int, r *http.Request) (*http.Response, error) {
				date := serverNow.Format(http.TimeFormat)
				signed, _ := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
				if d := signed.Sub(serverNow); d < -5*time.Minute || d > 5*time.Minute {
					return jsonResponse(403, "skewed", "X-Amzn-Errortype", "InvalidSignatureException", "Date", date), nil
				}
				return jsonResponse(200, "{}", "Date", date), nil
			}}
			cfg := baseConfig(fc)
			cfg.DisableClockSkewCorrection = disabled
			if stack {
				cfg.APIOptions = []func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}
			}
			c := NewClient(cfg)
			_, err := c.Invoke(context.Background(), getOp("/x"))
			if disabled {
				if err == nil || len(fc.requests()) != 1 || errors.As(err, new(*ClockSkewError)) {
					t.Errorf("disabled, stack=%v: err %v after %d requests", stack, err, len(fc.requests()))
				}
				continue
			}
			if err != nil || len(fc.requests()) != 2 {
				t.Fatalf("stack=%v: err %v after %d requests", stack, err, len(fc.requests()))
			}
			if _, err := c.Invoke(context.Background(), getOp("/y")); err != nil || len(fc.requests()) != 3 {
				t.Errorf("stack=%v: next call: err %v after %d requests", stack, err, len(fc.requests()))
			}
		}
	}
}

func TestRedactJSONMembers(t *testing.T) {
	r := RedactJSONMembers("secret", "nested")
	cases := map[string]string{
		`{"secret":"s3cr3t","name":"ok","list":[{"secret":12},{"nested":{"a":[1,"x"]}}]}`: `{"secret":"REDACTED","name":"ok","list":[{"secret":"REDACTED"},{"nested":"REDACTED"}]}`,
		` { "secret" : "a\"b" , "n" : null } `:                                            ` { "secret" : "REDACTED" , "n" : null } `,
		`not json`:                                                                        `[REDACTED: 8 bytes]`,
		`{"secret":"unterminated`:                                                         `[REDACTED: 23 bytes]`,
		`{"name":"ok"} trailing`:                                                          `[REDACTED: 22 bytes]`,
		`[true,false,1.5e3,"secret"]`:                                                     `[true,false,1.5e3,"secret"]`,
	}
	for in, want := range cases {
		if got := string(r([]byte(in))); got != want {
			t.Errorf("%s:\n got %s\nwant %s", in, got, want)
		}
	}
}

// TestCompressionAfterChecksum checks that a body whose checksum the
// serializer computed is not compressed behind the checksum's back.
func TestCompressionAfterChecksum(t *testing.T) {
	op := compressOp(bytes.Repeat([]byte("a"), DefaultRequestMinCompressSizeBytes), true, false)
	build := op.Build
	op.Build = func(r *Request) error {
		err := build(r)
		r.Header.Set("X-Amz-Checksum-Crc32", "AAAAAA==")
		return err
	}
	_, err := NewClient(baseConfig(okClient())).Invoke(context.Background(), op)
	if err == nil || !strings.Contains(err.Error(), "X-Amz-Checksum-Crc32 was computed before compression") {
		t.Errorf("error %v", err)
	}
}
