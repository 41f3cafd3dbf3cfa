package emit

import (
	"fmt"
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
// describes: "", false, 0, the Unix epoch, empty blobs, lists and maps,
// with one wire.Fill call per member type. Structures, unions, enums and
// documents are left as they are.
func RequiredCorrections(fields []*model.Field, target string) []jen.Code {
	type group struct {
		fill string
		args []jen.Code
	}
	var groups []*group
	byType := map[string]*group{}
	for _, f := range fields {
		if !f.Check.Required || !Nilable(f.Type) {
			continue
		}
		var fill string
		switch KindOf(f.Type) {
		case KString, KBool, KInt, KFloat:
			fill = "Fill"
		case KTime:
			fill = "FillTime"
		case KBlob, KList:
			fill = "FillList"
		case KMap:
			fill = "FillMap"
		default:
			continue
		}
		// Members of one Go type share a call.
		key := fill + " " + fmt.Sprintf("%#v", TypeCode(f.Type))
		g := byType[key]
		if g == nil {
			g = &group{fill: fill}
			byType[key] = g
			groups = append(groups, g)
		}
		g.args = append(g.args, jen.Op("&").Id(target).Dot(f.Name))
	}
	out := make([]jen.Code, 0, len(groups))
	for _, g := range groups {
		out = append(out, Wire(g.fill).Call(g.args...))
	}
	return out
}
