package bedrock

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"go.uber.org/goleak"

	ours "github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

var creds = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "test"}, nil
}))

// leakCheck fails the test if goroutines it started outlive it: stream
// readers and writers. The HTTP connection pool's goroutines end on their
// own once the test's server has closed its connections, possibly later.
func leakCheck(t *testing.T) {
	t.Helper()
	t.Cleanup(func() {
		goleak.VerifyNone(t, goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
			goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"))
	})
}

// server serves s, recording the path of each request; the server and its
// connections are gone when the test ends.
func server(t *testing.T, s http.Handler) *httptest.Server {
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

// client is a generated client sending to srv, signed, without retries.
func client(t *testing.T, srv *httptest.Server) *ours.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return ours.New(ours.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      creds,
		HTTPClient:       &http.Client{Transport: tr},
		RetryMaxAttempts: 1,
	})
}

func converseServer(t *testing.T, c eventstreamtest.Converse) *httptest.Server {
	return server(t, &eventstreamtest.Stream{Messages: c.Messages()})
}

// render writes a value of generated or aws-sdk-go-v2 types in a form the
// two share: type names of union members and structures, exported fields
// that are set, in name order.
func render(v any) string {
	var b strings.Builder
	renderValue(&b, reflect.ValueOf(v))
	return b.String()
}

func renderValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("nil")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		renderValue(b, v.Elem())
	case reflect.Struct:
		t := v.Type()
		if t.PkgPath() == "time" {
			fmt.Fprint(b, v.Interface())
			return
		}
		var names []string
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && !v.Field(i).IsZero() && f.Name != "ResultMetadata" {
				names = append(names, f.Name)
			}
		}
		sort.Strings(names)
		b.WriteString(t.Name() + "{")
		for i, n := range names {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(n + ":")
			renderValue(b, v.FieldByName(n))
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		b.WriteString("[")
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(" ")
			}
			renderValue(b, v.Index(i))
		}
		b.WriteString("]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprint(b, k.Interface(), ":")
			renderValue(b, v.MapIndex(k))
		}
		b.WriteString("]")
	default:
		fmt.Fprint(b, v.Interface())
	}
}
