package model

import (
	"sort"
	"strings"

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
		Deprecated: m.Traits.Deprecated, Check: constraints(m)}
	if f.Doc == "" {
		f.Doc = t.Traits.Documentation
	}
	if m.Traits.JSONName != "" && b.api.Protocol == "aws.protocols#restJson1" {
		f.Wire = m.Traits.JSONName
	}
	f.Type = b.goType(t, hasValueDefault(m))
	if top {
		f.Location, f.LocationName = location(m)
	}
	f.TimestampFormat = timestampFormat(m, f.Location)
	return f
}

// constraints merges a member's constraint traits over its target's.
func constraints(m *MemberShape) Constraints {
	mt, tt := &m.Traits, &m.Target.Traits
	c := Constraints{Required: mt.Required && !mt.ClientOptional, UniqueItems: mt.UniqueItems || tt.UniqueItems}
	c.Length = firstBounds(mt.Length, tt.Length)
	c.Range = firstBounds(mt.Range, tt.Range)
	c.Pattern = mt.Pattern
	if c.Pattern == nil {
		c.Pattern = tt.Pattern
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

// hasValueDefault reports whether a member holds a non-null default, so
// that scalars are generated as values rather than pointers.
func hasValueDefault(m *MemberShape) bool {
	if m.Traits.ClientOptional {
		return false
	}
	d := m.Traits.Default
	if d == nil {
		return false
	}
	return d.Type != 0 // gjson.Null is the zero Type
}

func location(m *MemberShape) (Location, string) {
	t := &m.Traits
	switch {
	case t.HTTPLabel:
		return InLabel, m.Name
	case t.HTTPQuery != "":
		return InQuery, t.HTTPQuery
	case t.HTTPQueryParams:
		return InQueryParams, ""
	case t.HTTPHeader != "":
		return InHeader, t.HTTPHeader
	case t.HTTPPrefixHeader != nil:
		return InPrefixHeaders, *t.HTTPPrefixHeader
	case t.HTTPPayload:
		return InPayload, ""
	case t.HTTPResponseCode:
		return InStatusCode, ""
	}
	return InBody, ""
}

// timestampFormat is a timestamp member's effective format: the member's
// trait, its target's, else the HTTP binding's default.
func timestampFormat(m *MemberShape, loc Location) string {
	target := m.Target
	if target.Type == List || target.Type == Set {
		if el := target.Member("member"); el != nil {
			return timestampFormat(el, loc)
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

func packageName(sdkID string) string {
	p, err := naming.Package(sdkID)
	if err != nil {
		return "service"
	}
	return p
}
