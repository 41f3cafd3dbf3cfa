package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
	"github.com/smithygen/smithygen/templates/emit"
)

// TestClientRuntime runs Go tests of the clients and paginators generated
// from the default model and pagersModel against a fake HTTPClient, and the
// empty-page benchmarks.
func TestClientRuntime(t *testing.T) {
	s := generated(t)
	s.wantPassed(t, "cleanroomsml", "client_test.go")
	s.wantPassed(t, "pagers", "client_test.go")
}

// TestPaginatorTokens checks that tokens of different Go types in input and
// output get no paginator, and that the test model's operations get one.
func TestPaginatorTokens(t *testing.T) {
	str := &model.GoType{Kind: model.KindBasic, Ident: "string", Ptr: true}
	keys := &model.GoType{Kind: model.KindMap, Elem: &model.GoType{Kind: model.KindBasic, Ident: "string"}}
	for _, c := range []struct {
		in, out *model.GoType
		want    pagerTokenKind
	}{{str, str, pagerTokenStringPtr}, {keys, keys, pagerTokenMap}, {str, keys, pagerTokenNone}, {keys, str, pagerTokenNone}} {
		p := &model.Paginator{InputToken: &model.Field{Type: c.in}, OutputToken: []*model.Field{{Type: c.out}}}
		if got := pagerTokenOf(p); got != c.want {
			t.Errorf("tokens %#v, %#v: kind %d, want %d", emit.TypeCode(c.in), emit.TypeCode(c.out), got, c.want)
		}
	}
	s := generated(t)
	for _, op := range []string{"ListPlain", "ListNested", "ListByKey"} {
		if !strings.Contains(s.file(t, "pagers", "api_op_"+op+".go"), "func New"+op+"Paginator(") {
			t.Errorf("%s has no paginator", op)
		}
	}
}

// TestClientAPIInterface checks that API lists every operation of the full
// CleanRoomsML model, in operation order, with the client method signature.
func TestClientAPIInterface(t *testing.T) {
	src := readSource(t, filepath.Join(sharedData(t), "models", "smithy", "cleanroomsml.json"))
	a := buildAPI(t, "x/cleanroomsml", src)
	f, err := render("api_client.go", clientFile(a))
	if err != nil {
		t.Fatal(err)
	}
	methods := clientInterfaceMethods(t, f.Data, "API")
	if len(methods) != len(a.Operations) || len(methods) < 50 {
		t.Fatalf("API has %d methods, the model %d operations", len(methods), len(a.Operations))
	}
	for i, op := range a.Operations {
		want := op.Name + "(context.Context, *" + op.Input.Name + ", ...func(*Options)) (*" + op.Output.Name + ", error)"
		if methods[i] != want {
			t.Errorf("method %d: %s, want %s", i, methods[i], want)
		}
	}
}

// clientInterfaceMethods returns the methods of interface name in src,
// each as "Name(params) results".
func clientInterfaceMethods(t *testing.T, src []byte, name string) []string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "api_client.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Name.Name != name {
			return true
		}
		for _, m := range ts.Type.(*ast.InterfaceType).Methods.List {
			ft := m.Type.(*ast.FuncType)
			sig := string(src[fset.Position(ft.Params.Pos()).Offset:fset.Position(ft.End()).Offset])
			out = append(out, m.Names[0].Name+sig)
		}
		return false
	})
	return out
}

// clientFakeHTTPSource is a test file shared by the generated test packages:
// a fake HTTPClient that records requests and answers from a function.
const clientFakeHTTPSource = `package PKGNAME_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

type fakeHTTP struct {
	mu      sync.Mutex
	reqs    []*http.Request
	bodies  []string
	respond func(n int, r *http.Request, body string) *http.Response
}

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, r)
	f.bodies = append(f.bodies, string(body))
	n := len(f.reqs)
	f.mu.Unlock()
	return f.respond(n, r, string(body)), nil
}

func (f *fakeHTTP) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reqs)
}

func (f *fakeHTTP) request(t *testing.T, i int) (*http.Request, string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if i >= len(f.reqs) {
		t.Fatalf("request %d not sent (%d sent)", i+1, len(f.reqs))
	}
	return f.reqs[i], f.bodies[i]
}

func jsonResponse(status int, body string, header ...string) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, ContentLength: int64(len(body)),
		Body: io.NopCloser(strings.NewReader(body))}
}

// fastRetryer retries without delay or retry quota.
func fastRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.RateLimiter = ratelimit.None
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

var ctx = context.Background()
`

// clientTraitsModel has operations with and without the traits that make
// retries after a cut-off response safe, and @sensitive members in headers,
// bodies and nested structures.
const clientTraitsModel = `$version: "2"
namespace smithygen.test.traits

use aws.api#service
use aws.auth#sigv4
use aws.protocols#restJson1

@service(sdkId: "Traits")
@sigv4(name: "traits")
@restJson1
service Traits {
    version: "2024-01-01"
    operations: [GetThing, PutThing, CreateThing, DeleteThing]
}

@readonly
@http(method: "GET", uri: "/things/{id}")
operation GetThing {
    input := {
        @required
        @httpLabel
        id: String
    }
    output := {
        @jsonName("secretValue")
        value: Secret
    }
}

@idempotent
@http(method: "PUT", uri: "/things")
operation PutThing {
    input := {
        @httpHeader("X-Api-Key")
        apiKey: Secret
        nested: Nested
    }
}

@http(method: "POST", uri: "/things/new")
operation CreateThing {
    input := {
        @idempotencyToken
        token: String
    }
}

@http(method: "DELETE", uri: "/things")
operation DeleteThing {}

@sensitive
string Secret

structure Nested {
    password: Secret
    plain: String
}
`

// TestClientTraits checks the generated set of idempotent operations and
// the log redaction of @sensitive members.
func TestClientTraits(t *testing.T) {
	docs, err := idl.Convert([]idl.Source{{Name: "traits.smithy", Data: []byte(clientTraitsModel)}})
	if err != nil {
		t.Fatal(err)
	}
	a := buildAPI(t, "x/traits", &model.Source{Name: docs[0].Name, Data: docs[0].JSON})
	f, err := render("api_client.go", clientFile(a))
	if err != nil {
		t.Fatal(err)
	}
	src := string(f.Data)
	for _, want := range []string{
		`var idempotentOperations = map[string]bool{"CreateThing": true, "GetThing": true, "PutThing": true}`,
		`var redaction = &transport.Redaction{
	Body:    transport.RedactJSONMembers("password", "secretValue"),
	Headers: []string{"X-Api-Key"},
}`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("api_client.go lacks\n%s\nin\n%s", want, src)
		}
	}
	if strings.Contains(src, "DisableRequestCompression") {
		t.Error("compression options without an operation with requestCompression")
	}
}
