// Package conformance turns Smithy's HTTP protocol compliance tests
// (smithy.test#httpRequestTests and httpResponseTests) into Go tests of
// generated clients. Its test generates the clients of the restJson1
// protocol test services and one Go test per client case into a scratch
// module, runs them and reports each case.
package conformance

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
)

// Trait IDs of the protocol test cases.
const (
	RequestTests     = "smithy.test#httpRequestTests"
	ResponseTests    = "smithy.test#httpResponseTests"
	EventStreamTests = "smithy.test#eventStreamTests"
)

// Kind is the kind of a test case.
type Kind string

// Case kinds.
const (
	Request     Kind = "request"
	Response    Kind = "response"
	EventStream Kind = "eventStream"
)

// Case is one client test case of a service.
type Case struct {
	ID      string
	Kind    Kind
	Service *model.Shape
	// Op is the operation under test: the case's operation, or for a case
	// on an error structure the first operation (by name) that can return it.
	Op *model.Shape
	// Error is the error structure of an error response case.
	Error *model.Shape
	// Value is the test case object.
	Value gjson.Result
}

// Name is the case's test name: service, kind and ID.
func (c *Case) Name() string { return c.Service.Name() + "/" + string(c.Kind) + "/" + c.ID }

// Cases returns the client cases of a closure's protocol: those on its
// operations and on the errors they return, whose appliesTo is absent or
// "client", in operation order.
func Cases(c *model.Closure, protocol string) []Case {
	var out []Case
	for _, op := range c.Operations {
		out = append(out, traitCases(c.Service, op, nil, protocol, RequestTests, Request)...)
		out = append(out, traitCases(c.Service, op, nil, protocol, ResponseTests, Response)...)
		out = append(out, traitCases(c.Service, op, nil, protocol, EventStreamTests, EventStream)...)
	}
	for _, e := range errorShapes(c) {
		out = append(out, traitCases(c.Service, firstThrower(c, e), e, protocol, ResponseTests, Response)...)
	}
	return out
}

func traitCases(svc, op, errShape *model.Shape, protocol, trait string, kind Kind) []Case {
	holder := op
	if errShape != nil {
		holder = errShape
	}
	t, ok := holder.Traits.Get(trait)
	if !ok {
		return nil
	}
	var out []Case
	for _, v := range t.Value.Array() {
		if v.Get("appliesTo").String() == "server" || v.Get("protocol").String() != protocol {
			continue
		}
		out = append(out, Case{ID: v.Get("id").String(), Kind: kind, Service: svc, Op: op, Error: errShape, Value: v})
	}
	return out
}

// errorShapes are the errors of the closure's operations, by shape ID.
func errorShapes(c *model.Closure) []*model.Shape {
	seen := map[*model.Shape]bool{}
	var out []*model.Shape
	for _, op := range c.Operations {
		for _, e := range c.Errors(op) {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func firstThrower(c *model.Closure, e *model.Shape) *model.Shape {
	for _, op := range c.Operations {
		for _, x := range c.Errors(op) {
			if x == e {
				return op
			}
		}
	}
	return nil
}

// SkipList maps case names (see Case.Name) to the reason they are skipped.
type SkipList map[string]string

// ParseSkipList reads one skipped case per line: its name, then the reason.
// Blank lines and lines starting with '#' are ignored.
func ParseSkipList(r io.Reader) (SkipList, error) {
	out := SkipList{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return nil, fmt.Errorf("skip list line %d: %s has no reason", n, name)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("skip list line %d: %s is listed twice", n, name)
		}
		out[name] = reason
	}
	return out, sc.Err()
}
