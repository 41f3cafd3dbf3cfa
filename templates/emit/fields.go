package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// BodyFields are the members of n sent in the body.
func BodyFields(n *model.Named) []*model.Field {
	var out []*model.Field
	for _, f := range n.Fields {
		if f.Location == model.InBody {
			out = append(out, f)
		}
	}
	return out
}

// PayloadField is n's httpPayload member, or nil.
func PayloadField(n *model.Named) *model.Field {
	for _, f := range n.Fields {
		if f.Location == model.InPayload {
			return f
		}
	}
	return nil
}

// FieldAt returns the member bound at loc under name.
func FieldAt(n *model.Named, loc model.Location, name string) *model.Field {
	for _, f := range n.Fields {
		if f.Location == loc && f.LocationName == name {
			return f
		}
	}
	return nil
}

// NamedType is the Go type of a types-package declaration used by pointer.
func NamedType(n *model.Named) *model.GoType {
	return &model.GoType{Kind: model.KindNamed, Pkg: n.Pkg, Ident: n.Name, Named: n, Shape: n.Shape,
		Ptr: n.Kind == model.NamedStruct || n.Kind == model.NamedError}
}

// APIErrors are the errors of all operations, in Types order.
func APIErrors(a *model.API) []*model.Named {
	used := map[*model.Named]bool{}
	for _, op := range a.Operations {
		for _, e := range op.Errors {
			used[e] = true
		}
	}
	var out []*model.Named
	for _, n := range a.Types {
		if used[n] {
			out = append(out, n)
		}
	}
	return out
}

// ErrorSetKey identifies an operation's errors, in order: operations with
// the same key can share an error deserializer.
func ErrorSetKey(op *model.Op) string {
	var b strings.Builder
	for _, e := range op.Errors {
		b.WriteString(e.Shape.ID)
		b.WriteByte(' ')
	}
	return b.String()
}

// IdempotencyStmts fill unset idempotency tokens on a copy of the input in,
// so that every attempt sends the same token and the caller's value is left
// alone.
func IdempotencyStmts(in *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range in.Fields {
		if !f.Member.Traits.IdempotencyToken || KindOf(f.Type) != KString {
			continue
		}
		v := jen.Id("in").Dot(f.Name)
		token := Wire("NewToken").Call()
		if f.Type.Ptr {
			token = Wire("Ptr").Call(token)
		}
		unset := jen.Len(v).Op("==").Lit(0)
		if f.Type.Ptr {
			unset = jen.Add(v).Op("==").Nil()
		}
		out = append(out, jen.If(unset).Block(
			jen.Id("c").Op(":=").Op("*").Id("in"),
			jen.Id("c").Dot(f.Name).Op("=").Add(token),
			jen.Id("in").Op("=").Op("&").Id("c"),
		))
	}
	return out
}

// RequiredCorrections set the required members of target that a response
// left unset to their zero values, as Smithy's client error correction
// describes: "", false, 0, the Unix epoch, empty blobs, lists and maps.
// Structures, unions, enums and documents are left as they are.
func RequiredCorrections(fields []*model.Field, target string) []jen.Code {
	var out []jen.Code
	for _, f := range fields {
		if !f.Check.Required || !Nilable(f.Type) {
			continue
		}
		var zero jen.Code
		switch KindOf(f.Type) {
		case KString, KBool, KInt, KFloat:
			zero = jen.New(ValueType(f.Type))
		case KTime:
			zero = Wire("Ptr").Call(jen.Qual("time", "Unix").Call(jen.Lit(0), jen.Lit(0)).Dot("UTC").Call())
		case KBlob:
			zero = jen.Index().Byte().Values()
		case KList, KMap:
			zero = TypeCode(f.Type).Values()
		default:
			continue
		}
		lv := jen.Id(target).Dot(f.Name)
		out = append(out, jen.If(jen.Add(lv).Op("==").Nil()).Block(jen.Add(lv).Op("=").Add(zero)))
	}
	return out
}
