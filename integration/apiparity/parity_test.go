package apiparity

import (
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	_ "github.com/aws/aws-sdk-go-v2/service/cleanrooms"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

const (
	sdkPkg  = "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	genPath = "github.com/smithygen/smithygen/integration/apiparity/.scratch/cleanrooms"
)

// generate writes the client of the shared Clean Rooms model into .scratch
// (ignored by ./... patterns) and returns its directory.
func generate(t *testing.T) {
	shared := os.Getenv("SMITHY_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	m, err := model.LoadFiles(filepath.Join(shared, "models", "smithy", "cleanrooms.json"))
	if err != nil {
		t.Fatalf("shared models (set SMITHY_SHARED): %v", err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	api, err := templates.BuildAPI(c, genPath, "cleanrooms")
	if err != nil {
		t.Fatal(err)
	}
	files, err := templates.Files(api)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(".scratch", "cleanrooms")
	if err := os.RemoveAll(".scratch"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(".scratch") })
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// surface is the client API of a package, by name: Options fields, New… and
// With… functions, and the Endpoint… and Auth… types, each with its type
// written relative to the package.
func surface(t *testing.T, pkg *types.Package) map[string]string {
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Path()
	}
	out := map[string]string{}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch {
		case name == "Options":
			st := obj.Type().Underlying().(*types.Struct)
			for i := range st.NumFields() {
				if f := st.Field(i); f.Exported() {
					out["Options."+f.Name()] = types.TypeString(f.Type(), qual)
				}
			}
		case strings.HasPrefix(name, "New") || strings.HasPrefix(name, "With"):
			if fn, ok := obj.(*types.Func); ok {
				out[name] = types.TypeString(fn.Type(), qual)
			}
		case strings.HasPrefix(name, "Endpoint") || strings.HasPrefix(name, "Auth"):
			if tn, ok := obj.(*types.TypeName); ok {
				out[name] = kindOf(tn)
				if it, ok := tn.Type().Underlying().(*types.Interface); ok {
					for i := range it.NumMethods() {
						m := it.Method(i)
						out[name+"."+m.Name()] = types.TypeString(m.Type(), qual)
					}
				}
			}
		}
	}
	return out
}

func kindOf(tn *types.TypeName) string {
	switch tn.Type().Underlying().(type) {
	case *types.Interface:
		return "interface"
	case *types.Struct:
		return "struct"
	case *types.Signature:
		return "func"
	}
	return "type"
}

// missing are the names the README's table of missing aws-sdk-go-v2 API
// lists.
func missing(t *testing.T) map[string]bool {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	start := strings.Index(s, "Missing, and why")
	if start < 0 {
		t.Fatal("README lacks the table of missing API")
	}
	end := strings.Index(s[start:], "\n\n###")
	if end < 0 {
		end = len(s) - start
	}
	out := map[string]bool{}
	name := regexp.MustCompile("`([A-Z][A-Za-z0-9]*)`")
	for _, line := range strings.Split(s[start:start+end], "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			continue
		}
		for _, m := range name.FindAllStringSubmatch(cells[1], -1) {
			out[m[1]] = true
		}
	}
	return out
}

// TestClientAPI checks that every Options field, New… and With… function
// and endpoint or auth type of aws-sdk-go-v2's client exists in the
// generated client with the same type, or is listed in the README as
// missing, with its reason; and that nothing listed there exists.
func TestClientAPI(t *testing.T) {
	generate(t)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, sdkPkg, "./.scratch/cleanrooms")
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p
	}
	sdk, ours := surface(t, byPath[sdkPkg].Types), surface(t, byPath[genPath].Types)
	listed := missing(t)
	// Types that are aliases of the SDK's internal packages compare by
	// their fields instead (EndpointResolverOptions).
	internal := regexp.MustCompile(`github\.com/aws/aws-sdk-go-v2/service/cleanrooms/internal/`)
	var keys []string
	for k := range sdk {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	checked := 0
	var newer []string
	for _, k := range keys {
		root, _, _ := strings.Cut(strings.TrimPrefix(k, "Options."), ".")
		want, got := sdk[k], ours[k]
		if op, ok := operationOf(root); ok && byPath[genPath].Types.Scope().Lookup(op+"Input") == nil {
			newer = append(newer, k) // an operation the model snapshot predates
			continue
		}
		switch {
		case listed[root]:
			if _, ok := ours[k]; ok {
				t.Errorf("%s exists but the README lists it as missing", k)
			}
		case got == "":
			t.Errorf("%s (%s) is missing and not listed in the README", k, want)
		case got != want && !internal.MatchString(want):
			t.Errorf("%s: type %s, aws-sdk-go-v2's is %s", k, got, want)
		default:
			checked++
		}
	}
	t.Logf("%d entries of aws-sdk-go-v2's client API present with the same types; %d listed as missing; "+
		"for operations newer than the model snapshot: %s", checked, len(listed), strings.Join(newer, ", "))
	if checked < 30 {
		t.Errorf("only %d entries compared", checked)
	}
}

// operationOf returns the operation of a paginator or waiter constructor.
func operationOf(name string) (string, bool) {
	if op, ok := strings.CutSuffix(strings.TrimPrefix(name, "New"), "Paginator"); ok && strings.HasPrefix(name, "New") {
		return op, true
	}
	return "", false
}
