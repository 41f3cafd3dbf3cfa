package smithygen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"maps"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

// TestOperations generates the full cleanroomsml client into a scratch
// module, builds a valid input for every operation and runs a generated test
// that sends each input through the client to a fake HTTP client, checking
// the request's method and escaped path and that the response decodes.
func TestOperations(t *testing.T) {
	path := filepath.Join(sharedDir(t), "models", "smithy", "cleanroomsml.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	work := scratchModule(t, "opscheck")
	api := buildAPI(t, &model.Source{Name: path, Data: data}, "opscheck/cleanroomsml")
	if len(api.Operations) == 0 || len(api.Operations) != len(api.Closure.Operations) {
		t.Fatalf("%d operations generated for %d in the model", len(api.Operations), len(api.Closure.Operations))
	}
	dir := filepath.Join(work, "cleanroomsml")
	files, err := templates.Files(api)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		writeOrFail(t, filepath.Join(dir, f.Path), f.Data)
	}
	b := &inputBuilder{unions: map[string]string{}}
	cases := map[string]opCase{}
	for _, op := range api.Operations {
		c, err := b.opCase(op)
		if err != nil {
			t.Errorf("%s: no valid input: %v", op.Name, err)
			continue
		}
		cases[op.Name] = c
	}
	t.Logf("required union members: %v; required documents: %d", slices.Sorted(maps.Keys(b.unions)), b.documents)
	js, err := json.MarshalIndent(cases, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	writeOrFail(t, filepath.Join(dir, "testdata", "operations.json"), js)
	writeOrFail(t, filepath.Join(dir, "operations_test.go"), opsTestSource(t, api, b.unions))
	passed, logs := runOperationsTest(work, "cleanroomsml")
	for _, op := range api.Operations {
		if msg := strings.TrimSpace(logs[op.Name]); !passed[op.Name] && msg != "" {
			t.Errorf("%s: %s", op.Name, msg)
		} else if !passed[op.Name] {
			t.Errorf("%s: did not run", op.Name)
		}
	}
	t.Logf("%d of %d operations pass", len(passed), len(api.Operations))
	if len(passed) < len(api.Operations) && logs[""] != "" {
		t.Logf("go test output:\n%s", logs[""])
	}
}

// opCase is an operation's input, keyed by Go field names, and the request
// and response status it expects.
type opCase struct {
	Method string
	Path   string
	Status int
	Input  any
}

// inputBuilder builds valid inputs as JSON values. A union is written as
// {"Union": member type, "Value": value}, a document as {"Document": value}.
type inputBuilder struct {
	unions    map[string]string // union member type → its package's path
	documents int
}

func (b *inputBuilder) opCase(op *model.Op) (opCase, error) {
	if op.HTTP == nil || op.Input == nil {
		return opCase{}, errors.New("no http trait or input")
	}
	in := map[string]any{}
	labels := map[string]string{}
	for _, f := range op.Input.Fields {
		if !required(f) {
			continue
		}
		v, err := b.value(f.Type, f.Check, 0, 0)
		if err != nil {
			return opCase{}, fmt.Errorf("%s: %w", f.Name, err)
		}
		if f.Location == model.InLabel {
			if v, err = labelValue(v, f); err != nil {
				return opCase{}, fmt.Errorf("%s: %w", f.Name, err)
			}
			labels[f.LocationName] = labelText(v, f)
		}
		in[f.Name] = v
	}
	path, err := expectedPath(op.HTTP.URI, labels)
	return opCase{Method: op.HTTP.Method, Path: path, Status: op.HTTP.Code, Input: in}, err
}

// required reports whether a member is required, client-optional or not.
func required(f *model.Field) bool { return f.Check.Required || f.Member.Traits.Required }

// maxDepth bounds nesting through required members.
const maxDepth = 32

// value builds the variant-th value of a type: values of different variants
// differ, so that unique lists and map keys can be filled.
func (b *inputBuilder) value(t *model.GoType, c model.Constraints, variant, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("required members nest too deeply")
	}
	switch {
	case t.Kind == model.KindNamed:
		return b.named(t.Named, variant, depth)
	case t.Kind == model.KindSlice && t.Elem.Kind == model.KindBasic && t.Elem.Ident == "byte":
		lo, _ := lengthBounds(c)
		return bytes.Repeat([]byte{byte('a' + variant)}, max(lo, 1)), nil
	case t.Kind == model.KindSlice:
		return b.list(t, c, depth)
	case t.Kind == model.KindMap:
		return b.mapValue(t, c, depth)
	}
	return b.basic(t, c, variant)
}

func (b *inputBuilder) named(n *model.Named, variant, depth int) (any, error) {
	switch n.Kind {
	case model.NamedEnum, model.NamedIntEnum:
		if variant >= len(n.Values) {
			return nil, fmt.Errorf("%s has no value %d", n.Name, variant)
		}
		if n.Kind == model.NamedIntEnum {
			return n.Values[variant].Int, nil
		}
		return n.Values[variant].Value, nil
	case model.NamedUnion:
		if len(n.Fields) == 0 {
			return nil, fmt.Errorf("union %s has no members", n.Name)
		}
		f := n.Fields[0]
		c := f.Check
		c.Required = false
		v, err := b.value(f.Type, c, variant, depth+1)
		b.unions[f.Name] = n.Pkg
		return map[string]any{"Union": f.Name, "Value": v}, err
	}
	obj := map[string]any{}
	for _, f := range n.Fields {
		if required(f) {
			v, err := b.value(f.Type, f.Check, variant, depth+1)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
			obj[f.Name] = v
		}
	}
	return obj, nil
}

// count is the number of entries of a list or map: its minimum length, at
// least one when allowed.
func count(c model.Constraints) int {
	lo, hi := lengthBounds(c)
	if n := max(lo, 1); hi < 0 || n <= hi {
		return n
	}
	return hi
}

func (b *inputBuilder) list(t *model.GoType, c model.Constraints, depth int) (any, error) {
	items := make([]any, count(c))
	seen := map[string]bool{}
	for i := range items {
		v, err := b.value(t.Elem, t.ElemCheck, i, depth+1)
		if err != nil {
			return nil, fmt.Errorf("[%d]: %w", i, err)
		}
		js, _ := json.Marshal(v)
		if c.UniqueItems && seen[string(js)] {
			return nil, fmt.Errorf("[%d] repeats an item of a unique list", i)
		}
		seen[string(js)] = true
		items[i] = v
	}
	return items, nil
}

func (b *inputBuilder) mapValue(t *model.GoType, c model.Constraints, depth int) (any, error) {
	m := map[string]any{}
	for i := range count(c) {
		k, err := mapKey(t, i)
		if err != nil {
			return nil, fmt.Errorf("key %d: %w", i, err)
		}
		if m[k], err = b.value(t.Elem, t.ElemCheck, i, depth+1); err != nil {
			return nil, fmt.Errorf("[%q]: %w", k, err)
		}
	}
	return m, nil
}

// mapKey is the variant-th key of a map: an enum key's value or a string
// within the key's constraints.
func mapKey(t *model.GoType, variant int) (string, error) {
	if k := t.Shape.Member("key"); k != nil && k.Target.Type == model.Enum {
		if variant >= len(k.Target.Members) {
			return "", fmt.Errorf("enum %s has no value %d", k.Target.ID, variant)
		}
		m := k.Target.Members[variant]
		if m.Traits.EnumValue != nil {
			return m.Traits.EnumValue.String(), nil
		}
		return m.Name, nil
	}
	spec, err := newStringSpec(t.KeyCheck)
	if err != nil {
		return "", err
	}
	return spec.sample(variant)
}

func (b *inputBuilder) basic(t *model.GoType, c model.Constraints, variant int) (any, error) {
	switch t.Pkg + "." + t.Ident {
	case ".string":
		spec, err := newStringSpec(c)
		if err != nil {
			return nil, err
		}
		return spec.sample(variant)
	case ".bool":
		if variant > 1 {
			return nil, errors.New("no third boolean")
		}
		return variant == 0, nil
	case ".int8", ".int16", ".int32", ".int64", "math/big.Int":
		return number(c.Range, variant, true)
	case ".float32", ".float64":
		return number(c.Range, variant, false)
	case "math/big.Float": // decoded from a JSON string
		v, err := number(c.Range, variant, false)
		return fmt.Sprint(v), err
	case "time.Time":
		return time.Date(2024, 1, 2, 3, 4, 5+variant, 0, time.UTC).Format(time.RFC3339), nil
	case model.DocumentPkg + ".Interface":
		b.documents++
		return map[string]any{"Document": map[string]any{"variant": variant}}, nil
	}
	return nil, fmt.Errorf("no sample value of type %s.%s", t.Pkg, t.Ident)
}

// number is 1 moved into the range, plus variant.
func number(r *model.Bounds, variant int, integer bool) (any, error) {
	lo, hi := math.Inf(-1), math.Inf(1)
	if r != nil && r.Min != nil {
		lo = *r.Min
	}
	if r != nil && r.Max != nil {
		hi = *r.Max
	}
	if integer {
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	v := min(max(1, lo), hi) + float64(variant)
	switch {
	case v < lo || v > hi:
		return nil, fmt.Errorf("no number %d in range", variant)
	case integer:
		return int64(v), nil
	}
	return v, nil
}

func lengthBounds(c model.Constraints) (lo, hi int) {
	hi = -1
	if c.Length != nil && c.Length.Min != nil {
		lo = int(math.Ceil(*c.Length.Min))
	}
	if c.Length != nil && c.Length.Max != nil && *c.Length.Max < 1<<30 {
		hi = int(*c.Length.Max)
	}
	return lo, hi
}

// labelValue rewrites a string label so that escaping shows: it inserts (or
// substitutes) a space, ':' and '/' where the constraints allow.
func labelValue(v any, f *model.Field) (any, error) {
	s, ok := v.(string)
	if !ok || f.Type.Kind != model.KindBasic || f.Type.Ident != "string" {
		return v, nil
	}
	spec, err := newStringSpec(f.Check)
	if err != nil {
		return nil, err
	}
	for _, c := range " :/" {
		s = inject(s, c, spec)
	}
	return s, nil
}

func inject(s string, c rune, spec *stringSpec) string {
	r := []rune(s)
	for i := len(r); i >= 1; i-- {
		if t := string(r[:i]) + string(c) + string(r[i:]); spec.valid(t) {
			return t
		}
		if t := string(r[:i-1]) + string(c) + string(r[i:]); i > 1 && spec.valid(t) {
			return t
		}
	}
	return s
}

// labelText is a label value as the URI carries it, before escaping.
func labelText(v any, f *model.Field) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprint(v)
	}
	if tm, err := time.Parse(time.RFC3339, s); err == nil && f.Type.Ident == "Time" {
		switch f.TimestampFormat {
		case "epoch-seconds":
			return strconv.FormatInt(tm.Unix(), 10)
		case "http-date":
			return tm.Format(http.TimeFormat)
		}
	}
	return s
}

// expectedPath substitutes the labels of a URI pattern's path, each
// percent-encoded per RFC 3986; greedy labels keep '/'.
func expectedPath(uri string, labels map[string]string) (string, error) {
	path, _, _ := strings.Cut(uri, "?")
	var b strings.Builder
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path, '}')
		if i < 0 || j < i {
			b.WriteString(path)
			return b.String(), nil
		}
		name, greedy := strings.CutSuffix(path[i+1:j], "+")
		v, ok := labels[name]
		if !ok {
			return "", fmt.Errorf("no value for label %s", name)
		}
		b.WriteString(path[:i])
		b.WriteString(percentEncode(v, greedy))
		path = path[j+1:]
	}
}

func percentEncode(s string, keepSlash bool) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		unreserved := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0
		if unreserved || keepSlash && c == '/' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// runOperationsTest runs the generated test and returns the operations that
// pass and each operation's output; logs[""] holds the rest.
func runOperationsTest(work, pkg string) (passed map[string]bool, logs map[string]string) {
	cmd := exec.Command("go", "test", "-json", "-count=1", "-run", "^TestOperations$", "./"+pkg)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, _ := cmd.CombinedOutput()
	passed, logs = map[string]bool{}, map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal([]byte(line), &ev) != nil {
			logs[""] += line + "\n"
			continue
		}
		name, ok := strings.CutPrefix(ev.Test, "TestOperations/")
		if !ok {
			name = ""
		}
		if !strings.HasPrefix(ev.Output, "=== ") {
			logs[name] += ev.Output
		}
		if ev.Action == "pass" && name != "" {
			passed[name] = true
		}
	}
	return passed, logs
}

// opsTestSource is the generated package's test, from
// testdata/operations_test.go.tmpl: a call per operation and the union
// member types its inputs use.
func opsTestSource(t *testing.T, api *model.API, unions map[string]string) []byte {
	tmpl, err := os.ReadFile(filepath.Join("testdata", "operations_test.go.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	var calls, members strings.Builder
	for _, op := range api.Operations {
		fmt.Fprintf(&calls, "%q: call(c.%s),\n", op.Name, op.Name)
	}
	typesImport := ""
	for _, n := range slices.Sorted(maps.Keys(unions)) {
		qual := api.Package
		if unions[n] == api.TypesPath {
			qual, typesImport = "types", "types "+strconv.Quote(api.TypesPath)
		}
		fmt.Fprintf(&members, "%q: reflect.TypeFor[%s.%s](),\n", n, qual, n)
	}
	src := strings.NewReplacer("PKGPATH", api.ImportPath, "PKG", api.Package, "TYPESIMPORT", typesImport,
		"CALLS\n", calls.String(), "MEMBERS\n", members.String()).Replace(string(tmpl))
	formatted, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("generated test: %v\n%s", err, src)
	}
	return formatted
}
