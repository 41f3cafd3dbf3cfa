package idl

import "strings"

// model holds all files of one Convert call and the shapes they define.
type model struct {
	files []*file
	byNS  map[string]map[string]*shapeDef // namespace → name → definition
	errs  errs
	cache map[string]string // per-file cache of resolved relative IDs
}

func (m *model) lookup(abs string) *shapeDef {
	ns, name, ok := strings.Cut(abs, "#")
	if !ok {
		return nil
	}
	return m.byNS[ns][name]
}

// index records every shape definition and rejects duplicates.
func (m *model) index() {
	m.byNS = map[string]map[string]*shapeDef{}
	for _, f := range m.files {
		for _, s := range f.shapes {
			if s.kind == "apply" {
				continue
			}
			s.abs = f.ns + "#" + s.name
			names := m.byNS[f.ns]
			if names == nil {
				names = map[string]*shapeDef{}
				m.byNS[f.ns] = names
			}
			if prev := names[s.name]; prev != nil {
				line, col := prev.file.lineCol(prev.pos)
				m.errs.add(f, s.pos, "shape `%s` is already defined at %s:%d:%d", s.abs, prev.file.name, line, col)
				continue
			}
			names[s.name] = s
		}
	}
}

// uses builds the file's table of imported names.
func (m *model) uses(f *file) {
	f.useMap = make(map[string]string, len(f.uses))
	for _, u := range f.uses {
		name := u.id[strings.IndexByte(u.id, '#')+1:]
		if prev, ok := f.useMap[name]; ok && prev != u.id {
			m.errs.add(f, u.pos, "`%s` conflicts with the earlier use of `%s`", u.id, prev)
			continue
		}
		if local := m.byNS[f.ns][name]; local != nil && local.file == f && local.abs != u.id {
			m.errs.add(f, local.pos, "Shape name `%s` conflicts with imported shape `%s`", name, u.id)
		}
		f.useMap[name] = u.id
	}
}

// resolve turns a shape ID written in f into an absolute shape ID: use
// statements first, then the current namespace, then the prelude.
func (m *model) resolve(f *file, id string) string {
	if strings.IndexByte(id, '#') >= 0 {
		return id
	}
	if abs, ok := m.cache[id]; ok {
		return abs
	}
	root, member, hasMember := strings.Cut(id, "$")
	var abs string
	switch {
	case f.useMap[root] != "":
		abs = f.useMap[root]
	case m.byNS[f.ns][root] != nil:
		abs = f.ns + "#" + root
	case prelude[root] != "":
		abs = "smithy.api#" + root
	default:
		abs = f.ns + "#" + root
	}
	if hasMember {
		abs += "$" + member
	}
	m.cache[id] = abs
	return abs
}

// resolveFile makes every shape ID in f absolute.
func (m *model) resolveFile(f *file) {
	m.cache = map[string]string{}
	for _, e := range f.metadata {
		m.resolveMetaNode(f, e.val)
	}
	for _, s := range f.shapes {
		m.resolveShape(f, s)
	}
}

func (m *model) resolveShape(f *file, s *shapeDef) {
	if s.kind == "apply" {
		s.abs = m.resolve(f, s.name)
	}
	m.resolveTraits(f, s.traits)
	m.resolveRefs(f, s.mixins)
	if s.forRes.id != "" {
		s.forRes.id = m.resolve(f, s.forRes.id)
	}
	for _, mem := range s.members {
		if !mem.elided {
			mem.target.id = m.resolve(f, mem.target.id)
		}
		m.resolveTraits(f, mem.traits)
	}
	if s.body != nil {
		m.resolveNode(f, s.body)
	}
	if op := s.op; op != nil {
		for _, r := range []*ref{&op.input, &op.output} {
			if r.id != "" {
				r.id = m.resolve(f, r.id)
			}
		}
		m.resolveRefs(f, op.errors)
	}
}

func (m *model) resolveRefs(f *file, refs []ref) {
	for i := range refs {
		refs[i].id = m.resolve(f, refs[i].id)
	}
}

func (m *model) resolveTraits(f *file, traits []traitApp) {
	for i := range traits {
		traits[i].id.id = m.resolve(f, traits[i].id.id)
		if traits[i].val != nil {
			m.resolveNode(f, traits[i].val)
		}
	}
}

func (m *model) resolveNode(f *file, n *node) {
	switch n.kind {
	case nShapeID:
		n.text = m.resolve(f, n.text)
	case nArray, nObject:
		for _, e := range n.elems {
			m.resolveNode(f, e)
		}
	}
}

// resolveMetaNode resolves the syntactic shape IDs of a metadata value,
// which can only refer to the prelude.
func (m *model) resolveMetaNode(f *file, n *node) {
	switch n.kind {
	case nShapeID:
		if strings.IndexByte(n.text, '#') >= 0 {
			return
		}
		root, _, _ := strings.Cut(n.text, "$")
		if prelude[root] == "" {
			m.errs.add(f, n.pos, "Syntactic shape ID `%s` does not resolve to a valid shape ID: `smithy.api#%s`", n.text, n.text)
			return
		}
		n.text = "smithy.api#" + n.text
	case nArray, nObject:
		for _, e := range n.elems {
			m.resolveMetaNode(f, e)
		}
	}
}

// traitKind returns the type of the trait shape abs, or "" when unknown.
func (m *model) traitKind(abs string) string {
	if d := m.lookup(abs); d != nil {
		return d.kind
	}
	if name, ok := strings.CutPrefix(abs, "smithy.api#"); ok {
		return prelude[name]
	}
	return ""
}

// emptyValue is the value of a trait applied without one: {} for structures
// and maps (and unknown traits), [] for lists, null otherwise.
func (m *model) emptyValue(abs string, pos int32) *node {
	switch m.traitKind(abs) {
	case "structure", "map", "":
		return &node{kind: nObject, pos: pos}
	case "list", "set":
		return &node{kind: nArray, pos: pos}
	}
	return &node{kind: nNull, pos: pos}
}
