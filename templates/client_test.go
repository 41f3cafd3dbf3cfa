package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

const clientModulePath = "github.com/smithygen/smithygen"

// clientGenerate generates the first service of src as package dir/pkg,
// where dir is relative to the module root.
func clientGenerate(t *testing.T, src *model.Source, dir, pkg string) []File {
	t.Helper()
	m, err := model.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, clientModulePath+"/"+dir+"/"+pkg, "")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Files(a)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// clientWrite writes files under root/dir/pkg.
func clientWrite(t *testing.T, root, dir, pkg string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, dir, pkg, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// clientTestFiles are the test files written into a generated package.
func clientTestFiles(dir, pkg, source string) []File {
	fake := strings.Replace(clientFakeHTTPSource, "PKG", pkg, 1)
	src := strings.Replace(source, "PKGPATH", clientModulePath+"/"+dir+"/"+pkg, 1)
	return []File{{Path: "fake_http_test.go", Data: []byte(fake)}, {Path: "client_test.go", Data: []byte(src)}}
}

// TestClientRuntime generates the default model and pagersModel into a
// directory of the module and runs Go tests of their clients and
// paginators against a fake HTTPClient, then the empty-page benchmarks.
func TestClientRuntime(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(root, ".clienttest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	dir := filepath.Base(tmp)
	cases := []struct {
		pkg, test string
		src       *model.Source
	}{
		{"cleanroomsml", clientCleanroomsTestSource, model.DefaultSource()},
		{"pagers", pagersTestSource, &model.Source{Name: "pagers.json", Data: []byte(pagersModel)}},
	}
	args := []string{"test", "-count=1", "-bench=.", "-benchtime=2000x"}
	for _, c := range cases {
		clientWrite(t, root, dir, c.pkg, clientGenerate(t, c.src, dir, c.pkg))
		clientWrite(t, root, dir, c.pkg, clientTestFiles(dir, c.pkg, c.test))
		args = append(args, "./"+dir+"/"+c.pkg)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test: %v\n%s", err, out)
	}
	for _, l := range regexp.MustCompile(`(?m)^Benchmark.*$`).FindAllString(string(out), -1) {
		t.Log(l)
	}
}

// TestPaginatorUnsupportedToken checks that an integer token gets a comment
// instead of a paginator, and the other operations get paginators.
func TestPaginatorUnsupportedToken(t *testing.T) {
	files := clientGenerate(t, &model.Source{Name: "pagers.json", Data: []byte(pagersModel)}, "x", "pagers")
	src := map[string]string{}
	for _, f := range files {
		src[f.Path] = string(f.Data)
	}
	numbers := src["api_op_ListNumbers.go"]
	if !strings.Contains(numbers, "// ListNumbers has no paginator") || strings.Contains(numbers, "ListNumbersPaginator") {
		t.Errorf("ListNumbers: want a comment and no paginator:\n%s", numbers)
	}
	for _, op := range []string{"ListPlain", "ListNested", "ListByKey"} {
		if !strings.Contains(src["api_op_"+op+".go"], "func New"+op+"Paginator(") {
			t.Errorf("%s has no paginator", op)
		}
	}
}

// clientShared returns the shared reference data directory: SMITHY_SHARED,
// else ../shared from the module root.
func clientShared(t *testing.T) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// TestClientAPIInterface checks that API lists every operation of the full
// CleanRoomsML model, in operation order, with the client method signature.
func TestClientAPIInterface(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(clientShared(t), "models", "smithy", "cleanroomsml.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(&model.Source{Name: "cleanroomsml.json", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, "x/cleanroomsml", "")
	if err != nil {
		t.Fatal(err)
	}
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
const clientFakeHTTPSource = `package PKG_test

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
