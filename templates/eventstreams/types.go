package eventstreams

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// OutputField is the field of an operation's output that holds its event
// stream, nil for an operation without one; GetStream returns it.
func OutputField(op *model.Op) jen.Code {
	es := stream(op)
	if es == nil {
		return nil
	}
	return jen.Id("eventStream").Op("*").Id(es.StreamName)
}

// stream is one of the operation's streams; both share the stream type.
func stream(op *model.Op) *model.EventStream {
	if op.InputStream != nil {
		return op.InputStream
	}
	return op.OutputStream
}

// File emits eventstream.go of the root package of a client: the reader and writer
// interfaces of every stream union, and per operation its stream type, its
// constructor and the output's GetStream method. Nil when no operation has
// an event stream.
func File(a *model.API) *jen.File {
	if !Has(a) {
		return nil
	}
	f := emit.NewFile(a, "")
	f.ImportName(Pkg, "eventstream")
	for _, es := range streams(a, true) {
		f.Add(readerDecl(es))
		f.Line()
	}
	for _, es := range streams(a, false) {
		f.Add(writerDecl(es))
		f.Line()
	}
	for _, op := range a.Operations {
		if stream(op) != nil {
			f.Add(streamDecls(op))
			f.Line()
		}
	}
	return f
}

func readerDecl(es *model.EventStream) jen.Code {
	return comment(es.ReaderName + " reads the events of a types." + es.Union.Name + " stream. " +
		"*eventstream.Reader implements it; Close may be called concurrently with the other methods and more than once.").
		Type().Id(es.ReaderName).Op("=").Add(ES("EventReader")).Types(typesQual(es.Union))
}

func writerDecl(es *model.EventStream) jen.Code {
	return comment(es.WriterName + " sends the events of a types." + es.Union.Name + " stream. " +
		"*eventstream.Writer implements it; its methods are safe for concurrent use.").
		Type().Id(es.WriterName).Op("=").Add(ES("EventWriter")).Types(typesQual(es.Union))
}

// streamDecls declare an operation's stream type, New<Op>EventStream and
// GetStream.
func streamDecls(op *model.Op) jen.Code {
	in, out := op.InputStream, op.OutputStream
	name := stream(op).StreamName
	var typ jen.Code
	var doc string
	switch {
	case in != nil && out != nil:
		typ = ES("DuplexStream").Types(typesQual(in.Union), typesQual(out.Union))
		doc = "sends types." + in.Union.Name + " events with Send and receives types." +
			out.Union.Name + " events from Events or All; Close ends both."
	case in != nil:
		typ = ES("InputStream").Types(typesQual(in.Union))
		doc = "sends types." + in.Union.Name + " events with Send; Close ends the stream."
	default:
		typ = ES("OutputStream").Types(typesQual(out.Union))
		doc = "receives types." + out.Union.Name + " events from Events or All; Close ends it" +
			" and releases the connection. Err reports why it ended: a modeled error, a" +
			" message that could not be read, or the call's context."
	}
	ctor := "New" + name
	opt := jen.Func().Params(jen.Op("*").Id(name))
	return comment(name+" is the event stream of "+op.Name+": it "+doc).
		Type().Id(name).Op("=").Add(typ).Line().Line().
		Add(comment(ctor+" returns a stream set up by optFns, such as one with a test double as its Reader or Writer.")).
		Func().Id(ctor).Params(jen.Id("optFns").Op("...").Add(opt)).Op("*").Id(name).Block(
		jen.Id("es").Op(":=").Op("&").Id(name).Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Id("es"))),
		jen.Return(jen.Id("es")),
	).Line().Line().
		Comment("GetStream returns the operation's event stream. Close it when done.").Line().
		Func().Params(jen.Id("o").Op("*").Id(op.Output.Name)).Id("GetStream").Params().Op("*").Id(name).
		Block(jen.Return(jen.Id("o").Dot("eventStream")))
}

// RequestStmts make the request body of an operation with an input stream
// the stream: the transport's pipe, which the deserializer writes events to.
func RequestStmts() []jen.Code {
	return []jen.Code{
		jen.Id("r").Dot("EventStream").Op("=").True(),
		jen.Id("r").Dot("Header").Index(jen.Lit("Content-Type")).Op("=").Index().String().Values(ES("ContentType")),
	}
}

// comment is text as comment lines of at most 77 columns, then a line break.
func comment(text string) *jen.Statement {
	s := &jen.Statement{}
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > 77 {
			s.Comment(line).Line()
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return s.Comment(line).Line()
}
