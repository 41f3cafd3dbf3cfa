package rules

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The encoded form of a Program, generated into each client as a string
// constant:
//
//	program  = magic strings params slots rules
//	magic    = "SR" version(1 byte)
//	strings  = n {len bytes}               // every string, referenced by index
//	params   = n {str kind flags [value]}  // flags: 1 required, 2 default
//	rules    = n {rule}
//	rule     = kind conds (endpoint | expr | rules)
//	conds    = n {expr assign+1}
//	endpoint = expr n{str n{expr}} n{str doc}
//	doc      = kind (expr | bool | n{doc} | n{str doc})
//	expr     = op (value | slot | fn n{expr} | expr n{attr index} | n{expr})
//	value    = kind (bool | str | zigzag | n{str})
//
// Integers are unsigned varints unless noted; str is a string index.
const (
	magic   = "SR"
	version = 1
)

// maxDepth bounds nesting when decoding, so hostile data cannot exhaust the
// stack.
const maxDepth = 200

// maxSlots bounds the parameters and variables of a rule set.
const maxSlots = 1 << 12

// Encode returns the encoded form of p.
func Encode(p *Program) []byte {
	e := &encoder{index: map[string]int{}}
	e.program(p)
	out := append([]byte(magic), version)
	out = binary.AppendUvarint(out, uint64(len(e.strs)))
	for _, s := range e.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, e.buf...)
}

type encoder struct {
	buf   []byte
	strs  []string
	index map[string]int
}

func (e *encoder) uint(n int)  { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }
func (e *encoder) byte(b byte) { e.buf = append(e.buf, b) }

func (e *encoder) str(s string) {
	i, ok := e.index[s]
	if !ok {
		i = len(e.strs)
		e.index[s] = i
		e.strs = append(e.strs, s)
	}
	e.uint(i)
}

func (e *encoder) program(p *Program) {
	e.uint(len(p.Params))
	for _, pr := range p.Params {
		e.str(pr.Name)
		e.byte(byte(pr.Kind))
		var flags byte
		if pr.Required {
			flags |= 1
		}
		if pr.Default.kind != None {
			flags |= 2
		}
		e.byte(flags)
		if flags&2 != 0 {
			e.value(pr.Default)
		}
	}
	e.uint(p.Slots)
	e.rules(p.Rules)
}

func (e *encoder) rules(rs []Rule) {
	e.uint(len(rs))
	for i := range rs {
		r := &rs[i]
		e.byte(byte(r.Kind))
		e.uint(len(r.Conds))
		for j := range r.Conds {
			e.expr(&r.Conds[j].Expr)
			e.uint(r.Conds[j].Assign + 1)
		}
		switch r.Kind {
		case EndpointRule:
			e.endpoint(r.Endpoint)
		case ErrorRule:
			e.expr(r.Error)
		case TreeRule:
			e.rules(r.Rules)
		}
	}
}

func (e *encoder) endpoint(ep *Endpoint) {
	e.expr(&ep.URL)
	e.uint(len(ep.Headers))
	for _, h := range ep.Headers {
		e.str(h.Name)
		e.uint(len(h.Values))
		for i := range h.Values {
			e.expr(&h.Values[i])
		}
	}
	e.uint(len(ep.Properties))
	for i := range ep.Properties {
		e.str(ep.Properties[i].Key)
		e.doc(&ep.Properties[i].Value)
	}
}

func (e *encoder) doc(d *Doc) {
	e.byte(byte(d.Kind))
	switch d.Kind {
	case DocString:
		e.expr(&d.Str)
	case DocBool:
		e.bool(d.Bool)
	case DocList:
		e.uint(len(d.Items))
		for i := range d.Items {
			e.doc(&d.Items[i])
		}
	case DocMap:
		e.uint(len(d.Items))
		for i := range d.Items {
			e.str(d.Keys[i])
			e.doc(&d.Items[i])
		}
	}
}

func (e *encoder) bool(b bool) {
	if b {
		e.byte(1)
	} else {
		e.byte(0)
	}
}

func (e *encoder) expr(x *Expr) {
	e.byte(byte(x.Op))
	switch x.Op {
	case OpLit:
		e.value(x.Lit)
	case OpRef:
		e.uint(x.Slot)
	case OpCall:
		e.byte(byte(x.Fn))
		e.exprs(x.Args)
	case OpGetAttr:
		e.expr(&x.Args[0])
		e.uint(len(x.Path))
		for _, s := range x.Path {
			e.byte(byte(s.Attr))
			e.buf = binary.AppendVarint(e.buf, int64(s.Index))
		}
	case OpTemplate:
		e.exprs(x.Args)
	}
}

func (e *encoder) exprs(xs []Expr) {
	e.uint(len(xs))
	for i := range xs {
		e.expr(&xs[i])
	}
}

func (e *encoder) value(v Value) {
	e.byte(byte(v.kind))
	switch v.kind {
	case Bool:
		e.bool(v.n != 0)
	case String:
		e.str(v.s)
	case Int:
		e.buf = binary.AppendVarint(e.buf, int64(v.n))
	case StringArray:
		list, _ := v.AsStrings()
		e.uint(len(list))
		for _, s := range list {
			e.str(s)
		}
	}
}

// Decode reads a Program written by Encode, checking that every slot,
// function, argument count and attribute is valid, so that evaluating the
// result cannot fail on malformed data.
func Decode(data string) (*Program, error) {
	d := &decoder{data: data}
	if len(data) < 3 || data[:2] != magic {
		return nil, errors.New("endpoint rules: not an encoded rule set")
	}
	if data[2] != version {
		return nil, fmt.Errorf("endpoint rules: encoding version %d, want %d (regenerate the client)", data[2], version)
	}
	d.off = 3
	n := d.count()
	d.strs = make([]string, 0, n)
	for range n {
		l := d.count()
		if d.err != nil || l > len(d.data)-d.off {
			d.fail("string out of range")
			break
		}
		d.strs = append(d.strs, d.data[d.off:d.off+l])
		d.off += l
	}
	p := &Program{}
	p.Params = make([]Param, d.count())
	for i := range p.Params {
		pr := &p.Params[i]
		pr.Name = d.str()
		pr.Kind = Kind(d.byte())
		if pr.Kind != Bool && pr.Kind != String && pr.Kind != StringArray {
			d.fail("bad parameter kind")
		}
		flags := d.byte()
		pr.Required = flags&1 != 0
		if flags&2 != 0 {
			pr.Default = d.value()
			if pr.Default.kind != pr.Kind {
				d.fail("default of the wrong kind")
			}
		}
	}
	if n := d.uvarint(); n < uint64(len(p.Params)) || n > maxSlots {
		d.fail("bad slot count")
	} else {
		p.Slots = int(n)
	}
	d.slots = p.Slots
	p.Rules = d.rules(0)
	if d.err == nil && d.off != len(d.data) {
		d.fail("trailing data")
	}
	if d.err != nil {
		return nil, d.err
	}
	return p, nil
}

type decoder struct {
	data  string
	off   int
	strs  []string
	slots int
	err   error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("endpoint rules: malformed data at byte %d: %s", d.off, msg)
	}
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.data) {
		d.fail("unexpected end")
		return 0
	}
	b := d.data[d.off]
	d.off++
	return b
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		b := d.byte()
		if d.err != nil {
			return 0
		}
		if shift >= 63 && b > 1 {
			d.fail("varint overflow")
			return 0
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
}

// count reads a length, bounded by the bytes left (every counted item takes
// at least one byte).
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.off) {
		d.fail("count out of range")
		return 0
	}
	return int(n)
}

func (d *decoder) varint() int {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	if x < -1<<31 || x > 1<<31 {
		d.fail("integer out of range")
		return 0
	}
	return int(x)
}

func (d *decoder) str() string {
	i := d.uvarint()
	if i >= uint64(len(d.strs)) {
		d.fail("string index out of range")
		return ""
	}
	return d.strs[i]
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad bool")
	return false
}

func (d *decoder) rules(depth int) []Rule {
	if depth > maxDepth {
		d.fail("nesting too deep")
		return nil
	}
	rs := make([]Rule, d.count())
	for i := range rs {
		if d.err != nil {
			return nil
		}
		r := &rs[i]
		r.Kind = RuleKind(d.byte())
		r.Conds = make([]Cond, d.count())
		for j := range r.Conds {
			r.Conds[j].Expr = d.expr(depth + 1)
			if op := r.Conds[j].Expr.Op; op != OpCall && op != OpGetAttr {
				d.fail("a condition must be a function call")
			}
			r.Conds[j].Assign = d.count() - 1
			if r.Conds[j].Assign >= d.slots {
				d.fail("assignment slot out of range")
			}
		}
		switch r.Kind {
		case EndpointRule:
			r.Endpoint = d.endpoint(depth + 1)
		case ErrorRule:
			x := d.expr(depth + 1)
			r.Error = &x
		case TreeRule:
			r.Rules = d.rules(depth + 1)
		default:
			d.fail("bad rule kind")
		}
	}
	return rs
}

func (d *decoder) endpoint(depth int) *Endpoint {
	ep := &Endpoint{URL: d.expr(depth)}
	ep.Headers = make([]Header, d.count())
	for i := range ep.Headers {
		ep.Headers[i].Name = d.str()
		ep.Headers[i].Values = d.exprs(depth)
	}
	ep.Properties = make([]Property, d.count())
	for i := range ep.Properties {
		ep.Properties[i].Key = d.str()
		ep.Properties[i].Value = d.doc(depth)
	}
	return ep
}

func (d *decoder) doc(depth int) Doc {
	if depth > maxDepth {
		d.fail("nesting too deep")
		return Doc{}
	}
	doc := Doc{Kind: DocKind(d.byte())}
	switch doc.Kind {
	case DocString:
		doc.Str = d.expr(depth + 1)
	case DocBool:
		doc.Bool = d.bool()
	case DocList:
		doc.Items = make([]Doc, d.count())
		for i := range doc.Items {
			doc.Items[i] = d.doc(depth + 1)
		}
	case DocMap:
		n := d.count()
		doc.Keys, doc.Items = make([]string, n), make([]Doc, n)
		for i := range n {
			doc.Keys[i] = d.str()
			doc.Items[i] = d.doc(depth + 1)
		}
	default:
		d.fail("bad property kind")
	}
	return doc
}

func (d *decoder) exprs(depth int) []Expr {
	xs := make([]Expr, d.count())
	for i := range xs {
		xs[i] = d.expr(depth + 1)
	}
	return xs
}

func (d *decoder) expr(depth int) Expr {
	if depth > maxDepth {
		d.fail("nesting too deep")
		return Expr{}
	}
	x := Expr{Op: Op(d.byte())}
	switch x.Op {
	case OpLit:
		x.Lit = d.value()
	case OpRef:
		x.Slot = d.count()
		if x.Slot >= d.slots {
			d.fail("slot out of range")
		}
	case OpCall:
		x.Fn = Func(d.byte())
		x.Args = d.exprs(depth)
		if x.Fn >= numFuncs || len(x.Args) != len(funcs[x.Fn].Args) {
			d.fail("bad function or argument count")
		}
	case OpGetAttr:
		x.Args = []Expr{d.expr(depth + 1)}
		x.Path = make([]Step, d.count())
		for i := range x.Path {
			x.Path[i] = Step{Attr: Attr(d.byte()), Index: d.varint()}
			if x.Path[i].Attr >= numAttrs {
				d.fail("bad attribute")
			}
		}
	case OpTemplate:
		x.Args = d.exprs(depth)
		if len(x.Args) == 0 {
			d.fail("empty template")
		}
	default:
		d.fail("bad expression")
	}
	return x
}

func (d *decoder) value() Value {
	v := Value{kind: Kind(d.byte())}
	switch v.kind {
	case Bool:
		v = Boolean(d.bool())
	case String:
		v.s = d.str()
	case Int:
		v.n = d.varint()
	case StringArray:
		list := make([]string, d.count())
		for i := range list {
			list[i] = d.str()
		}
		v = Strings(list)
	default:
		d.fail("bad literal")
	}
	return v
}
