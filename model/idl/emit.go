package idl

// emit writes the JSON AST document of one file.
func (m *model) emit(f *file, out *fileOut) Doc {
	w := &writer{buf: make([]byte, 0, len(f.src)+len(f.src)/4+256), marks: make([]mark, 0, len(f.src)/32)}
	w.raw(`{"smithy":`)
	w.str(f.versionName())
	if len(f.metadata) > 0 {
		w.raw(`,"metadata":{`)
		for i, e := range m.mergeMetadata(f) {
			w.mark(e.pos)
			w.key(i == 0, e.key)
			w.node(e.val)
		}
		w.buf = append(w.buf, '}')
	}
	w.raw(`,"shapes":{`)
	for i, o := range out.shapes {
		w.mark(o.pos)
		w.key(i == 0, o.key)
		w.shape(o)
	}
	w.raw("}}")
	f.lineCol(0) // fills the line table
	return Doc{Name: f.name, JSON: w.buf, marks: w.marks, src: f}
}

// mergeMetadata combines repeated keys of the file's metadata statements.
func (m *model) mergeMetadata(f *file) []metaEntry {
	out := make([]metaEntry, 0, len(f.metadata))
	index := map[string]int{}
	for _, e := range f.metadata {
		i, seen := index[e.key]
		if !seen {
			index[e.key] = len(out)
			out = append(out, e)
			continue
		}
		merged, ok := mergeValues(out[i].val, e.val)
		if !ok {
			m.errs.add(f, e.pos, "conflicting values for metadata key `%s`", e.key)
		}
		out[i].val = merged
	}
	return out
}

func (w *writer) shape(o *outShape) {
	s := o.def
	if s == nil {
		w.raw(`{"type":"apply"`)
		w.traits(o.traits)
		w.buf = append(w.buf, '}')
		return
	}
	w.raw(`{"type":`)
	w.str(s.kind)
	if len(s.mixins) > 0 {
		w.raw(`,"mixins":`)
		w.targets(s.mixins)
	}
	switch s.kind {
	case "structure", "union", "enum", "intEnum":
		w.raw(`,"members":{`)
		for i, m := range o.members {
			w.key(i == 0, m.name)
			w.member(m)
		}
		w.buf = append(w.buf, '}')
	case "list", "set", "map":
		for _, m := range o.members {
			w.key(false, m.name)
			w.member(m)
		}
	case "service", "resource":
		w.entity(s)
	case "operation":
		w.operation(s.op)
	}
	w.traits(o.traits)
	w.buf = append(w.buf, '}')
}

func (w *writer) member(m *outMember) {
	w.mark(m.pos)
	w.raw(`{"target":`)
	w.mark(m.target.pos)
	w.str(m.target.id)
	w.traits(m.traits)
	w.buf = append(w.buf, '}')
}

func (w *writer) traits(traits []outTrait) {
	if len(traits) == 0 {
		return
	}
	w.raw(`,"traits":{`)
	for i, t := range traits {
		w.mark(t.pos)
		w.key(i == 0, t.id)
		w.node(t.val)
	}
	w.buf = append(w.buf, '}')
}

func (w *writer) targets(refs []ref) {
	w.buf = append(w.buf, '[')
	for i, r := range refs {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.target(r)
	}
	w.buf = append(w.buf, ']')
}

func nodeRef(n *node) ref { return ref{id: n.text, pos: n.pos} }

// entity writes the properties of a service or resource.
func (w *writer) entity(s *shapeDef) {
	props := entityProps[s.kind]
	for i, key := range s.body.keys {
		v := s.body.elems[i]
		w.mark(v.pos)
		w.key(false, key)
		switch props[key] {
		case pRef:
			w.target(nodeRef(v))
		case pRefList:
			w.buf = append(w.buf, '[')
			for j, e := range v.elems {
				if j > 0 {
					w.buf = append(w.buf, ',')
				}
				w.target(nodeRef(e))
			}
			w.buf = append(w.buf, ']')
		case pRefMap:
			w.buf = append(w.buf, '{')
			for j, k := range v.keys {
				w.key(j == 0, k)
				w.target(nodeRef(v.elems[j]))
			}
			w.buf = append(w.buf, '}')
		default:
			w.node(v)
		}
	}
}

func (w *writer) operation(op *opBody) {
	if op.input.id != "" {
		w.raw(`,"input":`)
		w.target(op.input)
	}
	if op.output.id != "" {
		w.raw(`,"output":`)
		w.target(op.output)
	}
	if len(op.errors) > 0 {
		w.raw(`,"errors":`)
		w.targets(op.errors)
	}
}
