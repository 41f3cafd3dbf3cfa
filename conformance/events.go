package conformance

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/eventstream"
)

// eventStreamBody calls an operation with event streams against an
// EventServer answering with the case's initial response and response
// events, sends the case's request events, and checks the messages sent,
// the events received, the initial request and response, and the expected
// failure.
func eventStreamBody(api *model.API, op *model.Op, c *Case) ([]jen.Code, error) {
	v := c.Value
	failure := v.Get("expectation.failure")
	var errType *model.Named
	if id := failure.Get("errorId"); id.Exists() {
		for _, n := range api.Types {
			if n.Shape.ID == id.String() && n.Kind == model.NamedError {
				errType = n
			}
		}
		if errType == nil {
			return nil, fmt.Errorf("error %s is not generated", id.String())
		}
	}
	server, err := eventServer(v)
	if err != nil {
		return nil, err
	}
	call, err := eventCall(op, v)
	if err != nil {
		return nil, err
	}
	out := []jen.Code{server, newClient(c, jen.Id("srv"))}
	out = append(out, call...)
	if requestOnly(v) {
		// The case describes only the initial request: the response it
		// leaves out (no initial response, which may lack required members)
		// may fail the call.
		out = append(out,
			jen.If(jen.Err().Op("==").Nil()).Block(jen.Id("out").Dot("GetStream").Call().Dot("Close").Call()),
			jen.If(jen.Id("srv").Dot("Request").Op("==").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			initialRequestCheck(v.Get("initialRequest")))
		return out, nil
	}
	fails := failureCheck(failure.Exists(), errType)
	out = append(out, jen.If(jen.Err().Op("!=").Nil()).Block(fails...))
	if failure.Exists() && op.OutputStream == nil {
		out = append(out, jen.Id("t").Dot("Fatal").Call(jen.Lit("the call succeeded")))
		return out, nil
	}
	out = append(out,
		jen.Id("s").Op(":=").Id("out").Dot("GetStream").Call(),
		jen.Defer().Id("s").Dot("Close").Call())
	sent, err := requestEvents(op, v)
	if err != nil {
		return nil, err
	}
	out = append(out, sent...)
	if op.OutputStream != nil {
		received, err := responseEvents(op, v, failure.Exists(), errType)
		if err != nil {
			return nil, err
		}
		out = append(out, received...)
	}
	if r := v.Get("initialRequest"); r.Exists() {
		out = append(out, initialRequestCheck(r))
	}
	if p := v.Get("initialResponseParams"); p.Exists() {
		want, err := literal(namedPtr(op.Output), p, "initialResponseParams")
		if err != nil {
			return nil, err
		}
		out = append(out, helper("Equal").Call(jen.Id("t"), jen.Id("out"), want))
	}
	return out, nil
}

// eventServer is "srv := &protocoltest.EventServer{...}" answering with the
// initial response, or 200 and the response events' bytes.
func eventServer(v gjson.Result) (jen.Code, error) {
	code := 200
	header := map[string]string{"Content-Type": eventstream.ContentType}
	var body jen.Code
	if r := v.Get("initialResponse"); r.Exists() {
		code = int(r.Get("code").Int())
		header = map[string]string{}
		for k, h := range r.Get("headers").Map() {
			header[http.CanonicalHeaderKey(k)] = h.String()
		}
		if b := r.Get("body"); b.Exists() {
			body = jen.Index().Byte().Parens(jen.Lit(b.String()))
		}
	}
	var msgs []jen.Code
	for _, e := range v.Get("events").Array() {
		if e.Get("type").String() != "response" {
			continue
		}
		b := e.Get("bytes")
		if !b.Exists() {
			return nil, fmt.Errorf("a response event has no bytes")
		}
		msgs = append(msgs, jen.Lit(b.String()))
	}
	if len(msgs) > 0 {
		if body != nil {
			return nil, fmt.Errorf("both an initial response body and response events")
		}
		body = helper("MessageBytes").Call(msgs...)
	}
	keys := make([]string, 0, len(header))
	for k := range header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var hs []jen.Code
	for _, k := range keys {
		hs = append(hs, jen.Line().Lit(k).Op(":").Values(jen.Lit(header[k])))
	}
	if len(hs) > 0 {
		hs = append(hs, jen.Line())
	}
	d := jen.Dict{jen.Id("Code"): jen.Lit(code), jen.Id("Header"): jen.Qual("net/http", "Header").Values(hs...)}
	if body != nil {
		d[jen.Id("Body")] = body
	}
	return jen.Id("srv").Op(":=").Op("&").Add(helper("EventServer")).Values(d), nil
}

// eventCall calls the operation with the initial request's params. A case
// without them says nothing of the input, so the call skips input
// validation, which would otherwise fail on required members the case does
// not set.
func eventCall(op *model.Op, v gjson.Result) ([]jen.Code, error) {
	p := v.Get("initialRequestParams")
	if !p.Exists() {
		return []jen.Code{
			jen.Id("call").Op(":=").Id("op" + op.Name),
			jen.Id("call").Dot("validate").Op("=").Func().Params(jen.Op("*").Id(op.Input.Name)).Error().
				Block(jen.Return(jen.Nil())),
			jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("call").Dot("call").Call(ctx(), jen.Id("client"),
				jen.Op("&").Id(op.Input.Name).Values(), jen.Nil()),
		}, nil
	}
	in, err := literal(namedPtr(op.Input), p, "initialRequestParams")
	if err != nil {
		return nil, err
	}
	return []jen.Code{jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("client").Dot(op.Name).Call(ctx(), in)}, nil
}

// failureCheck handles err: the expected error ends the test, any other
// fails it.
func failureCheck(expected bool, errType *model.Named) []jen.Code {
	if !expected {
		return []jen.Code{jen.Id("t").Dot("Fatal").Call(jen.Err())}
	}
	out := []jen.Code{}
	if errType != nil {
		out = append(out,
			jen.Var().Id("want").Op("*").Qual(errType.Pkg, errType.Name),
			jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("want"))).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit("error %v is not a "+errType.Name), jen.Err())))
	}
	return append(out, jen.Return())
}

// streamUnion is the Go type of an event stream's union.
func streamUnion(es *model.EventStream) *model.GoType {
	u := es.Union
	return &model.GoType{Kind: model.KindNamed, Pkg: u.Pkg, Ident: u.Name, Named: u, Shape: u.Shape}
}

// requestEvents send the request events, end the input stream and check
// the messages the server read.
func requestEvents(op *model.Op, v gjson.Result) ([]jen.Code, error) {
	es := op.InputStream
	if es == nil {
		return nil, nil
	}
	var out, want []jen.Code
	for i, e := range v.Get("events").Array() {
		if e.Get("type").String() != "request" {
			continue
		}
		ev, err := literal(streamUnion(es), e.Get("params"), fmt.Sprintf("events[%d].params", i))
		if err != nil {
			return nil, err
		}
		out = append(out, jen.If(jen.Err().Op(":=").Id("s").Dot("Send").Call(ctx(), ev), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatal").Call(jen.Err())))
		w, err := expectedEvent(e)
		if err != nil {
			return nil, err
		}
		want = append(want, jen.Line().Add(w))
	}
	if len(want) > 0 {
		want = append(want, jen.Line())
	}
	closer := jen.Id("s")
	if op.OutputStream != nil {
		closer = jen.Id("s").Dot("Writer")
	}
	out = append(out, jen.If(jen.Err().Op(":=").Add(closer).Dot("Close").Call(), jen.Err().Op("!=").Nil()).Block(
		jen.Id("t").Dot("Fatal").Call(jen.Err())))
	return append(out, helper("CheckEvents").Call(jen.Id("t"), jen.Id("srv").Dot("Messages").Call(jen.Id("t")),
		jen.Index().Add(helper("Event")).Values(want...))), nil
}

// responseEvents read every output event, then check them or the expected
// failure.
func responseEvents(op *model.Op, v gjson.Result, failure bool, errType *model.Named) ([]jen.Code, error) {
	u := emitUnion(op.OutputStream)
	out := []jen.Code{
		jen.Var().Id("got").Index().Add(u),
		jen.For(jen.Id("ev").Op(":=").Range().Id("s").Dot("Events").Call()).Block(
			jen.Id("got").Op("=").Append(jen.Id("got"), jen.Id("ev"))),
	}
	if failure {
		fails := failureCheck(true, errType)
		fails = fails[:len(fails)-1]
		return append(out,
			jen.Err().Op("=").Id("s").Dot("Err").Call(),
			jen.If(jen.Err().Op("==").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("no error; events %v"), jen.Id("got"))),
			jen.Block(fails...)), nil
	}
	var want []jen.Code
	for i, e := range v.Get("events").Array() {
		if e.Get("type").String() != "response" || !e.Get("params").Exists() {
			continue
		}
		ev, err := literal(streamUnion(op.OutputStream), e.Get("params"), fmt.Sprintf("events[%d].params", i))
		if err != nil {
			return nil, err
		}
		want = append(want, jen.Line().Add(ev))
	}
	if len(want) > 0 {
		want = append(want, jen.Line())
	}
	wantLit := jen.Index().Add(u).Parens(jen.Nil())
	if len(want) > 0 {
		wantLit = jen.Index().Add(u).Values(want...)
	}
	return append(out,
		jen.If(jen.Err().Op(":=").Id("s").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		helper("Equal").Call(jen.Id("t"), jen.Id("got"), wantLit)), nil
}

func emitUnion(es *model.EventStream) *jen.Statement { return jen.Qual(es.Union.Pkg, es.Union.Name) }

// expectedEvent is the protocoltest.Event a request event expects.
func expectedEvent(e gjson.Result) (jen.Code, error) {
	d := jen.Dict{}
	if h := e.Get("headers"); h.Exists() {
		var items []jen.Code
		var err error
		keys := make([]string, 0)
		h.ForEach(func(k, _ gjson.Result) bool { keys = append(keys, k.Str); return true })
		sort.Strings(keys)
		for _, k := range keys {
			var val jen.Code
			if val, err = headerLiteral(h.Get(gjsonKey(k))); err != nil {
				return nil, fmt.Errorf("header %s: %w", k, err)
			}
			items = append(items, jen.Line().Lit(k).Op(":").Add(val))
		}
		if len(items) > 0 {
			items = append(items, jen.Line())
		}
		d[jen.Id("Headers")] = jen.Map(jen.String()).Any().Values(items...)
	}
	for _, name := range []string{"forbidHeaders", "requireHeaders"} {
		if l := e.Get(name); l.Exists() {
			d[jen.Id(exported(name))] = stringList(l)
		}
	}
	if b := e.Get("body"); b.Exists() {
		d[jen.Id("HasBody")] = jen.True()
		d[jen.Id("Body")] = jen.Lit(b.String())
		d[jen.Id("BodyMediaType")] = jen.Lit(e.Get("bodyMediaType").String())
	}
	return helper("Event").Values(d), nil
}

// headerLiteral is the Go value of a typed header value, {"string": "x"}.
func headerLiteral(v gjson.Result) (jen.Code, error) {
	m := v.Map()
	if len(m) != 1 {
		return nil, fmt.Errorf("%s is not one typed value", v.Raw)
	}
	for typ, x := range m {
		switch typ {
		case "boolean":
			return jen.Lit(x.Bool()), nil
		case "byte":
			return jen.Int8().Call(jen.Lit(int(x.Int()))), nil
		case "short":
			return jen.Int16().Call(jen.Lit(int(x.Int()))), nil
		case "integer":
			return jen.Int32().Call(jen.Lit(int(x.Int()))), nil
		case "long":
			return jen.Int64().Call(jen.Lit(x.Int())), nil
		case "string":
			return jen.Lit(x.String()), nil
		case "blob":
			b, err := base64.StdEncoding.DecodeString(x.String())
			if err != nil {
				return nil, err
			}
			return jen.Index().Byte().Parens(jen.Lit(string(b))), nil
		case "timestamp":
			tm, err := time.Parse(time.RFC3339Nano, x.String())
			if err != nil {
				return nil, err
			}
			return helper("Time").Call(jen.Lit(tm.Unix()), jen.Lit(tm.Nanosecond())), nil
		}
		return nil, fmt.Errorf("unknown header type %s", typ)
	}
	return nil, nil
}

// requestOnly reports whether a case describes the initial request and
// nothing else: no events, initial response or expected failure.
func requestOnly(v gjson.Result) bool {
	for _, k := range []string{"events", "initialResponse", "initialResponseParams", "expectation.failure"} {
		if v.Get(k).Exists() {
			return false
		}
	}
	return v.Get("initialRequest").Exists()
}

// initialRequestCheck reports how the request sent differs from the
// case's initial request.
func initialRequestCheck(r gjson.Result) jen.Code {
	return jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(
		helper("RequestProblems").Call(jen.Id("srv").Dot("Request"), jen.Nil(), expectedRequest(r)))).Block(
		jen.Id("t").Dot("Error").Call(jen.Id("p")))
}
