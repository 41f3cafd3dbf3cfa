package model

import (
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model/naming"
)

// fill computes a declaration's fields or values.
func (b *builder) fill(n *Named) {
	switch n.Kind {
	case NamedEnum, NamedIntEnum:
		n.Values = enumValues(n)
		return
	case NamedError:
		n.ErrorCode = n.Shape.Name()
		if q := n.Shape.Traits.AWSQueryError; q != nil && q.Code != "" && b.api.Bindings.QueryErrorCodes {
			n.ErrorCode = q.Code
		}
		n.Fault = n.Shape.Traits.Error
	}
	top := n.Pkg == b.api.ImportPath || n.Kind == NamedError
	for _, m := range n.Shape.Members {
		n.Fields = append(n.Fields, b.field(n, m, top))
	}
	b.nameFields(n)
	switch n.Kind {
	case NamedStruct:
		sortFields(n.Fields)
	case NamedUnion:
		for _, f := range n.Fields {
			f.Type = unionValue(f.Type)
		}
		if n.Shape.Traits.Streaming {
			b.splitStreamUnion(n)
		}
	case NamedError:
		for _, f := range n.Fields {
			if f.Name == "Message" && n.MessageField == nil {
				n.MessageField = f
			}
		}
	}
}

// sortFields orders fields as aws-sdk-go-v2 does for structures: required
// members first, then the rest, each group by name. Errors and unions keep
// model order.
func sortFields(fs []*Field) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Check.Required != fs[j].Check.Required {
			return fs[i].Check.Required
		}
		return fs[i].Name < fs[j].Name
	})
}

// nameFields sets the Go names of a declaration's fields: union wrapper
// type names, or struct field names escaped for the kind of struct.
func (b *builder) nameFields(n *Named) {
	members := make([]string, len(n.Fields))
	for i, f := range n.Fields {
		members[i] = f.Member.Name
	}
	var names []string
	switch {
	case n.Kind == NamedUnion:
		names = naming.UnionMembers(n.Name, members)
	case n.Kind == NamedError:
		names = naming.Fields(naming.Error, members)
	case n.Pkg == b.api.ImportPath && strings.HasSuffix(n.Name, "Output"):
		names = naming.Fields(naming.Output, members)
	default:
		names = naming.Fields(naming.Plain, members)
	}
	for i, f := range n.Fields {
		f.Name = names[i]
	}
}

// unionValue is the type of a union member's Value: scalars and structures
// are held by value, big numbers stay pointers.
func unionValue(t *GoType) *GoType {
	v := *t
	v.Ptr = t.Kind == KindBasic && t.Pkg == "math/big"
	return &v
}

func (b *builder) field(n *Named, m *MemberShape, top bool) *Field {
	t := m.Target
	f := &Field{Member: m, Name: naming.Exported(m.Name), Wire: m.Name, Doc: m.Traits.Documentation,
		Deprecated: m.Traits.Deprecated, Check: b.constraints(m)}
	if f.Doc == "" {
		f.Doc = t.Traits.Documentation
	}
	bind := b.api.Bindings
	if m.Traits.JSONName != "" && bind.JSONName {
		f.Wire = m.Traits.JSONName
	}
	f.Default = effectiveDefault(m)
	f.Type = b.goType(t, f.Default != nil && zeroDefault(t, *f.Default))
	if f.Type.Pkg == "io" && b.outputs[n] {
		// A streaming blob output is the response body, which the caller
		// closes, as in aws-sdk-go-v2.
		rc := *f.Type
		rc.Ident = "ReadCloser"
		f.Type = &rc
	}
	if top && bind.HTTP {
		f.Location, f.LocationName = location(m, b.outputs[n] || n.Kind == NamedError)
	}
	f.TimestampFormat = timestampFormat(m, f.Location, bind.BodyTimestamp)
	return f
}

// constraints merges a member's constraint traits over its target's.
func (b *builder) constraints(m *MemberShape) Constraints {
	mt, tt := &m.Traits, &m.Target.Traits
	c := Constraints{Required: mt.Required && !mt.ClientOptional, UniqueItems: mt.UniqueItems || tt.UniqueItems}
	c.Length = firstBounds(mt.Length, tt.Length)
	c.Range = firstBounds(mt.Range, tt.Range)
	if p := mt.Pattern; p != nil {
		c.Pattern = b.patterns[*p]
	} else if p := tt.Pattern; p != nil {
		c.Pattern = b.patterns[*p]
	}
	if m.Target.Type == Set {
		c.UniqueItems = true
	}
	return c
}

func firstBounds(a, b *Bounds) *Bounds {
	if a != nil {
		return a
	}
	return b
}

// effectiveDefault is the default clients apply to a member: none for a
// null default or a clientOptional member. Members of @input structures are
// optional too, except those targeting a shape that has a default itself (a
// Smithy 1.0 primitive such as PrimitiveInteger), which stay values for
// compatibility with aws-sdk-go-v2.
func effectiveDefault(m *MemberShape) *gjson.Result {
	d := m.Traits.Default
	if d == nil || d.Type == gjson.Null || m.Traits.ClientOptional {
		return nil
	}
	if m.Container.Traits.Input && m.Target.Traits.Default == nil {
		return nil
	}
	return d
}

// zeroDefault reports whether d is the zero value of the Go type of scalar
// shape s, so that the member can be held as a value: the zero value then
// stands for the default. Other scalar members with a default are pointers,
// nil standing for the default. Timestamps' Go zero value is no epoch time.
func zeroDefault(s *Shape, d gjson.Result) bool {
	switch {
	case s.Type == String:
		return d.Type == gjson.String && d.Str == ""
	case s.Type == Boolean:
		return d.Type == gjson.False
	case s.Type.IsNumber():
		return d.Type == gjson.Number && d.Num == 0
	}
	return false
}

// location is where a member of an input (output false) or an output or
// error is bound. Labels and query parameters bind only in inputs, the
// status code only in outputs; elsewhere such members are in the body.
func location(m *MemberShape, output bool) (Location, string) {
	t := &m.Traits
	switch {
	case t.HTTPLabel && !output:
		return InLabel, m.Name
	case t.HTTPQuery != "" && !output:
		return InQuery, t.HTTPQuery
	case t.HTTPQueryParams && !output:
		return InQueryParams, ""
	case t.HTTPHeader != "":
		return InHeader, t.HTTPHeader
	case t.HTTPPrefixHeader != nil:
		return InPrefixHeaders, *t.HTTPPrefixHeader
	case t.HTTPPayload:
		return InPayload, ""
	case t.HTTPResponseCode && output:
		return InStatusCode, ""
	}
	return InBody, ""
}

// timestampFormat is a timestamp member's effective format: the member's
// trait, its target's, else the default of its location (body: bodyDefault,
// or epoch-seconds when that is empty).
func timestampFormat(m *MemberShape, loc Location, bodyDefault string) string {
	target := m.Target
	if target.Type == List || target.Type == Set {
		if el := target.Member("member"); el != nil {
			return timestampFormat(el, loc, bodyDefault)
		}
	}
	if target.Type != Timestamp {
		return ""
	}
	if f := firstNonEmpty(m.Traits.TimestampFormat, target.Traits.TimestampFormat); f != "" {
		return f
	}
	switch loc {
	case InHeader, InPrefixHeaders:
		return "http-date"
	case InLabel, InQuery, InQueryParams:
		return "date-time"
	}
	if bodyDefault != "" {
		return bodyDefault
	}
	return "epoch-seconds"
}

func enumValues(n *Named) []*EnumValue {
	var out []*EnumValue
	var members []naming.EnumMember
	s := n.Shape
	for _, m := range s.Members {
		v := &EnumValue{Doc: m.Traits.Documentation, Value: m.Name}
		if ev := m.Traits.EnumValue; ev != nil {
			v.Value, v.Int = ev.String(), ev.Int()
		}
		out = append(out, v)
		members = append(members, naming.EnumMember{Name: m.Name, Value: v.Value})
	}
	for _, d := range s.Traits.Enum {
		out = append(out, &EnumValue{Value: d.Value, Doc: d.Documentation})
		members = append(members, naming.EnumMember{Name: d.Name, Value: d.Value})
	}
	for i, c := range naming.EnumConsts(n.Name, members) {
		out[i].Name = c
	}
	return out
}

func exportedName(s string) string { return naming.Exported(s) }

// ServiceID is the service's sdkId, else its shape name.
func (c *Closure) ServiceID() string {
	if t := c.Service.Traits.AWSService; t != nil && t.SDKID != "" {
		return t.SDKID
	}
	return c.Service.Name()
}

// Package is the default Go package name of the closure's client: its
// ServiceID lower-cased, letters and digits only.
func (c *Closure) Package() string {
	p, err := naming.Package(c.ServiceID())
	if err != nil {
		return "service"
	}
	return p
}
