package idl

// outTrait is a trait with its final value.
type outTrait struct {
	id  string
	val *node
	pos int32
}

type outMember struct {
	name   string
	target ref
	pos    int32
	traits []outTrait
}

// outShape is one entry of the JSON AST "shapes" object.
type outShape struct {
	key     string
	def     *shapeDef // nil for apply entries
	pos     int32
	traits  []outTrait
	members []*outMember
}

func (o *outShape) member(name string) *outMember {
	for _, m := range o.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

// pendingApply is an apply statement or an elided member inherited from a
// mixin, whose traits become an apply entry.
type pendingApply struct {
	target string
	pos    int32
	traits []outTrait
}

// fileOut is the content of one file's JSON AST document.
type fileOut struct {
	shapes []*outShape
	byKey  map[string]*outShape
}

// build computes the final shapes, members and traits of one file.
func (m *model) build(f *file) *fileOut {
	out := &fileOut{byKey: make(map[string]*outShape, len(f.shapes))}
	var applies []pendingApply
	for _, s := range f.shapes {
		if s.kind == "apply" {
			continue
		}
		o := &outShape{key: s.abs, def: s, pos: s.pos, traits: m.traits(f, s.abs, nil, s.traits)}
		for _, mem := range s.members {
			if om, inherited := m.buildMember(f, s, mem); inherited {
				applies = append(applies, pendingApply{target: s.abs + "$" + mem.name, pos: mem.pos, traits: om.traits})
			} else {
				o.members = append(o.members, om)
			}
		}
		out.shapes = append(out.shapes, o)
		out.byKey[o.key] = o
	}
	for _, s := range f.shapes {
		if s.kind == "apply" {
			applies = append(applies, pendingApply{target: s.abs, pos: s.pos, traits: m.traits(f, s.abs, nil, s.traits)})
		}
	}
	for _, a := range applies {
		if len(a.traits) > 0 {
			m.apply(f, out, a)
		}
	}
	return out
}

// buildMember returns the final member; inherited is set for an elided
// member that comes from a mixin.
func (m *model) buildMember(f *file, s *shapeDef, mem *memberDef) (om *outMember, inherited bool) {
	om = &outMember{name: mem.name, target: mem.target, pos: mem.pos, traits: m.traits(f, s.abs+"$"+mem.name, nil, mem.traits)}
	if mem.elided {
		var target string
		if target, inherited = m.elide(f, s, mem); inherited {
			return om, true
		}
		om.target = ref{id: target, pos: mem.pos}
	}
	if s.kind == "enum" && !hasTrait(om.traits, "smithy.api#enumValue") {
		val := &node{kind: nString, pos: mem.pos, text: mem.name}
		om.traits = append(om.traits, outTrait{id: "smithy.api#enumValue", pos: mem.pos, val: val})
	}
	return om, false
}

func hasTrait(traits []outTrait, id string) bool {
	for _, t := range traits {
		if t.id == id {
			return true
		}
	}
	return false
}

// apply merges an apply into a shape or member defined in the same file, or
// into the file's apply entry for the target.
func (m *model) apply(f *file, out *fileOut, a pendingApply) {
	root, member := a.target, ""
	for i := len(root) - 1; i >= 0 && root[i] != '#'; i-- {
		if root[i] == '$' {
			root, member = a.target[:i], a.target[i+1:]
			break
		}
	}
	if o := out.byKey[root]; o != nil && o.def != nil {
		if member == "" {
			o.traits = m.traits(f, a.target, o.traits, nil, a.traits...)
			return
		}
		if om := o.member(member); om != nil {
			om.traits = m.traits(f, a.target, om.traits, nil, a.traits...)
			return
		}
	}
	o := out.byKey[a.target]
	if o == nil {
		o = &outShape{key: a.target, pos: a.pos}
		out.shapes = append(out.shapes, o)
		out.byKey[a.target] = o
	}
	o.traits = m.traits(f, a.target, o.traits, nil, a.traits...)
}

// traits adds applied traits (filling omitted values) and finished traits
// to list, merging repeated traits: values of list traits concatenate,
// equal values are kept once, anything else conflicts.
func (m *model) traits(f *file, owner string, list []outTrait, apps []traitApp, more ...outTrait) []outTrait {
	for _, a := range apps {
		val := a.val
		if val == nil {
			val = m.emptyValue(a.id.id, a.pos)
		}
		list = m.addTrait(f, owner, list, outTrait{id: a.id.id, val: val, pos: a.pos})
	}
	for _, t := range more {
		list = m.addTrait(f, owner, list, t)
	}
	return list
}

func (m *model) addTrait(f *file, owner string, list []outTrait, t outTrait) []outTrait {
	for i := range list {
		if list[i].id != t.id {
			continue
		}
		merged, ok := list[i].val, equalNodes(list[i].val, t.val)
		switch m.traitKind(t.id) {
		case "list", "set", "":
			merged, ok = mergeValues(list[i].val, t.val)
		}
		if !ok {
			l1, c1 := f.lineCol(list[i].pos)
			l2, c2 := f.lineCol(t.pos)
			m.errs.add(f, t.pos, "Conflicting `%s` trait found on shape `%s`. The previous trait was defined at `%s:%d:%d`, and a conflicting trait was defined at `%s:%d:%d`.",
				t.id, owner, f.name, l1, c1, f.name, l2, c2)
		}
		list[i].val = merged
		return list
	}
	return append(list, t)
}

// mergeValues combines two values given for the same metadata key or list
// trait: arrays concatenate, equal values are kept once.
func mergeValues(a, b *node) (*node, bool) {
	if a.kind == nArray && b.kind == nArray {
		elems := make([]*node, 0, len(a.elems)+len(b.elems))
		return &node{kind: nArray, pos: a.pos, elems: append(append(elems, a.elems...), b.elems...)}, true
	}
	return a, equalNodes(a, b)
}

func equalNodes(a, b *node) bool {
	if a.kind != b.kind || a.text != b.text || len(a.elems) != len(b.elems) {
		return false
	}
	if a.kind == nObject {
		for i, k := range a.keys {
			v := b.get(k)
			if v == nil || !equalNodes(a.elems[i], v) {
				return false
			}
		}
		return true
	}
	for i := range a.elems {
		if !equalNodes(a.elems[i], b.elems[i]) {
			return false
		}
	}
	return true
}

// elide finds the target of an elided member: the bound resource's
// identifiers and properties first, then the mixins. A member found in the
// mixins is inherited, so its traits become an apply entry.
func (m *model) elide(f *file, s *shapeDef, mem *memberDef) (target string, inherited bool) {
	if s.forRes.id != "" {
		res := m.lookup(s.forRes.id)
		switch {
		case res != nil && res.kind != "resource":
			m.errs.add(f, s.forRes.pos, "`%s` is a %s, not a resource", s.forRes.id, res.kind)
			return "", false
		case res != nil:
			for _, key := range []string{"identifiers", "properties"} {
				if v := res.body.get(key); v != nil && v.kind == nObject {
					if t := v.get(mem.name); t != nil {
						return t.text, false
					}
				}
			}
		case len(s.mixins) == 0:
			m.errs.add(f, s.forRes.pos, "resource `%s` is not defined", s.forRes.id)
			return "", false
		}
	}
	if len(s.mixins) > 0 {
		if known, has := m.mixinHas(s, mem.name, 0); has || !known {
			return "", true
		}
	}
	m.errs.add(f, mem.pos, "elided member `%s` is not defined by a resource or mixin of `%s`", mem.name, s.abs)
	return "", false
}

// mixinHas reports whether a mixin of s (transitively) defines member name;
// known is false when some mixin is not defined in the IDL files.
func (m *model) mixinHas(s *shapeDef, name string, depth int) (known, has bool) {
	known = true
	if depth > 64 {
		return false, false
	}
	for _, r := range s.mixins {
		mx := m.lookup(r.id)
		if mx == nil {
			known = false
			continue
		}
		if mx.member(name) != nil {
			return true, true
		}
		k, h := m.mixinHas(mx, name, depth+1)
		if h {
			return true, true
		}
		known = known && k
	}
	return known, false
}
