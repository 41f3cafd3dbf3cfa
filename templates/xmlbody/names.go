package xmlbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// The XML binding traits, as the XML protocols read them:
//
//   - a structure member's element (or attribute) is named by its xmlName,
//     else its member name; a flattened list or map repeats that element for
//     every item or entry;
//   - a wrapped list's items are named by its member's xmlName ("member"),
//     a wrapped map's entries are "entry" elements holding elements named
//     by its key's and value's xmlNames ("key", "value");
//   - xmlNamespace declares a namespace on the element of the member it is
//     applied to, on the items of a list or the keys and values of a map
//     whose members it is applied to, and on the root element of a body from
//     the root structure (else the service); a nested structure's own
//     xmlNamespace is not written.

// MemberName is the element or attribute name of a structure member.
func MemberName(m *model.MemberShape) string {
	if n := m.Traits.XMLName; n != "" {
		return n
	}
	return m.Name
}

// FieldName is the element or attribute name of a field.
func FieldName(f *model.Field) string { return MemberName(f.Member) }

// Flattened reports whether a list or map field is flattened.
func Flattened(f *model.Field) bool {
	k := emit.KindOf(f.Type)
	return f.Member.Traits.XMLFlattened && (k == emit.KList || k == emit.KMap)
}

// Attribute reports whether a field is written as an attribute of its
// structure's element.
func Attribute(f *model.Field) bool { return f.Member.Traits.XMLAttribute && emit.Textual(f.Type) }

// ItemName is the element name of the items of a wrapped list of type t.
func ItemName(t *model.GoType) string { return collMemberName(t, "member") }

// KeyName and ValueName are the element names of a map's keys and values.
func KeyName(t *model.GoType) string   { return collMemberName(t, "key") }
func ValueName(t *model.GoType) string { return collMemberName(t, "value") }

func collMemberName(t *model.GoType, member string) string {
	if t.Shape != nil {
		if m := t.Shape.Member(member); m != nil && m.Traits.XMLName != "" {
			return m.Traits.XMLName
		}
	}
	return member
}

// collMember is the member shape of a collection type: "member" of a list,
// "key" or "value" of a map; nil when the type has no shape.
func collMember(t *model.GoType, member string) *model.MemberShape {
	if t.Shape == nil {
		return nil
	}
	return t.Shape.Member(member)
}

// Namespace is the xmlNamespace trait value of traits: its prefix and uri;
// ok is false without the trait.
func Namespace(tr *model.Traits) (prefix, uri string, ok bool) {
	ns := tr.XMLNamespace
	if ns == nil {
		return "", "", false
	}
	return ns.Get("prefix").String(), ns.Get("uri").String(), true
}

// namespaceStmt declares the namespace of traits on the element just
// started; nil without one.
func namespaceStmt(tr *model.Traits) jen.Code {
	if tr == nil {
		return nil
	}
	prefix, uri, ok := Namespace(tr)
	if !ok {
		return nil
	}
	return encCall("Namespace", jen.Lit(prefix), jen.Lit(uri))
}

// RootName is the element name of a body's root: the member's xmlName for a
// payload member (m non-nil), else the structure's xmlName, else its shape
// name.
func RootName(m *model.MemberShape, s *model.Shape) string {
	if m != nil && m.Traits.XMLName != "" {
		return m.Traits.XMLName
	}
	if s.Traits.XMLName != "" {
		return s.Traits.XMLName
	}
	return s.Name()
}

// RootNamespace is the namespace declared on a body's root element: the
// payload member's, else the structure's, else the service's; nil for none.
func RootNamespace(a *model.API, m *model.MemberShape, s *model.Shape) *model.Traits {
	for _, tr := range []*model.Traits{memberTraits(m), &s.Traits, &a.Closure.Service.Traits} {
		if tr != nil && tr.XMLNamespace != nil {
			return tr
		}
	}
	return nil
}

func memberTraits(m *model.MemberShape) *model.Traits {
	if m == nil {
		return nil
	}
	return &m.Traits
}

// timeFormat is the runtime constant of a timestamp format; XML bodies
// default to date-time.
func timeFormat(format string) jen.Code {
	switch format {
	case "http-date":
		return X("HTTPDate")
	case "epoch-seconds":
		return X("EpochSeconds")
	}
	return X("DateTime")
}

// elemFormat is the timestamp format of a collection's items or values.
func elemFormat(t *model.GoType) string { return emit.ElemFormat(t, "date-time") }
