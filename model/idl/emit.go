package idl

import "github.com/smithygen/smithygen/model/internal/jsonw"

// emit writes the JSON AST document of one file.
func (m *model) emit(f *file, out *fileOut) Doc {
	w := &writer{jsonw.Writer{Buf: make([]byte, 0, len(f.src)+len(f.src)/4+256), Marks: make([]jsonw.Mark, 0, len(f.src)/32)}}
	w.Raw(`{"smithy":`)
	w.Str(f.versionName())
	if len(f.metadata) > 0 {
		w.Raw(`,"metadata":{`)
		for i, e := range m.mergeMetadata(f) {
			w.Mark(int(e.pos))
			w.Key(i == 0, e.key)
			w.node(e.val)
		}
		w.Buf = append(w.Buf, '}')
	}
	w.Raw(`,"shapes":{`)
	for i, o := range out.shapes {
		w.Mark(int(o.pos))
		w.Key(i == 0, o.key)
		w.shape(o)
	}
	w.Raw("}}")
	f.lineCol(0) // fills the line table
	return Doc{Name: f.name, JSON: w.Buf, marks: w.Marks, src: f}
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
		w.Raw(`{"type":"apply"`)
		w.traits(o.traits)
		w.Buf = append(w.Buf, '}')
		return
	}
	w.Raw(`{"type":`)
	w.Str(s.kind)
	if len(s.mixins) > 0 {
		w.Raw(`,"mixins":`)
		w.targets(s.mixins)
	}
	switch s.kind {
	case "structure", "union", "enum", "intEnum":
		w.Raw(`,"members":{`)
		for i, m := range o.members {
			w.Key(i == 0, m.name)
			w.member(m)
		}
		w.Buf = append(w.Buf, '}')
	case "list", "set", "map":
		for _, m := range o.members {
			w.Key(false, m.name)
			w.member(m)
		}
	case "service", "resource":
		w.entity(s)
	case "operation":
		w.operation(s.op)
	}
	w.traits(o.traits)
	w.Buf = append(w.Buf, '}')
}

func (w *writer) member(m *outMember) {
	w.Mark(int(m.pos))
	w.Raw(`{"target":`)
	w.Mark(int(m.target.pos))
	w.Str(m.target.id)
	w.traits(m.traits)
	w.Buf = append(w.Buf, '}')
}

func (w *writer) traits(traits []outTrait) {
	if len(traits) == 0 {
		return
	}
	w.Raw(`,"traits":{`)
	for i, t := range traits {
		w.Mark(int(t.pos))
		w.Key(i == 0, t.id)
		w.node(t.val)
	}
	w.Buf = append(w.Buf, '}')
}

func (w *writer) targets(refs []ref) {
	w.Buf = append(w.Buf, '[')
	for i, r := range refs {
		if i > 0 {
			w.Buf = append(w.Buf, ',')
		}
		w.target(r)
	}
	w.Buf = append(w.Buf, ']')
}

func nodeRef(n *node) ref { return ref{id: n.text, pos: n.pos} }

// entity writes the properties of a service or resource.
func (w *writer) entity(s *shapeDef) {
	props := entityProps[s.kind]
	for i, key := range s.body.keys {
		v := s.body.elems[i]
		w.Mark(int(v.pos))
		w.Key(false, key)
		switch props[key] {
		case pRef:
			w.target(nodeRef(v))
		case pRefList:
			w.Buf = append(w.Buf, '[')
			for j, e := range v.elems {
				if j > 0 {
					w.Buf = append(w.Buf, ',')
				}
				w.target(nodeRef(e))
			}
			w.Buf = append(w.Buf, ']')
		case pRefMap:
			w.Buf = append(w.Buf, '{')
			for j, k := range v.keys {
				w.Key(j == 0, k)
				w.target(nodeRef(v.elems[j]))
			}
			w.Buf = append(w.Buf, '}')
		default:
			w.node(v)
		}
	}
}

func (w *writer) operation(op *opBody) {
	if op.input.id != "" {
		w.Raw(`,"input":`)
		w.target(op.input)
	}
	if op.output.id != "" {
		w.Raw(`,"output":`)
		w.target(op.output)
	}
	if len(op.errors) > 0 {
		w.Raw(`,"errors":`)
		w.targets(op.errors)
	}
}
