// Package queryform emits the request encoders of the query protocols
// (awsQuery, ec2Query): per shape a function writing its members as the
// dotted keys of an application/x-www-form-urlencoded body on
// runtime/query's Encoder.
package queryform

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/naming"
	"github.com/smithygen/smithygen/templates/emit"
)

// Pkg is the import path of the query runtime package.
const Pkg = "github.com/smithygen/smithygen/runtime/query"

// Q is a qualified identifier of the query runtime package.
func Q(name string) *jen.Statement { return jen.Qual(Pkg, name) }

// Encoders are the query encoding functions of one file: one per
// structure and union reachable from the roots, and per list or map that
// is an item or value of another collection. Their signatures fit the
// runtime's List and Map item parameter:
//
//	func encodeQueryS(e *query.Encoder, v *types.S)
//	func encodeQueryU(e *query.Encoder, v *types.U)
//	func encodeQueryL(e *query.Encoder, v *[]T)
type Encoders struct {
	api   *model.API
	ec2   bool
	names map[*model.Shape]string
	types []*model.GoType
}

// NewEncoders returns the encoders of the shapes reachable from roots.
// ec2 selects ec2Query's key names.
func NewEncoders(a *model.API, roots []*model.GoType, ec2 bool) *Encoders {
	c := &Encoders{api: a, ec2: ec2, names: map[*model.Shape]string{}}
	seen := map[*model.Shape]bool{}
	var walk func(t *model.GoType, item bool)
	walk = func(t *model.GoType, item bool) {
		k := emit.KindOf(t)
		coll := k == emit.KList || k == emit.KMap
		if t.Shape == nil || k != emit.KStruct && k != emit.KUnion && !coll {
			return
		}
		if coll && t.Elem != nil {
			walk(t.Elem, true)
		}
		if seen[t.Shape] || coll && !item {
			return
		}
		seen[t.Shape] = true
		c.types = append(c.types, t)
		if t.Named != nil {
			for _, f := range t.Named.Fields {
				walk(f.Type, false)
			}
		}
	}
	for _, t := range roots {
		walk(t, false)
	}
	sort.Slice(c.types, func(i, j int) bool { return c.types[i].Shape.ID < c.types[j].Shape.ID })
	used := map[string]bool{}
	for _, t := range c.types {
		base := naming.Exported(a.Closure.Name(t.Shape))
		name := base
		for i := 2; used[name]; i++ {
			name = base + strconv.Itoa(i)
		}
		used[name] = true
		c.names[t.Shape] = name
	}
	sort.SliceStable(c.types, func(i, j int) bool { return c.names[c.types[i].Shape] < c.names[c.types[j].Shape] })
	return c
}

// RootTypes are the types of the members of ns.
func RootTypes(ns []*model.Named) []*model.GoType {
	var out []*model.GoType
	for _, n := range ns {
		for _, f := range n.Fields {
			out = append(out, f.Type)
		}
	}
	return out
}

// Fn is the name of the function encoding t.
func (c *Encoders) Fn(t *model.GoType) string { return "encodeQuery" + c.names[t.Shape] }

// Emit adds every collected encoder to f.
func (c *Encoders) Emit(f *jen.File) {
	for _, t := range c.types {
		f.Add(c.encoderFunc(t))
		f.Line()
	}
}

// Key is the key segment of a structure or union member: awsQuery's
// xmlName, else the member name; ec2Query's ec2QueryName, else the
// capitalized xmlName or member name.
func (c *Encoders) Key(m *model.MemberShape) string {
	if c.ec2 {
		if n := m.Traits.EC2QueryName; n != "" {
			return n
		}
		n := m.Name
		if x := m.Traits.XMLName; x != "" {
			n = x
		}
		return strings.ToUpper(n[:1]) + n[1:]
	}
	if n := m.Traits.XMLName; n != "" {
		return n
	}
	return m.Name
}

// collName is the xmlName of a collection's member named member (the list
// member, map key or value), else member.
func collName(t *model.GoType, member string) string {
	if t.Shape != nil {
		if m := t.Shape.Member(member); m != nil && m.Traits.XMLName != "" {
			return m.Traits.XMLName
		}
	}
	return member
}

func encCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("e").Dot(method).Call(args...)
}

// EncoderParam is the encoder parameter "e *query.Encoder".
func EncoderParam() jen.Code { return jen.Id("e").Op("*").Qual(Pkg, "Encoder") }

func timeFormat(format string) jen.Code {
	x := "github.com/smithygen/smithygen/runtime/xml"
	switch format {
	case "http-date":
		return jen.Qual(x, "HTTPDate")
	case "epoch-seconds":
		return jen.Qual(x, "EpochSeconds")
	}
	return jen.Qual(x, "DateTime")
}

// Value writes v, a set value of type t, under key (a string expression,
// "" for the current key). flat reports a flattened list or map.
func (c *Encoders) Value(t *model.GoType, key jen.Code, v jen.Code, format string, flat bool) []jen.Code {
	switch emit.KindOf(t) {
	case emit.KString:
		return []jen.Code{encCall("Str", key, emit.Deref(t, v))}
	case emit.KEnum:
		return []jen.Code{encCall("Str", key, jen.String().Call(emit.Deref(t, v)))}
	case emit.KInt, emit.KIntEnum:
		return []jen.Code{encCall("Int", key, jen.Int64().Call(emit.Deref(t, v)))}
	case emit.KBool:
		return []jen.Code{encCall("Bool", key, emit.Deref(t, v))}
	case emit.KFloat:
		return []jen.Code{encCall("Float", key, jen.Float64().Call(emit.Deref(t, v)), jen.Lit(emit.FloatBits(t)))}
	case emit.KTime:
		return []jen.Code{encCall("Time", key, emit.Deref(t, v), timeFormat(format))}
	case emit.KBlob:
		return []jen.Code{encCall("Blob", key, v)}
	case emit.KBigInt:
		return []jen.Code{encCall("BigInt", key, v)}
	case emit.KBigFloat:
		return []jen.Code{encCall("BigFloat", key, v)}
	case emit.KStruct, emit.KUnion:
		arg := v
		if emit.KindOf(t) == emit.KUnion || !t.Ptr {
			arg = jen.Op("&").Add(v)
		}
		return []jen.Code{jen.Block(
			jen.Id("m").Op(":=").Add(encCall("Push", key)),
			jen.Id(c.Fn(t)).Call(jen.Id("e"), arg),
			encCall("Pop", jen.Id("m")),
		)}
	case emit.KList:
		return []jen.Code{Q("List").Call(jen.Id("e"), key, jen.Lit(collName(t, "member")), jen.Lit(flat), v,
			c.itemFunc(t.Elem, emit.ElemFormat(t, "date-time")))}
	case emit.KMap:
		return []jen.Code{Q("Map").Call(jen.Id("e"), key, jen.Lit(collName(t, "key")), jen.Lit(collName(t, "value")), jen.Lit(flat), v,
			c.itemFunc(t.Elem, emit.ElemFormat(t, "date-time")))}
	case emit.KDocument:
		return []jen.Code{encCall("Fail", jen.Qual("errors", "New").Call(jen.Lit("documents are not supported by the query protocols")))}
	}
	return nil
}

// itemFunc is a function writing a *T at the current key: a runtime item
// encoder of scalars, a shape's own encoder, or a function literal.
func (c *Encoders) itemFunc(t *model.GoType, format string) jen.Code {
	vt := emit.ValueType(t)
	if !t.Ptr {
		switch emit.KindOf(t) {
		case emit.KString:
			return Q("StrItem")
		case emit.KEnum:
			return Q("EnumItem").Types(vt)
		case emit.KBool:
			return Q("BoolItem")
		case emit.KInt, emit.KIntEnum:
			return Q("IntItem").Types(vt)
		case emit.KFloat:
			if emit.FloatBits(t) == 32 {
				return Q("Float32Item")
			}
			return Q("Float64Item")
		case emit.KBlob:
			return Q("BlobItem")
		case emit.KTime:
			switch format {
			case "http-date":
				return Q("HTTPDateItem")
			case "epoch-seconds":
				return Q("EpochSecondsItem")
			}
			return Q("DateTimeItem")
		case emit.KStruct, emit.KUnion, emit.KList, emit.KMap:
			return jen.Id(c.Fn(t))
		}
	}
	var body []jen.Code
	if emit.Nilable(t) && emit.KindOf(t) != emit.KList && emit.KindOf(t) != emit.KMap && emit.KindOf(t) != emit.KBlob {
		body = append(body, jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Return()))
	}
	body = append(body, c.Value(t, jen.Lit(""), jen.Op("*").Id("v"), format, false)...)
	return jen.Func().Params(EncoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Block(body...)
}

// encoderFunc emits the encoding function of a shape.
func (c *Encoders) encoderFunc(t *model.GoType) jen.Code {
	param := jen.Id("v").Op("*").Add(emit.TypeCode(t))
	switch emit.KindOf(t) {
	case emit.KUnion:
		return c.unionEncoder(t)
	case emit.KList, emit.KMap:
		return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), param).Block(
			c.Value(t, jen.Lit(""), jen.Op("*").Id("v"), "", false)...)
	}
	return c.StructEncoder(c.Fn(t), jen.Op("*").Add(emit.ValueType(t)), t.Named.Fields)
}

// StructEncoder writes the fields of v that are set; a member with a
// default is written as its default when unset.
func (c *Encoders) StructEncoder(name string, param jen.Code, fields []*model.Field) jen.Code {
	var body []jen.Code
	for _, f := range fields {
		body = append(body, c.field(f)...)
	}
	return jen.Func().Id(name).Params(EncoderParam(), jen.Id("v").Add(param)).Block(body...)
}

func (c *Encoders) field(f *model.Field) []jen.Code {
	v := jen.Id("v").Dot(f.Name)
	key := jen.Lit(c.Key(f.Member))
	flat := f.Member.Traits.XMLFlattened
	write := func(v jen.Code) []jen.Code { return c.Value(f.Type, key, v, f.TimestampFormat, flat) }
	def := emit.DefaultValue(f)
	cond := emit.IsSet(f.Type, v)
	if def == nil || cond == nil || !f.Type.Ptr {
		return emit.IfSet(f.Type, v, write(v)...)
	}
	return []jen.Code{jen.Block(append([]jen.Code{
		jen.Id("x").Op(":=").Add(v),
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Id("x").Op("=").Add(def)),
	}, write(jen.Id("x"))...)...)}
}

// unionEncoder writes the union's member.
func (c *Encoders) unionEncoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	usesValue := false
	for _, f := range n.Fields {
		var body []jen.Code
		if emit.KindOf(f.Type) != emit.KUnit {
			usesValue = true
			body = c.Value(f.Type, jen.Lit(c.Key(f.Member)), jen.Id("uv").Dot("Value"), f.TimestampFormat, f.Member.Traits.XMLFlattened)
		}
		cases = append(cases, jen.Case(jen.Op("*").Qual(n.Pkg, f.Name)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(encCall("UnknownMember", jen.Lit(n.Name))))
	sw := jen.Switch(jen.Parens(jen.Op("*").Id("v")).Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("uv").Op(":=").Parens(jen.Op("*").Id("v")).Assert(jen.Type()))
	}
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Block(sw.Block(cases...))
}
