package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// deserializersFile emits deserializers.go: per operation deserializeOp<Op>
// (output from status code, headers and body) and deserializeOp<Op>Error
// (modeled error or *smithy.GenericAPIError), one decodeErr<Error> per
// error, and the JSON decoders of the shapes response bodies reach. Nil for
// other protocols.
func deserializersFile(a *model.API) *jen.File {
	f := newFile(a, "")
	f.ImportName(restjsonPkg, "restjson")
	f.ImportName(transportPkg, "transport")
	var outputs []*model.Named
	for _, op := range a.Operations {
		outputs = append(outputs, op.Output)
	}
	errs := apiErrors(a)
	roots := rootTypes(outputs)
	for _, e := range errs {
		roots = append(roots, namedType(e))
	}
	c := newCodecs(a, "decodeDoc", roots)
	errorFuncs := map[string]string{} // error set → the function decoding it
	for _, op := range a.Operations {
		f.Add(deserializeOp(c, op))
		f.Line()
		f.Add(deserializeOpError(c, op, errorFuncs))
		f.Line()
		if fields := bodyFields(op.Output); payloadField(op.Output) == nil && len(fields) > 0 {
			f.Add(c.structDecoder(bodyDecoderName(op), jen.Op("*").Id(op.Output.Name), op.Output))
			f.Line()
		}
	}
	for _, e := range errs {
		f.Add(decodeErr(c, e))
		f.Line()
	}
	c.emit(f, c.decoderFunc)
	return f
}

func bodyDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Body" }

// apiErrors are the errors of all operations, in Types order.
func apiErrors(a *model.API) []*model.Named {
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

func decodeErrName(c *codecs, n *model.Named) string { return "decodeErr" + c.names[n.Shape] }

func responseParam() jen.Code {
	return jen.Id("resp").Op("*").Qual(transportPkg, "Response")
}

// deserializeOp emits deserializeOp<Op>. An output read from the JSON body
// alone is decoded by the runtime's BodyDecoder around its body decoder.
func deserializeOp(c *codecs, op *model.Op) jen.Code {
	if bodyOnly(op.Output) {
		return jen.Var().Id("deserializeOp" + op.Name).Op("=").Add(rj("BodyDecoder").Call(jen.Id(bodyDecoderName(op))))
	}
	body := responseStmts(c, op.Output, "out", bodyDecoderName(op))
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id("deserializeOp"+op.Name).Params(responseParam(), jen.Id("out").Op("*").Id(op.Output.Name)).
		Error().Block(body...)
}

// deserializeOpError emits deserializeOp<Op>Error: the error code selects
// one of the operation's errors, compared ignoring case. An operation whose
// errors are those of an earlier one reuses that operation's function.
func deserializeOpError(c *codecs, op *model.Op, funcs map[string]string) jen.Code {
	name := "deserializeOp" + op.Name + "Error"
	key := errorSetKey(op)
	if first, ok := funcs[key]; ok {
		return jen.Var().Id(name).Op("=").Id(first)
	}
	funcs[key] = name
	body := []jen.Code{
		jen.List(jen.Id("info"), jen.Err()).Op(":=").Add(rj("ReadError").Call(jen.Id("resp"))),
		errCheck(jen.Err()),
	}
	if len(op.Errors) > 0 {
		var cases []jen.Code
		for _, e := range op.Errors {
			cases = append(cases, jen.Case(jen.Id("info").Dot("Is").Call(jen.Lit(e.ErrorCode))).Block(
				jen.Return(jen.Id(decodeErrName(c, e)).Call(jen.Id("resp")))))
		}
		body = append(body, jen.Switch().Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("info").Dot("Generic").Call()))
	return jen.Func().Id(name).Params(responseParam()).Error().Block(body...)
}

// bodyOnly reports whether every member of output n comes from the JSON body.
func bodyOnly(n *model.Named) bool {
	if payloadField(n) != nil || len(bodyFields(n)) == 0 {
		return false
	}
	for _, f := range n.Fields {
		switch f.Location {
		case model.InStatusCode, model.InHeader, model.InPrefixHeaders:
			return false
		}
	}
	return true
}

// errorSetKey identifies an operation's errors, in order.
func errorSetKey(op *model.Op) string {
	var b strings.Builder
	for _, e := range op.Errors {
		b.WriteString(e.Shape.ID)
		b.WriteByte(' ')
	}
	return b.String()
}

// decodeErr emits the function returning a modeled error decoded from an
// error response.
func decodeErr(c *codecs, n *model.Named) jen.Code {
	body := []jen.Code{jen.Id("v").Op(":=").Op("&").Qual(n.Pkg, n.Name).Values()}
	body = append(body, responseStmts(c, n, "v", c.fn(namedType(n)))...)
	body = append(body, jen.Return(jen.Id("v")))
	return jen.Func().Id(decodeErrName(c, n)).Params(responseParam()).Error().Block(body...)
}

// responseStmts decode the response into the struct target of type n:
// status code, headers, then the payload or the JSON body with bodyFn.
func responseStmts(c *codecs, n *model.Named, target, bodyFn string) []jen.Code {
	var out []jen.Code
	for _, f := range n.Fields {
		lv := jen.Id(target).Dot(f.Name)
		switch f.Location {
		case model.InStatusCode:
			if k := kindOf(f.Type); k == kInt {
				out = append(out, assignExpr(f.Type, lv, valueType(f.Type).Call(jen.Id("resp").Dot("StatusCode")), false, nil)...)
			}
		case model.InHeader:
			out = append(out, headerGet(f, lv)...)
		case model.InPrefixHeaders:
			if k := elemKind(f.Type); (k == kString || k == kEnum) && !f.Type.Elem.Ptr {
				out = append(out, jen.Add(lv).Op("=").Add(rj("PrefixHeaders").Types(TypeCode(f.Type.Elem)).Call(
					jen.Id("resp").Dot("Header"), jen.Lit(f.LocationName))))
			}
		}
	}
	if p := payloadField(n); p != nil {
		return append(out, payloadDecode(c, p, jen.Id(target).Dot(p.Name))...)
	}
	if len(bodyFields(n)) == 0 && n.Kind != model.NamedError {
		return out
	}
	return append(out,
		jen.Id("d").Op(":=").Add(rj("NewDecoder").Call(jen.Id("resp").Dot("Body"))),
		jen.If(jen.Err().Op(":=").Id(bodyFn).Call(jen.Id("d"), jen.Id(target)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("d").Dot("Error").Call(jen.Err()))),
	)
}

// headerGet reads a header member into lv.
func headerGet(f *model.Field, lv jen.Code) []jen.Code {
	key := headerKey(f)
	fail := jen.Return(rj("HeaderError").Call(jen.Lit(key), jen.Err()))
	h := jen.Id("resp").Dot("Header")
	t := f.Type
	if kindOf(t) != kList {
		if !textual(t) {
			return nil
		}
		set := assignParsed(t, lv, jen.Id("s"), f.TimestampFormat, fail)
		if mediaTyped(f) {
			set = assignExpr(t, lv, rj("ParseBase64").Call(jen.Id("s")), true, fail)
		}
		return []jen.Code{jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(rj("Header").Call(h, jen.Lit(key))), jen.Id("ok")).Block(set...)}
	}
	el := t.Elem
	if !textual(el) {
		return nil
	}
	split := "HeaderList"
	if kindOf(el) == kTime && f.TimestampFormat == "http-date" {
		split = "HeaderDates"
	}
	get := jen.If(jen.List(jen.Id("vs"), jen.Id("ok")).Op(":=").Add(rj(split).Call(h, jen.Lit(key))), jen.Id("ok"))
	if kindOf(el) == kString && !el.Ptr {
		return []jen.Code{get.Block(jen.Add(lv).Op("=").Id("vs"))}
	}
	item := jen.Add(lv).Index(jen.Id("i"))
	return []jen.Code{get.Block(
		jen.Add(lv).Op("=").Make(TypeCode(t), jen.Len(jen.Id("vs"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("vs")).Block(
			assignParsed(el, item, jen.Id("s"), f.TimestampFormat, fail)...),
	)}
}

// payloadDecode reads the whole body into the payload member lv.
func payloadDecode(c *codecs, f *model.Field, lv jen.Code) []jen.Code {
	t := f.Type
	body := jen.Id("resp").Dot("Body")
	hasBody := jen.Len(body).Op(">").Lit(0)
	switch kindOf(t) {
	case kStruct, kUnion, kDocument:
		if f.Member.Target.Traits.Streaming {
			return nil
		}
		stmts := append([]jen.Code{jen.Var().Err().Error()}, c.decodeValue(t, lv)...)
		stmts = append(stmts, errCheck(jen.Id("d").Dot("Error").Call(jen.Err())))
		return []jen.Code{jen.If(jen.Id("d").Op(":=").Add(rj("NewDecoder").Call(body)), jen.Op("!").Id("d").Dot("Empty").Call()).Block(stmts...)}
	case kBlob:
		return []jen.Code{jen.If(hasBody).Block(jen.Add(lv).Op("=").Add(body))}
	case kStream:
		return []jen.Code{jen.Add(lv).Op("=").Qual("bytes", "NewReader").Call(body)}
	case kString, kEnum:
		return []jen.Code{jen.If(hasBody).Block(assignExpr(t, lv, valueType(t).Call(body), false, nil)...)}
	}
	return nil
}
