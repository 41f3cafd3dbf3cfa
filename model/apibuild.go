package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/smithygen/smithygen/model/pattern"
)

// builder turns a closure into an API.
type builder struct {
	api   *API
	named map[*Shape]*Named
	// outputs are the operation outputs, whose HTTP bindings differ.
	outputs map[*Named]bool
	// patterns maps a pattern trait's source to its translation (nil when
	// Go cannot express it).
	patterns map[string]*Pattern
	// inputUnions are the event stream unions sent by input streams;
	// streamEvents holds the events and errors of each event stream union.
	inputUnions  map[*Shape]bool
	streamEvents map[*Named][2][]*Field
	d            diags
}

// BuildAPI computes the Go view of a closure for a protocol's bindings.
// importPath is the import path of the root package to generate; pkg
// overrides the package name when set.
func BuildAPI(c *Closure, importPath, pkg string, b Bindings) (*API, error) {
	svc := c.Service
	a := &API{Closure: c, ImportPath: importPath, TypesPath: importPath + "/types", Version: svc.Version,
		Protocol: b.Protocol, Bindings: b}
	if t := svc.Traits.AWSService; t != nil {
		a.EndpointPrefix = firstNonEmpty(t.EndpointPrefix, t.ArnNamespace)
	}
	a.ServiceID = c.ServiceID()
	if t := svc.Traits.SigV4; t != nil {
		a.SigningName = t.Name
	}
	a.EndpointPrefix = firstNonEmpty(a.EndpointPrefix, a.SigningName)
	a.Package = firstNonEmpty(pkg, c.Package())
	bd := &builder{api: a, named: map[*Shape]*Named{}, outputs: map[*Named]bool{},
		inputUnions: map[*Shape]bool{}, streamEvents: map[*Named][2][]*Field{}}
	for _, s := range declared(c) {
		bd.declare(s)
	}
	bd.translatePatterns(c)
	for _, op := range c.Operations {
		a.Operations = append(a.Operations, bd.op(op))
	}
	for _, n := range bd.named {
		if n.Pkg == a.TypesPath {
			a.Types = append(a.Types, n)
		}
	}
	sort.Slice(a.Types, func(i, j int) bool { return a.Types[i].Name < a.Types[j].Name })
	for _, n := range a.Types {
		bd.fill(n)
	}
	bd.fillEventStreams()
	// Token and item paths may run through types-package structs, so they
	// are resolved once those are filled.
	for _, op := range a.Operations {
		if p := c.Paginated(op.Shape); p != nil {
			op.Paginator = bd.paginator(op, p)
		}
	}
	return a, bd.d.err()
}

// declared returns the shapes that get a types-package declaration: member
// targets and errors. Shapes used only as operation input or output do not.
func declared(c *Closure) []*Shape {
	seen := map[*Shape]bool{}
	var out []*Shape
	add := func(s *Shape) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range c.Shapes {
		for _, m := range s.Members {
			add(m.Target)
		}
	}
	for _, op := range c.Operations {
		for _, e := range c.Errors(op) {
			add(e)
		}
	}
	return out
}

// declare creates the types-package declaration of a shape, if it has one.
func (b *builder) declare(s *Shape) {
	n := &Named{Shape: s, Pkg: b.api.TypesPath, Doc: s.Traits.Documentation}
	switch {
	case s.Type == Structure && s.Traits.Error != "":
		n.Kind = NamedError
	case s.Type == Structure && !s.IsUnit():
		n.Kind = NamedStruct
	case s.Type == Union:
		n.Kind = NamedUnion
		n.UnknownMember = "UnknownUnionMember"
	case s.Type == Enum || s.Type == String && len(s.Traits.Enum) > 0:
		n.Kind = NamedEnum
	case s.Type == IntEnum:
		n.Kind = NamedIntEnum
	default:
		return
	}
	n.Name = exportedName(b.api.Closure.Name(s))
	b.named[s] = n
}

func (b *builder) op(s *Shape) *Op {
	name := exportedName(b.api.Closure.Name(s))
	op := &Op{Shape: s, Name: name, Doc: s.Traits.Documentation, HTTP: s.Traits.HTTP,
		File: "api_op_" + name + ".go", Deprecated: s.Traits.Deprecated}
	if e := s.Traits.Endpoint; e != nil {
		op.HostPrefix = e.HostPrefix
	}
	op.Input = b.ioStruct(s.Input, name+"Input", false)
	op.Output = b.ioStruct(s.Output, name+"Output", true)
	op.InputStream = b.takeEventStream(op, op.Input, true)
	op.OutputStream = b.takeEventStream(op, op.Output, false)
	for _, e := range b.api.Closure.Errors(s) {
		if n := b.named[e]; n != nil {
			op.Errors = append(op.Errors, n)
		}
	}
	return op
}

func (b *builder) ioStruct(s *Shape, name string, output bool) *Named {
	n := &Named{Kind: NamedStruct, Shape: s, Name: name, Pkg: b.api.ImportPath, Doc: s.Traits.Documentation}
	b.outputs[n] = output
	b.fill(n)
	b.api.Inputs = append(b.api.Inputs, n)
	return n
}

func (b *builder) paginator(op *Op, p *Paginated) *Paginator {
	pg := &Paginator{}
	var ok bool
	if pg.InputToken, ok = fieldPath(op.Input, p.InputToken); !ok {
		b.d.add(op.Shape.Pos, op.Shape.ID, "paginated inputToken %q is not an input member", p.InputToken)
		return nil
	}
	if pg.OutputToken = fieldPaths(op.Output, p.OutputToken); pg.OutputToken == nil {
		b.d.add(op.Shape.Pos, op.Shape.ID, "paginated outputToken %q is not an output member", p.OutputToken)
		return nil
	}
	if p.PageSize != "" {
		if pg.PageSize, ok = fieldPath(op.Input, p.PageSize); !ok {
			b.d.add(op.Shape.Pos, op.Shape.ID, "paginated pageSize %q is not an input member", p.PageSize)
			return nil
		}
	}
	if p.Items != "" {
		if pg.Items = fieldPaths(op.Output, p.Items); pg.Items == nil {
			b.d.add(op.Shape.Pos, op.Shape.ID, "paginated items %q is not an output member", p.Items)
			return nil
		}
	}
	return pg
}

func fieldPath(n *Named, path string) (*Field, bool) {
	fs := fieldPaths(n, path)
	if len(fs) != 1 {
		return nil, false
	}
	return fs[0], true
}

// fieldPaths resolves a dotted member path such as "Result.NextToken".
func fieldPaths(n *Named, path string) []*Field {
	var out []*Field
	for _, part := range strings.Split(path, ".") {
		if n == nil {
			return nil
		}
		var f *Field
		for _, x := range n.Fields {
			if x.Member.Name == part {
				f = x
			}
		}
		if f == nil {
			return nil
		}
		out = append(out, f)
		n = f.Type.Named
	}
	return out
}

// translatePatterns translates every pattern trait of the closure once. A
// pattern Go cannot express is reported as a warning and left unchecked.
func (b *builder) translatePatterns(c *Closure) {
	b.patterns = map[string]*Pattern{}
	add := func(owner string, pos Pos, p *string) {
		if p == nil {
			return
		}
		if _, done := b.patterns[*p]; done {
			return
		}
		t, err := pattern.Translate(*p)
		if err != nil {
			b.patterns[*p] = nil
			b.api.Warnings = append(b.api.Warnings, &Error{Pos: pos, Shape: owner,
				Msg: fmt.Sprintf("warning: %v; the check is left out", err)})
			return
		}
		b.patterns[*p] = &Pattern{Source: *p, Match: t.Match, NotMatch: t.NotMatch}
	}
	for _, s := range c.Shapes {
		add(s.ID, s.Pos, s.Traits.Pattern)
		for _, m := range s.Members {
			add(m.ID(), m.Pos, m.Traits.Pattern)
		}
	}
}
