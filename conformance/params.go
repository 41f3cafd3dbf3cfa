package conformance

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/wire"
	"github.com/smithygen/smithygen/templates/emit"
)

// ProtocolTestPkg is the import path of the helpers generated tests use.
const ProtocolTestPkg = "github.com/smithygen/smithygen/conformance/protocoltest"

func helper(name string) *jen.Statement { return jen.Qual(ProtocolTestPkg, name) }

// valueType is t without its pointer.
func valueType(t *model.GoType) *jen.Statement {
	v := *t
	v.Ptr = false
	return emit.TypeCode(&v)
}

// literal is the Go expression of params value p as a value of type t.
func literal(t *model.GoType, p gjson.Result, path string) (jen.Code, error) {
	if p.Type == gjson.Null {
		if nilable(t) {
			return jen.Nil(), nil
		}
		return nil, fmt.Errorf("%s: null for a %s", path, t.Ident)
	}
	switch {
	case t.Kind == model.KindSlice && isBlob(t):
		return jen.Index().Byte().Parens(jen.Lit(p.String())), nil
	case t.Kind == model.KindSlice:
		return listLiteral(t, p, path)
	case t.Kind == model.KindMap:
		return mapLiteral(t, p, path)
	case t.Kind == model.KindNamed && t.Named != nil && t.Named.Kind != model.NamedEnum && t.Named.Kind != model.NamedIntEnum:
		return namedLiteral(t, p, path)
	}
	v, err := scalar(t, p, path)
	if err != nil || !t.Ptr || t.Pkg == "math/big" {
		return v, err
	}
	return helper("Ptr").Call(v), nil
}

func isBlob(t *model.GoType) bool { return t.Shape != nil && t.Shape.Type == model.Blob }

// nilable reports whether nil is a value of t.
func nilable(t *model.GoType) bool {
	if t.Ptr || t.Kind == model.KindSlice || t.Kind == model.KindMap {
		return true
	}
	if t.Named != nil {
		return t.Named.Kind == model.NamedUnion
	}
	return t.Pkg == "io" || t.Pkg == model.DocumentPkg
}

// scalar is the value (never a pointer) of a scalar type.
func scalar(t *model.GoType, p gjson.Result, path string) (jen.Code, error) {
	vt := valueType(t)
	switch {
	case t.Pkg == "time":
		return timeLiteral(p, path)
	case t.Pkg == "io" && t.Ident == "ReadCloser":
		return jen.Qual("io", "NopCloser").Call(helper("Reader").Call(jen.Lit(p.String()))), nil
	case t.Pkg == "io":
		return helper("Reader").Call(jen.Lit(p.String())), nil
	case t.Pkg == model.DocumentPkg:
		return helper("Document").Call(jen.Lit(p.Raw)), nil
	case t.Pkg == "math/big" && t.Ident == "Int":
		return helper("BigInt").Call(jen.Lit(p.Raw)), nil
	case t.Pkg == "math/big":
		return helper("BigFloat").Call(jen.Lit(p.Raw)), nil
	}
	switch p.Type {
	case gjson.String:
		if isFloat(t) {
			return floatLiteral(vt, p.Str, path)
		}
		if t.Named == nil && t.Ident == "string" {
			return jen.Lit(p.Str), nil
		}
		return vt.Call(jen.Lit(p.Str)), nil
	case gjson.Number:
		return vt.Call(jen.Op(p.Raw)), nil
	case gjson.True, gjson.False:
		return jen.Lit(p.Bool()), nil
	}
	return nil, fmt.Errorf("%s: %s value for %s", path, p.Type, t.Ident)
}

func isFloat(t *model.GoType) bool {
	if t.Named != nil {
		return false
	}
	return t.Ident == "float32" || t.Ident == "float64"
}

func floatLiteral(vt *jen.Statement, s, path string) (jen.Code, error) {
	switch s {
	case "NaN":
		return vt.Call(jen.Qual("math", "NaN").Call()), nil
	case "Infinity":
		return vt.Call(jen.Qual("math", "Inf").Call(jen.Lit(1))), nil
	case "-Infinity":
		return vt.Call(jen.Qual("math", "Inf").Call(jen.Lit(-1))), nil
	}
	return nil, fmt.Errorf("%s: %q is not a number", path, s)
}

// timeLiteral reads epoch seconds exactly, fractions included, or an RFC
// 3339 date-time (as event stream cases write them).
func timeLiteral(p gjson.Result, path string) (jen.Code, error) {
	if p.Type == gjson.String {
		tm, err := time.Parse(time.RFC3339Nano, p.Str)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return helper("Time").Call(jen.Op(strconv.FormatInt(tm.Unix(), 10)), jen.Lit(tm.Nanosecond())), nil
	}
	if p.Type != gjson.Number {
		return nil, fmt.Errorf("%s: timestamp %s is not epoch seconds", path, p.Raw)
	}
	tm, err := wire.ParseEpoch(p.Raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return helper("Time").Call(jen.Op(strconv.FormatInt(tm.Unix(), 10)), jen.Lit(tm.Nanosecond())), nil
}

func listLiteral(t *model.GoType, p gjson.Result, path string) (jen.Code, error) {
	if !p.IsArray() {
		return nil, fmt.Errorf("%s: %s for a list", path, p.Type)
	}
	var items []jen.Code
	for i, e := range p.Array() {
		v, err := literal(t.Elem, e, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		items = append(items, jen.Line().Add(v))
	}
	if len(items) > 0 {
		items = append(items, jen.Line())
	}
	return valueType(t).Values(items...), nil
}

func mapLiteral(t *model.GoType, p gjson.Result, path string) (jen.Code, error) {
	if !p.IsObject() {
		return nil, fmt.Errorf("%s: %s for a map", path, p.Type)
	}
	var items []jen.Code
	var err error
	p.ForEach(func(k, e gjson.Result) bool {
		var v jen.Code
		if v, err = literal(t.Elem, e, fmt.Sprintf("%s[%q]", path, k.Str)); err != nil {
			return false
		}
		items = append(items, jen.Line().Lit(k.Str).Op(":").Add(v))
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(items) > 0 {
		items = append(items, jen.Line())
	}
	return valueType(t).Values(items...), nil
}

// namedLiteral builds a structure, error or union value.
func namedLiteral(t *model.GoType, p gjson.Result, path string) (jen.Code, error) {
	n := t.Named
	if !p.IsObject() {
		return nil, fmt.Errorf("%s: %s for %s", path, p.Type, n.Name)
	}
	if n.Kind == model.NamedUnion {
		return unionLiteral(n, p, path)
	}
	fields, err := fieldValues(n, p, path)
	if err != nil {
		return nil, err
	}
	lit := valueType(t).Values(fields...)
	if t.Ptr {
		return jen.Op("&").Add(lit), nil
	}
	return lit, nil
}

// fieldValues are the "Field: value" entries of a structure or error, in
// field order.
func fieldValues(n *model.Named, p gjson.Result, path string) ([]jen.Code, error) {
	var out []jen.Code
	used := 0
	for _, f := range n.Fields {
		v := p.Get(gjsonKey(f.Member.Name))
		if !v.Exists() {
			continue
		}
		used++
		code, err := literal(f.Type, v, path+"."+f.Member.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, jen.Line().Id(f.Name).Op(":").Add(code))
	}
	if n.Kind == model.NamedError && n.MessageField == nil {
		if m := messageParam(p); m.Exists() {
			used++
			out = append(out, jen.Line().Id("Message").Op(":").Add(helper("Ptr").Call(jen.Lit(m.String()))))
		}
	}
	if count := len(p.Map()); used != count {
		return nil, fmt.Errorf("%s: params name members %s does not have", path, n.Name)
	}
	if len(out) > 0 {
		out = append(out, jen.Line())
	}
	return out, nil
}

func messageParam(p gjson.Result) gjson.Result {
	for _, k := range []string{"message", "Message"} {
		if v := p.Get(k); v.Exists() {
			return v
		}
	}
	return gjson.Result{}
}

// unionLiteral builds the wrapper of a union's one member.
func unionLiteral(n *model.Named, p gjson.Result, path string) (jen.Code, error) {
	m := p.Map()
	if len(m) != 1 {
		return nil, fmt.Errorf("%s: a union value needs exactly one member", path)
	}
	for _, f := range n.Fields {
		v := p.Get(gjsonKey(f.Member.Name))
		if !v.Exists() {
			continue
		}
		wrapper := jen.Op("&").Qual(n.Pkg, f.Name)
		if f.Type.Shape != nil && f.Type.Shape.Type == model.Structure && f.Type.Ident == "Unit" {
			return wrapper.Values(), nil
		}
		code, err := literal(f.Type, v, path+"."+f.Member.Name)
		if err != nil {
			return nil, err
		}
		return wrapper.Values(jen.Id("Value").Op(":").Add(code)), nil
	}
	return nil, fmt.Errorf("%s: no member of union %s in params", path, n.Name)
}

// gjsonKey escapes an object key for gjson.Get.
func gjsonKey(k string) string {
	r := strings.NewReplacer(".", `\.`, "*", `\*`, "?", `\?`, "|", `\|`, "#", `\#`, "@", `\@`)
	return r.Replace(k)
}
