package rules

import (
	"math"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	rt "github.com/smithygen/smithygen/runtime/rules"
)

// expr reads an expression: a literal (strings are templates), a reference
// or a function call.
func (c *checker) expr(v gjson.Result, sc *scope) (rt.Expr, typ, bool) {
	switch {
	case v.Type == gjson.String:
		return c.template(v, sc)
	case v.Type == gjson.True || v.Type == gjson.False:
		return rt.Expr{Op: rt.OpLit, Lit: rt.Boolean(v.Bool())}, typ{kind: rt.Bool}, true
	case v.Type == gjson.Number:
		if v.Num != math.Trunc(v.Num) || math.Abs(v.Num) > 1<<31 {
			c.errorf(v, "a number must be an integer")
			return rt.Expr{}, typ{}, false
		}
		return rt.Expr{Op: rt.OpLit, Lit: rt.Integer(int(v.Num))}, typ{kind: rt.Int}, true
	case v.IsArray():
		var list []string
		for _, e := range v.Array() {
			if e.Type != gjson.String {
				c.errorf(e, "an array literal must hold strings")
				return rt.Expr{}, typ{}, false
			}
			list = append(list, e.Str)
		}
		return rt.Expr{Op: rt.OpLit, Lit: rt.Strings(list)}, typ{kind: rt.StringArray}, true
	case v.IsObject():
		if ref := v.Get("ref"); ref.Exists() {
			if ref.Type != gjson.String {
				c.errorf(ref, `"ref" must be a string`)
				return rt.Expr{}, typ{}, false
			}
			return c.ref(ref, ref.Str, sc)
		}
		if v.Get("fn").Exists() {
			return c.call(v, sc)
		}
		c.errorf(v, `an expression object must be a reference ("ref") or a function ("fn" and "argv")`)
		return rt.Expr{}, typ{}, false
	}
	c.errorf(v, "an expression must be a string, boolean, number, array or object")
	return rt.Expr{}, typ{}, false
}

func (c *checker) ref(at gjson.Result, name string, sc *scope) (rt.Expr, typ, bool) {
	b := sc.lookup(name)
	if b == nil {
		c.errorf(at, "%q is not a parameter or a variable in scope", name)
		return rt.Expr{}, typ{}, false
	}
	return rt.Expr{Op: rt.OpRef, Slot: b.slot}, b.t, true
}

func (c *checker) call(v gjson.Result, sc *scope) (rt.Expr, typ, bool) {
	fnv, ok := c.field(v, "fn", "a function", gjson.String, true)
	if !ok {
		return rt.Expr{}, typ{}, false
	}
	argv, ok := c.field(v, "argv", "function "+fnv.Str, gjson.JSON, true)
	if !ok {
		return rt.Expr{}, typ{}, false
	}
	if !argv.IsArray() {
		c.errorf(argv, "the arguments of %s must be an array", fnv.Str)
		return rt.Expr{}, typ{}, false
	}
	args := argv.Array()
	if fnv.Str == "getAttr" {
		return c.getAttr(fnv, args, sc)
	}
	fn, info, known := rt.LookupFunc(fnv.Str)
	if !known {
		c.errorf(fnv, "unknown function %q", fnv.Str)
		return rt.Expr{}, typ{}, false
	}
	if len(args) != len(info.Args) {
		c.errorf(argv, "%s takes %d argument%s, not %d", info.Name, len(info.Args), plural(len(info.Args)), len(args))
		return rt.Expr{}, typ{}, false
	}
	x := rt.Expr{Op: rt.OpCall, Fn: fn, Args: make([]rt.Expr, len(args))}
	good := true
	for i, a := range args {
		ax, at, ok := c.expr(a, sc)
		x.Args[i] = ax
		switch {
		case !ok:
			good = false
		case info.Args[i] != rt.None && at.kind != info.Args[i]:
			c.errorf(a, "argument %d of %s must be a %s, not %s", i+1, info.Name, info.Args[i], at)
			good = false
		case at.optional && !info.Optional:
			c.errorf(a, "argument %d of %s must be a %s, not %s%s", i+1, info.Name, info.Args[i], at, optionHint(at))
			good = false
		}
	}
	return x, typ{kind: info.Result, optional: info.MaybeUnset}, good
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// getAttr reads getAttr(record, "path"), resolving the path statically.
func (c *checker) getAttr(fnv gjson.Result, args []gjson.Result, sc *scope) (rt.Expr, typ, bool) {
	if len(args) != 2 {
		c.errorf(fnv, "getAttr takes 2 arguments, not %d", len(args))
		return rt.Expr{}, typ{}, false
	}
	rec, rt0, ok := c.expr(args[0], sc)
	if !ok {
		return rt.Expr{}, typ{}, false
	}
	if rt0.optional {
		c.errorf(args[0], "the first argument of getAttr must be set, not %s%s", rt0, optionHint(rt0))
		return rt.Expr{}, typ{}, false
	}
	if args[1].Type != gjson.String {
		c.errorf(args[1], "the path of getAttr must be a string")
		return rt.Expr{}, typ{}, false
	}
	return c.path(args[1], rec, rt0.kind, args[1].Str)
}

// path applies a getAttr path ("a.b[2]") to an expression of kind k.
func (c *checker) path(at gjson.Result, rec rt.Expr, k rt.Kind, path string) (rt.Expr, typ, bool) {
	x := rt.Expr{Op: rt.OpGetAttr, Args: []rt.Expr{rec}}
	t := typ{kind: k}
	for part := range strings.SplitSeq(path, ".") {
		key, idx, hasIdx := part, "", false
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") {
				c.errorf(at, "getAttr path %q: %q has no closing ]", path, part)
				return x, t, false
			}
			key, idx, hasIdx = part[:i], part[i+1:len(part)-1], true
		}
		if t.optional {
			c.errorf(at, "getAttr path %q: an index may only end a path", path)
			return x, t, false
		}
		if key != "" || !hasIdx {
			a, ak, ok := rt.LookupAttr(t.kind, key)
			if !ok {
				c.errorf(at, "getAttr path %q: a %s has no attribute %q", path, t.kind, key)
				return x, t, false
			}
			x.Path = append(x.Path, rt.Step{Attr: a})
			t = typ{kind: ak}
		}
		if hasIdx {
			n, err := strconv.Atoi(idx)
			if err != nil {
				c.errorf(at, "getAttr path %q: index %q is not an integer", path, idx)
				return x, t, false
			}
			if t.kind != rt.StringArray {
				c.errorf(at, "getAttr path %q: a %s cannot be indexed", path, t.kind)
				return x, t, false
			}
			x.Path = append(x.Path, rt.Step{Attr: rt.AttrIndex, Index: n})
			t = typ{kind: rt.String, optional: true}
		}
	}
	return x, t, true
}

// template reads a template string: "{name}" and "{name#path}" are replaced
// by string values, "{{" and "}}" stand for braces.
func (c *checker) template(v gjson.Result, sc *scope) (rt.Expr, typ, bool) {
	s := v.Str
	var parts []rt.Expr
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, rt.Expr{Op: rt.OpLit, Lit: rt.Str(lit.String())})
			lit.Reset()
		}
	}
	good := true
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"), strings.HasPrefix(s[i:], "}}"):
			lit.WriteByte(s[i])
			i++
		case s[i] == '}':
			c.errorf(v, "template %q: unmatched }", s)
			return rt.Expr{}, typ{}, false
		case s[i] == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				c.errorf(v, "template %q: unclosed {", s)
				return rt.Expr{}, typ{}, false
			}
			name, path, hasPath := strings.Cut(s[i+1:i+end], "#")
			x, t, ok := c.ref(v, name, sc)
			if ok && hasPath {
				if t.optional {
					c.errorf(v, "template %q: %s is %s%s", s, name, t, optionHint(t))
					ok = false
				} else {
					x, t, ok = c.path(v, x, t.kind, path)
				}
			}
			if ok && (t.kind != rt.String || t.optional) {
				c.errorf(v, "template %q: {%s} must be a string, not %s%s", s, s[i+1:i+end], t, optionHint(t))
				ok = false
			}
			good = good && ok
			flush()
			parts = append(parts, x)
			i += end
		default:
			lit.WriteByte(s[i])
		}
	}
	flush()
	switch len(parts) {
	case 0:
		return rt.Expr{Op: rt.OpLit, Lit: rt.Str("")}, typ{kind: rt.String}, good
	case 1:
		return parts[0], typ{kind: rt.String}, good
	}
	return rt.Expr{Op: rt.OpTemplate, Args: parts}, typ{kind: rt.String}, good
}
