// Package waiters emits aws-sdk-go-v2's waiter API for the operations with
// the smithy.waiters#waitable trait: for each waiter W of operation Op,
//
//	type WWaiterOptions struct{ ClientOptions, MinDelay, MaxDelay, LogWaitAttempts, Retryable }
//	type WWaiter struct{ ... }
//	func NewWWaiter(client OpAPIClient, optFns ...func(*WWaiterOptions)) *WWaiter
//	func (w *WWaiter) Wait(ctx, params *OpInput, maxWaitDur time.Duration, optFns ...) error
//	func (w *WWaiter) WaitForOutput(ctx, params, maxWaitDur, optFns...) (*OpOutput, error)
//
// with the acceptors compiled to Go: each path matcher's JMESPath
// expression becomes a function over the operation's output (and input),
// typed against the API's Go types. The polling loop is runtime/waiter's.
package waiters

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jmespath"
	"github.com/smithygen/smithygen/templates/godoc"
)

// Env describes the package the declarations land in.
type Env struct {
	// Client reports that the package declares Client and Options: the
	// API client interface then takes functional options, Client is
	// asserted to implement it, and waiter options have ClientOptions.
	Client bool
	// APIClientDeclared reports that the operation's file already declares
	// <Op>APIClient (a paginator's, which is the same interface).
	APIClientDeclared bool
}

// Decls returns the waiter declarations of op, none when it has no
// waiters, for the file api_op_<Op>.go of the root package. A waiter that
// cannot be generated is an *Error.
func Decls(a *model.API, op *model.Op, env Env) ([]jen.Code, error) {
	ws, err := Waiters(op.Shape)
	if err != nil || ws == nil {
		return nil, err
	}
	if err := checkUnique(a, op, ws); err != nil {
		return nil, err
	}
	var out []jen.Code
	if !env.APIClientDeclared {
		out = append(out, apiClient(op, env))
	}
	for _, w := range ws {
		ds, err := waiterDecls(op, w, env)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	// A blank line after each declaration.
	for i, d := range out {
		out[i] = jen.Add(d).Line()
	}
	return out, nil
}

// checkUnique fails when another operation of the API has a waiter whose
// name equals one of ws ignoring case.
func checkUnique(a *model.API, op *model.Op, ws []*Waiter) error {
	for _, other := range a.Operations {
		if other == op {
			continue
		}
		theirs, _ := Waiters(other.Shape)
		for _, t := range theirs {
			for _, w := range ws {
				if strings.EqualFold(t.Name, w.Name) {
					return waiterError(op, w.Name, -1, "", fmt.Errorf("operation %s has a waiter named %s too", other.Shape.ID, t.Name))
				}
			}
		}
	}
	return nil
}

// waiterError wraps a problem with waiter w of op (acceptor acc, path).
func waiterError(op *model.Op, w string, acc int, path string, err error) *Error {
	tr, _ := op.Shape.Traits.Get(waitableTrait)
	e := &Error{Pos: tr.Pos, Shape: op.Shape.ID, Waiter: w, Acceptor: acc, Path: path, Msg: err.Error()}
	switch err := err.(type) {
	case *jmespath.SyntaxError:
		e.Offset, e.Msg = err.Offset, err.Msg
	case *compileError:
		e.Offset = err.off
	}
	return e
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func ctxType() *jen.Statement { return jen.Qual("context", "Context") }

func inType(op *model.Op) *jen.Statement {
	return jen.Op("*").Qual(op.Input.Pkg, op.Input.Name)
}

func outType(op *model.Op) *jen.Statement {
	return jen.Op("*").Qual(op.Output.Pkg, op.Output.Name)
}

func optionsFunc(op *model.Op) *jen.Statement {
	return jen.Func().Params(jen.Op("*").Qual(op.Input.Pkg, "Options"))
}

// apiClient declares <Op>APIClient, the interface waiters poll through.
func apiClient(op *model.Op, env Env) jen.Code {
	name := op.Name + "APIClient"
	params := []jen.Code{ctxType(), inType(op)}
	if env.Client {
		params = append(params, jen.Op("...").Add(optionsFunc(op)))
	}
	s := jen.Comment(name + " is a client that implements the " + op.Name + " operation.").Line().
		Type().Id(name).Interface(jen.Id(op.Name).Params(params...).Params(outType(op), jen.Error()))
	if env.Client {
		s.Line().Line().Var().Id("_").Id(name).Op("=").Parens(jen.Op("*").Qual(op.Input.Pkg, "Client")).Parens(jen.Nil())
	}
	return s
}

func seconds(n int) *jen.Statement { return jen.Lit(n).Op("*").Qual("time", "Second") }

// waiterDecls emits one waiter.
func waiterDecls(op *model.Op, w *Waiter, env Env) ([]jen.Code, error) {
	opts, typ := w.Name+"WaiterOptions", w.Name+"Waiter"
	retryable := lowerFirst(w.Name) + "StateRetryable"
	helpers, checks, err := acceptors(op, w)
	if err != nil {
		return nil, err
	}
	retryFunc := jen.Func().Params(ctxType(), inType(op), outType(op), jen.Error()).Params(jen.Bool(), jen.Error())
	var fields []jen.Code
	if env.Client {
		fields = append(fields, jen.Comment("ClientOptions are applied to every "+op.Name+" call the waiter makes.").Line().
			Id("ClientOptions").Index().Add(optionsFunc(op)).Line())
	}
	fields = append(fields,
		jen.Comment(fmt.Sprintf("MinDelay is the least delay between attempts, %d s unless set. It must not", w.MinDelay)).Line().
			Comment("exceed MaxDelay.").Line().Id("MinDelay").Qual("time", "Duration").Line(),
		jen.Comment(fmt.Sprintf("MaxDelay is the greatest delay between attempts; zero or less selects %d s.", w.MaxDelay)).Line().
			Id("MaxDelay").Qual("time", "Duration").Line(),
		jen.Comment("LogWaitAttempts logs each attempt at debug level to the logger of the").Line().
			Comment("context (see middleware.SetLogger).").Line().Id("LogWaitAttempts").Bool().Line(),
		jen.Comment("Retryable decides after each attempt: retry (true, nil), stop with the").Line().
			Comment("output (false, nil) or fail with an error (false, err). It defaults to the").Line().
			Comment("acceptors of the model; set it to change or extend them.").Line().
			Id("Retryable").Add(retryFunc),
	)
	out := []jen.Code{
		jen.Comment(opts + " are the options of " + typ + ".").Line().
			Type().Id(opts).Struct(fields...),
		waiterDoc(op, w, typ).Type().Id(typ).Struct(
			jen.Id("client").Id(op.Name+"APIClient"),
			jen.Id("options").Id(opts)),
		jen.Comment("New"+typ+" returns a "+typ+" polling client, configured by optFns.").Line().
			Func().Id("New"+typ).Params(jen.Id("client").Id(op.Name+"APIClient"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts))).
			Op("*").Id(typ).Block(
			jen.Id("options").Op(":=").Id(opts).Values(jen.Dict{
				jen.Id("MinDelay"): seconds(w.MinDelay), jen.Id("MaxDelay"): seconds(w.MaxDelay), jen.Id("Retryable"): jen.Id(retryable),
			}),
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
			jen.Return(jen.Op("&").Id(typ).Values(jen.Dict{jen.Id("client"): jen.Id("client"), jen.Id("options"): jen.Id("options")})),
		),
		waitMethods(op, w, env, opts, typ, retryable),
		jen.Func().Id(retryable).Params(jen.Id("ctx").Add(ctxType()), jen.Id("input").Add(inType(op)),
			jen.Id("output").Add(outType(op)), jen.Id("err").Error()).Params(jen.Bool(), jen.Error()).
			Block(append(checks,
				jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Id("err"))),
				jen.Return(jen.True(), jen.Nil()))...),
	}
	return append(out, helpers...), nil
}

func waiterDoc(op *model.Op, w *Waiter, typ string) *jen.Statement {
	lines := godoc.Lines(w.Doc)
	s := &jen.Statement{}
	for i, l := range godoc.Lines(typ + " polls " + op.Name + " until the " + w.Name + " waiter's acceptors reach a terminal state.") {
		if i > 0 {
			s.Line()
		}
		s.Comment(l)
	}
	if len(lines) > 0 {
		s.Line().Comment("")
		for _, l := range lines {
			s.Line().Comment(l)
		}
	}
	if w.Deprecated {
		s.Line().Comment("").Line().Comment("Deprecated: the model marks this waiter deprecated.")
	}
	return s.Line()
}

func waitMethods(op *model.Op, w *Waiter, env Env, opts, typ, retryable string) jen.Code {
	recv := jen.Id("w").Op("*").Id(typ)
	params := []jen.Code{jen.Id("ctx").Add(ctxType()), jen.Id("params").Add(inType(op)),
		jen.Id("maxWaitDur").Qual("time", "Duration"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts))}
	call := []jen.Code{jen.Id("ctx"), jen.Id("params")}
	if env.Client {
		call = append(call, jen.Id("options").Dot("ClientOptions").Op("..."))
	}
	return jen.Comment("Wait polls until the waiter succeeds, fails, or has waited maxWaitDur, which").Line().
		Comment("must be positive.").Line().
		Func().Params(recv.Clone()).Id("Wait").Params(params...).Error().Block(
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Id("w").Dot("WaitForOutput").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("maxWaitDur"), jen.Id("optFns").Op("...")),
		jen.Return(jen.Id("err")),
	).Line().Line().
		Comment("WaitForOutput is Wait returning the output of the attempt that succeeded.").Line().
		Func().Params(recv).Id("WaitForOutput").Params(params...).Params(outType(op), jen.Error()).Block(
		jen.Id("options").Op(":=").Id("w").Dot("options"),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Id("retryable").Op(":=").Id("options").Dot("Retryable"),
		jen.If(jen.Id("retryable").Op("==").Nil()).Block(jen.Id("retryable").Op("=").Id(retryable)),
		jen.Return(jen.Qual(waiterPkg, "Wait").Call(jen.Id("ctx"), jen.Qual(waiterPkg, "Settings").Values(jen.Dict{
			jen.Id("Name"):            jen.Lit(w.Name),
			jen.Id("MinDelay"):        jen.Id("options").Dot("MinDelay"),
			jen.Id("MaxDelay"):        jen.Id("options").Dot("MaxDelay"),
			jen.Id("DefaultMaxDelay"): seconds(w.MaxDelay),
			jen.Id("MaxWait"):         jen.Id("maxWaitDur"),
			jen.Id("LogAttempts"):     jen.Id("options").Dot("LogWaitAttempts"),
		}), jen.Func().Params(jen.Id("ctx").Add(ctxType())).Params(outType(op), jen.Bool(), jen.Error()).Block(
			jen.List(jen.Id("out"), jen.Id("err")).Op(":=").Id("w").Dot("client").Dot(op.Name).Call(call...),
			jen.List(jen.Id("retry"), jen.Id("err")).Op(":=").Id("retryable").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("out"), jen.Id("err")),
			jen.Return(jen.Id("out"), jen.Id("retry"), jen.Id("err")),
		))),
	)
}

// acceptors compiles the acceptors of w: helper functions (matchers and
// messages) and the checks of the retryable function, in order.
func acceptors(op *model.Op, w *Waiter) (helpers, checks []jen.Code, err error) {
	base := lowerFirst(w.Name)
	for i := range w.Acceptors {
		acc := &w.Acceptors[i]
		var msg jen.Code
		if acc.Message != "" {
			name := fmt.Sprintf("%sMessage%d", base, i)
			fn, err := messageFunc(op, name, acc.Message)
			if err != nil {
				return nil, nil, waiterError(op, w.Name, i, acc.Message, err)
			}
			helpers = append(helpers, fn)
			msg = jen.Id(name).Call(jen.Id("output"))
		}
		then := stateReturn(acc.State, msg)
		switch acc.Kind {
		case MatchOutput, MatchInputOutput:
			name := fmt.Sprintf("%sMatcher%d", base, i)
			fn, err := matcherFunc(op, name, acc)
			if err != nil {
				return nil, nil, waiterError(op, w.Name, i, acc.Path, err)
			}
			helpers = append(helpers, fn)
			args := []jen.Code{jen.Id("output")}
			if acc.Kind == MatchInputOutput {
				args = []jen.Code{jen.Id("input"), jen.Id("output")}
			}
			checks = append(checks, jen.If(jen.Id("err").Op("==").Nil().Op("&&").Id(name).Call(args...)).Block(then))
		case MatchSuccess:
			op := "=="
			if !acc.Success {
				op = "!="
			}
			checks = append(checks, jen.If(jen.Id("err").Op(op).Nil()).Block(then))
		case MatchErrorType:
			checks = append(checks, jen.If(jen.Id("err").Op("!=").Nil()).Block(errorMatch(op, acc.Error, then)...))
		}
	}
	return helpers, checks, nil
}

// stateReturn is the retryable function's return for a state; msg, when
// not nil, computes a failure's message.
func stateReturn(s State, msg jen.Code) jen.Code {
	switch s {
	case Success:
		return jen.Return(jen.False(), jen.Nil())
	case Retry:
		return jen.Return(jen.True(), jen.Nil())
	}
	fields := jen.Dict{jen.Id("Err"): jen.Id("err")}
	if msg != nil {
		fields[jen.Id("Message")] = msg
	}
	return jen.Return(jen.False(), jen.Op("&").Qual(waiterPkg, "FailureError").Values(fields))
}

// errorMatch matches err against an errorType: a modeled error of the
// operation by shape name or awsQueryError code, with errors.As, else any
// API error with that code.
func errorMatch(op *model.Op, errorType string, then jen.Code) []jen.Code {
	name := errorType
	if i := strings.LastIndexByte(name, '#'); i >= 0 {
		name = name[i+1:]
	}
	for _, pass := range []func(n *model.Named) bool{
		func(n *model.Named) bool { return n.Shape.Name() == name },
		func(n *model.Named) bool { q := n.Shape.Traits.AWSQueryError; return q != nil && q.Code == name },
	} {
		for _, e := range op.Errors {
			if pass(e) {
				return []jen.Code{
					jen.Var().Id("errorType").Op("*").Qual(e.Pkg, e.Name),
					jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("errorType"))).Block(then),
				}
			}
		}
	}
	return []jen.Code{
		jen.Var().Id("apiErr").Qual("github.com/aws/smithy-go", "APIError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("apiErr")).Op("&&").
			Id("apiErr").Dot("ErrorCode").Call().Op("==").Lit(name)).Block(then),
	}
}
