package model

import (
	"fmt"
	"sort"
	"strings"
)

// Closure is a service and every shape it reaches, or the slice of it that
// a chosen set of operations reaches.
type Closure struct {
	Service *Shape
	// Operations sorted by name.
	Operations []*Shape
	// Shapes reached from the operations (inputs, outputs, errors and every
	// member target, transitively) and the service's errors, sorted by ID.
	// Operations, resources and the service are not included.
	Shapes []*Shape
	// Resources bound to the service, transitively, sorted by ID.
	Resources []*Shape

	paginated map[*Shape]*Paginated
}

// Closure computes the closure of svc. With names, only the named operations
// (by shape name) and what they reach are included.
func (m *Model) Closure(svc *Shape, names ...string) (*Closure, error) {
	if svc == nil || svc.Type != Service {
		return nil, fmt.Errorf("not a service")
	}
	c := &Closure{Service: svc, paginated: map[*Shape]*Paginated{}}
	ops := map[*Shape]bool{}
	res := map[*Shape]bool{}
	addBindings(svc, ops, res)
	if len(names) > 0 {
		byName := map[string]*Shape{}
		for op := range ops {
			byName[op.Name()] = op
		}
		ops = map[*Shape]bool{}
		for _, n := range names {
			op := byName[n]
			if op == nil {
				return nil, fmt.Errorf("service %s has no operation %q", svc.ID, n)
			}
			ops[op] = true
		}
	}
	for op := range ops {
		c.Operations = append(c.Operations, op)
	}
	sort.Slice(c.Operations, func(i, j int) bool { return c.Operations[i].Name() < c.Operations[j].Name() })
	for r := range res {
		c.Resources = append(c.Resources, r)
	}
	sortShapes(c.Resources)
	c.collectShapes()
	c.mergePagination()
	return c, c.checkNames()
}

// addBindings adds the operations and resources bound to s, transitively.
func addBindings(s *Shape, ops, res map[*Shape]bool) {
	for _, op := range s.Operations {
		ops[op] = true
	}
	for _, op := range s.CollectionOperations {
		ops[op] = true
	}
	for _, op := range []*Shape{s.Create, s.Put, s.Read, s.Update, s.Delete, s.List} {
		if op != nil {
			ops[op] = true
		}
	}
	for _, r := range s.Resources {
		if !res[r] {
			res[r] = true
			addBindings(r, ops, res)
		}
	}
}

func (c *Closure) collectShapes() {
	seen := map[*Shape]bool{}
	var walk func(s *Shape)
	walk = func(s *Shape) {
		if s == nil || seen[s] || s.Type == InvalidType {
			return
		}
		seen[s] = true
		for _, m := range s.Members {
			walk(m.Target)
		}
	}
	for _, op := range c.Operations {
		walk(op.Input)
		walk(op.Output)
		for _, e := range op.Errors {
			walk(e)
		}
	}
	for _, e := range c.Service.Errors {
		walk(e)
	}
	for s := range seen {
		c.Shapes = append(c.Shapes, s)
	}
	sortShapes(c.Shapes)
}

// Name returns the shape's name in this service, with the service's rename
// map applied.
func (c *Closure) Name(s *Shape) string {
	if n, ok := c.Service.Rename[s.ID]; ok {
		return n
	}
	return s.Name()
}

// Errors returns the errors an operation can return: its own, then the
// service's, without repeats.
func (c *Closure) Errors(op *Shape) []*Shape {
	out := append([]*Shape(nil), op.Errors...)
	for _, e := range c.Service.Errors {
		if !containsShape(out, e) {
			out = append(out, e)
		}
	}
	return out
}

func containsShape(list []*Shape, s *Shape) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Paginated returns op's pagination with the service's defaults merged in,
// or nil when op is not paginated.
func (c *Closure) Paginated(op *Shape) *Paginated { return c.paginated[op] }

func (c *Closure) mergePagination() {
	def := c.Service.Traits.Paginated
	for _, op := range c.Operations {
		p := op.Traits.Paginated
		if p == nil {
			continue
		}
		merged := *p
		if def != nil {
			merged.InputToken = firstNonEmpty(merged.InputToken, def.InputToken)
			merged.OutputToken = firstNonEmpty(merged.OutputToken, def.OutputToken)
			merged.Items = firstNonEmpty(merged.Items, def.Items)
			merged.PageSize = firstNonEmpty(merged.PageSize, def.PageSize)
		}
		c.paginated[op] = &merged
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// checkNames rejects shapes whose names clash case-insensitively within the
// service (after renames), as Smithy requires.
func (c *Closure) checkNames() error {
	var d diags
	seen := map[string]*Shape{}
	for _, s := range append(append([]*Shape(nil), c.Shapes...), c.Operations...) {
		if s.IsPrelude() {
			continue
		}
		key := strings.ToLower(c.Name(s))
		if prev := seen[key]; prev != nil && prev != s {
			d.add(s.Pos, s.ID, "name conflicts with %s in service %s", prev.ID, c.Service.ID)
		}
		seen[key] = s
	}
	return d.err()
}
