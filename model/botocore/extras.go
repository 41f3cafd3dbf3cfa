package botocore

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// applyOut is one "apply" entry of a paginators or waiters document.
type applyOut struct {
	op     string
	pos    int
	traits []trait
}

// convertExtra converts a paginators or waiters file into a document of
// apply entries on the service's operations.
func (c *converter) convertExtra(f *file, kind Kind) (Doc, bool) {
	var applies []*applyOut
	switch kind {
	case Paginators:
		applies = c.paginators(f)
	case Waiters:
		applies = c.waiters(f)
	}
	w := &writer{}
	w.Raw(`{"smithy":"2.0","shapes":{`)
	for i, a := range applies {
		w.Mark(a.pos)
		w.Key(i == 0, c.id(a.op))
		w.Raw(`{"type":"apply"`)
		w.traits(a.traits)
		w.Buf = append(w.Buf, '}')
	}
	w.Raw("}}")
	return Doc{Name: f.name, JSON: w.Buf, marks: w.Marks, lines: f.lines}, len(applies) > 0
}

// operationOf checks that a paginator or waiter names an operation.
func (c *converter) operationOf(f *file, name gjson.Result) (gjson.Result, bool) {
	op, ok := c.ops[name.Str]
	if !ok {
		c.errs.add(f, name.Index, "", "operation %s is not defined in %s", name.Str, c.f.name)
	}
	return op, ok
}

// memberPath matches the paths Smithy's paginated trait accepts.
var memberPath = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

// paginators converts each entry of "pagination" to smithy.api#paginated.
func (c *converter) paginators(f *file) []*applyOut {
	pg := f.root.Get("pagination")
	if !pg.IsObject() {
		c.errs.add(f, f.root.Index, "", `a paginators file needs a "pagination" object`)
		return nil
	}
	var out []*applyOut
	pg.ForEach(func(name, p gjson.Result) bool {
		op, ok := c.operationOf(f, name)
		if !ok {
			return true
		}
		owner := c.id(name.Str)
		in, outShape := op.Get("input.shape").Str, op.Get("output.shape").Str
		var kv []string
		for _, field := range []struct {
			key, smithy string
			io          string
			paths       bool
			required    bool
		}{
			{"input_token", "inputToken", in, false, true},
			{"output_token", "outputToken", outShape, true, true},
			{"limit_key", "pageSize", in, false, false},
			{"result_key", "items", outShape, true, false},
		} {
			v := p.Get(field.key)
			if !v.Exists() {
				if field.required {
					c.errs.add(f, p.Index, owner, "paginator has no %s", field.key)
					return true
				}
				continue
			}
			path, ok := c.paginatorPath(f, owner, field.key, v, field.io, field.paths)
			if !ok {
				return true
			}
			kv = append(kv, field.smithy, quote(path))
		}
		out = append(out, &applyOut{op: name.Str, pos: name.Index,
			traits: []trait{{id: "smithy.api#paginated", pos: p.Index, raw: jsonObject(kv...)}}})
		return true
	})
	return out
}

// paginatorPath reads a token, page size or result key: a member path, or
// a list whose first entry is used (Smithy pagination has one of each).
// It checks that every member of the path exists.
func (c *converter) paginatorPath(f *file, owner, key string, v gjson.Result, io string, paths bool) (string, bool) {
	if v.IsArray() && len(v.Array()) > 0 {
		if key == "input_token" || key == "output_token" {
			if len(v.Array()) > 1 {
				c.warn(f, v.Index, owner, "paginator %s has several tokens, which Smithy pagination cannot express; the operation is not paginated", key)
				return "", false
			}
		}
		v = v.Array()[0]
	}
	if v.Type != gjson.String || !memberPath.MatchString(v.Str) || !paths && strings.Contains(v.Str, ".") {
		c.warn(f, v.Index, owner, "paginator %s %s is not a member path; the operation is not paginated", key, v.Raw)
		return "", false
	}
	shape := io
	for _, part := range strings.Split(v.Str, ".") {
		m := c.shapes[shape].Get("members." + part)
		if !m.Exists() {
			if shape == "" {
				shape = "smithy.api#Unit"
			}
			c.errs.add(f, v.Index, owner, "paginator %s %q names no member: %s is not a member of %s", key, v.Str, part, shape)
			return "", false
		}
		shape = m.Get("shape").Str
	}
	return v.Str, true
}

func (c *converter) warn(f *file, off int, shape, format string, args ...any) {
	line, col := f.lineCol(off)
	c.warnings = append(c.warnings, &Error{File: f.name, Line: line, Col: col, Shape: shape,
		Msg: "warning: " + fmt.Sprintf(format, args...)})
}

var waiterName = regexp.MustCompile(`^[A-Z]+[A-Za-z0-9]*$`)

// waiters converts "waiters" to smithy.waiters#waitable, one trait per
// operation holding each of its waiters.
func (c *converter) waiters(f *file) []*applyOut {
	ws := f.root.Get("waiters")
	if !ws.IsObject() {
		c.errs.add(f, f.root.Index, "", `a waiters file needs a "waiters" object`)
		return nil
	}
	byOp := map[string]*applyOut{}
	entries := map[string][]string{}
	ws.ForEach(func(name, w gjson.Result) bool {
		opName := w.Get("operation")
		if !waiterName.MatchString(name.Str) {
			c.errs.add(f, name.Index, "", "waiter name %q must match %s", name.Str, waiterName)
			return true
		}
		if _, ok := c.operationOf(f, opName); !ok {
			return true
		}
		waiter, ok := c.waiter(f, c.id(opName.Str), name.Str, w)
		if !ok {
			return true
		}
		a := byOp[opName.Str]
		if a == nil {
			a = &applyOut{op: opName.Str, pos: opName.Index}
			byOp[opName.Str] = a
		}
		entries[opName.Str] = append(entries[opName.Str], name.Str, waiter)
		return true
	})
	var out []*applyOut
	for op, a := range byOp {
		a.traits = []trait{{id: "smithy.waiters#waitable", pos: a.pos, raw: jsonObject(entries[op]...)}}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].op < out[j].op })
	return out
}

// waiter converts one waiter: delay becomes minDelay (and maxDelay when
// above Smithy's default of 120), description documentation.
func (c *converter) waiter(f *file, owner, name string, w gjson.Result) (string, bool) {
	var acceptors []string
	for _, a := range w.Get("acceptors").Array() {
		if m, ok := c.acceptor(f, owner, name, a); ok {
			acceptors = append(acceptors, m)
		}
	}
	if len(acceptors) == 0 {
		c.warn(f, w.Index, owner, "waiter %s has no acceptor Smithy can express; it is left out", name)
		return "", false
	}
	kv := []string{}
	if d := w.Get("description"); d.Str != "" {
		kv = append(kv, "documentation", quote(d.Str))
	}
	kv = append(kv, "acceptors", array(acceptors))
	if d := w.Get("delay"); d.Exists() {
		n, err := strconv.Atoi(d.Raw)
		if err != nil || n < 1 {
			c.errs.add(f, d.Index, owner, "waiter %s: delay %s must be a positive integer", name, d.Raw)
			return "", false
		}
		kv = append(kv, "minDelay", d.Raw)
		if n > 120 {
			kv = append(kv, "maxDelay", d.Raw)
		}
	}
	return jsonObject(kv...), true
}

var pathComparators = map[string]string{"path": "stringEquals", "pathAll": "allStringEquals", "pathAny": "anyStringEquals"}

// acceptor converts one acceptor. Path matchers test the output; error
// matchers become errorType, or success for a boolean.
func (c *converter) acceptor(f *file, owner, waiter string, a gjson.Result) (string, bool) {
	state := a.Get("state").Str
	switch state {
	case "success", "failure", "retry":
	default:
		c.errs.add(f, a.Get("state").Index, owner, "waiter %s: unknown acceptor state %s", waiter, a.Get("state").Raw)
		return "", false
	}
	expected := a.Get("expected")
	var matcher string
	switch m := a.Get("matcher").Str; m {
	case "path", "pathAll", "pathAny":
		comparator := pathComparators[m]
		if m == "path" && (expected.Type == gjson.True || expected.Type == gjson.False) {
			comparator = "booleanEquals"
		}
		want := expected.Str
		if expected.Type != gjson.String {
			want = expected.Raw
		}
		matcher = jsonObject("output", jsonObject("path", quote(a.Get("argument").Str), "expected", quote(want), "comparator", quote(comparator)))
	case "error":
		switch expected.Type {
		case gjson.String:
			matcher = jsonObject("errorType", quote(expected.Str))
		case gjson.True, gjson.False:
			matcher = jsonObject("success", boolJSON(!expected.Bool()))
		default:
			c.errs.add(f, expected.Index, owner, "waiter %s: an error matcher expects an error code or a boolean", waiter)
			return "", false
		}
	case "status":
		// A 2xx status is the operation succeeding; other statuses have no
		// Smithy form.
		if n := expected.Int(); expected.Type != gjson.Number || n < 200 || n > 299 {
			c.warn(f, a.Index, owner, "waiter %s: a status matcher for %s has no Smithy form; the acceptor is left out", waiter, expected.Raw)
			return "", false
		}
		matcher = jsonObject("success", "true")
	default:
		c.errs.add(f, a.Get("matcher").Index, owner, "waiter %s: unknown matcher %s", waiter, a.Get("matcher").Raw)
		return "", false
	}
	return jsonObject("state", quote(state), "matcher", matcher), true
}
