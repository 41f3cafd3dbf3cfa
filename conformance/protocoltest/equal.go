package protocoltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/smithygen/smithygen/runtime/document"
)

// Equal reports each difference between got and want, values of generated
// types: NaN equals NaN, times compare as instants, documents as JSON,
// streams by their content (a nil stream reads as empty), big numbers by
// value. Result metadata is ignored; nil and empty collections differ.
func Equal(t testing.TB, got, want any) {
	t.Helper()
	for _, d := range Diff(got, want) {
		t.Error(d)
	}
}

// Diff lists the differences between got and want, as Equal compares them.
func Diff(got, want any) []string {
	var c comparer
	c.value("", reflect.ValueOf(got), reflect.ValueOf(want))
	return c.diffs
}

type comparer struct{ diffs []string }

func (c *comparer) add(path string, format string, args ...any) {
	if path == "" {
		path = "value"
	}
	c.diffs = append(c.diffs, path+": "+fmt.Sprintf(format, args...))
}

var (
	docType      = reflect.TypeFor[document.Interface]()
	readerType   = reflect.TypeFor[io.Reader]()
	timeType     = reflect.TypeFor[time.Time]()
	bigIntType   = reflect.TypeFor[*big.Int]()
	bigFloatType = reflect.TypeFor[*big.Float]()
	metadataType = reflect.TypeFor[middleware.Metadata]()
)

func (c *comparer) value(path string, got, want reflect.Value) {
	if !got.IsValid() || !want.IsValid() {
		if got.IsValid() != want.IsValid() {
			c.add(path, "got %v, want %v", show(got), show(want))
		}
		return
	}
	if got.Type() != want.Type() {
		c.add(path, "got type %s, want %s", got.Type(), want.Type())
		return
	}
	if c.special(path, got, want) {
		return
	}
	switch got.Kind() {
	case reflect.Pointer, reflect.Interface:
		if got.IsNil() || want.IsNil() {
			if got.IsNil() != want.IsNil() {
				c.add(path, "got %v, want %v", show(got), show(want))
			}
			return
		}
		c.value(path, got.Elem(), want.Elem())
	case reflect.Struct:
		c.fields(path, got, want)
	case reflect.Slice:
		c.slice(path, got, want)
	case reflect.Map:
		c.mapValue(path, got, want)
	case reflect.Float32, reflect.Float64:
		g, w := got.Float(), want.Float()
		if g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
			c.add(path, "got %v, want %v", g, w)
		}
	default:
		if !reflect.DeepEqual(got.Interface(), want.Interface()) {
			c.add(path, "got %#v, want %#v", got.Interface(), want.Interface())
		}
	}
}

// special compares the types with their own notion of equality; it reports
// whether it handled the values.
func (c *comparer) special(path string, got, want reflect.Value) bool {
	t := got.Type()
	switch {
	case t == timeType:
		g, w := got.Interface().(time.Time), want.Interface().(time.Time)
		if !g.Equal(w) {
			c.add(path, "got %v, want %v", g, w)
		}
	case t == bigIntType || t == bigFloatType:
		c.bigNumber(path, got, want)
	case t.Kind() == reflect.Interface && t.Implements(docType) && !got.IsNil() && !want.IsNil():
		c.document(path, got.Interface().(document.Interface), want.Interface().(document.Interface))
	case t.Kind() == reflect.Interface && t.Implements(readerType):
		g, gerr := readAll(got)
		w, werr := readAll(want)
		if gerr != nil || werr != nil || !bytes.Equal(g, w) {
			c.add(path, "got stream %q (%v), want %q (%v)", g, gerr, w, werr)
		}
	default:
		return false
	}
	return true
}

// readAll reads a stream held in v; a nil stream reads as empty.
func readAll(v reflect.Value) ([]byte, error) {
	if v.IsNil() {
		return nil, nil
	}
	return io.ReadAll(v.Interface().(io.Reader))
}

func (c *comparer) bigNumber(path string, got, want reflect.Value) {
	if got.IsNil() || want.IsNil() {
		if got.IsNil() != want.IsNil() {
			c.add(path, "got %v, want %v", show(got), show(want))
		}
		return
	}
	type cmp interface{ String() string }
	var equal bool
	switch g := got.Interface().(type) {
	case *big.Int:
		equal = g.Cmp(want.Interface().(*big.Int)) == 0
	case *big.Float:
		equal = g.Cmp(want.Interface().(*big.Float)) == 0
	}
	if !equal {
		c.add(path, "got %s, want %s", got.Interface().(cmp), want.Interface().(cmp))
	}
}

func (c *comparer) document(path string, got, want document.Interface) {
	g, gerr := got.MarshalSmithyDocument()
	w, werr := want.MarshalSmithyDocument()
	if gerr != nil || werr != nil {
		c.add(path, "document: got error %v, want error %v", gerr, werr)
		return
	}
	if err := JSONEqual(g, w); err != nil {
		c.add(path, "document %s: %v; want %s", g, err, w)
	}
}

func (c *comparer) fields(path string, got, want reflect.Value) {
	t := got.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Type == metadataType {
			continue
		}
		c.value(join(path, f.Name), got.Field(i), want.Field(i))
	}
}

func (c *comparer) slice(path string, got, want reflect.Value) {
	if got.IsNil() != want.IsNil() {
		c.add(path, "got %v, want %v", show(got), show(want))
		return
	}
	if got.Len() != want.Len() {
		c.add(path, "got %d elements, want %d", got.Len(), want.Len())
		return
	}
	for i := range got.Len() {
		c.value(fmt.Sprintf("%s[%d]", path, i), got.Index(i), want.Index(i))
	}
}

func (c *comparer) mapValue(path string, got, want reflect.Value) {
	if got.IsNil() != want.IsNil() {
		c.add(path, "got %v, want %v", show(got), show(want))
		return
	}
	keys := want.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		g := got.MapIndex(k)
		if !g.IsValid() {
			c.add(fmt.Sprintf("%s[%q]", path, k), "missing")
			continue
		}
		c.value(fmt.Sprintf("%s[%q]", path, k), g, want.MapIndex(k))
	}
	if got.Len() > want.Len() {
		c.add(path, "got %d entries, want %d", got.Len(), want.Len())
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func show(v reflect.Value) string {
	switch {
	case !v.IsValid():
		return "nothing"
	case (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || v.Kind() == reflect.Slice ||
		v.Kind() == reflect.Map) && v.IsNil():
		return "nil"
	case v.Kind() == reflect.Slice || v.Kind() == reflect.Map:
		return fmt.Sprintf("%d-element %s", v.Len(), v.Kind())
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// JSONEqual reports how two JSON texts differ as values: object member
// order and number spelling (1 and 1.0) do not matter.
func JSONEqual(got, want []byte) error {
	g, err := decodeJSON(got)
	if err != nil {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	w, err := decodeJSON(want)
	if err != nil {
		return fmt.Errorf("expected body is invalid JSON: %w", err)
	}
	if !jsonValueEqual(g, w) {
		return fmt.Errorf("JSON differs")
	}
	return nil
}

func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("text after the JSON value")
	}
	return v, nil
}

func jsonValueEqual(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonValueEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonValueEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		p, _, perr := big.ParseFloat(string(x), 10, 256, big.ToNearestEven)
		q, _, qerr := big.ParseFloat(string(y), 10, 256, big.ToNearestEven)
		return perr == nil && qerr == nil && p.Cmp(q) == 0
	}
	return a == b
}
