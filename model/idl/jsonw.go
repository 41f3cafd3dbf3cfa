package idl

import "github.com/smithygen/smithygen/model/internal/jsonw"

// writer writes the JSON AST of a converted file.
type writer struct{ jsonw.Writer }

func (w *writer) node(n *node) {
	w.Mark(int(n.pos))
	switch n.kind {
	case nNull:
		w.Raw("null")
	case nTrue:
		w.Raw("true")
	case nFalse:
		w.Raw("false")
	case nNumber:
		w.Raw(n.text)
	case nString, nShapeID:
		w.Str(n.text)
	case nArray:
		w.Buf = append(w.Buf, '[')
		for i, e := range n.elems {
			if i > 0 {
				w.Buf = append(w.Buf, ',')
			}
			w.node(e)
		}
		w.Buf = append(w.Buf, ']')
	case nObject:
		w.Buf = append(w.Buf, '{')
		for i, k := range n.keys {
			w.Key(i == 0, k)
			w.node(n.elems[i])
		}
		w.Buf = append(w.Buf, '}')
	}
}

// target writes {"target": id}.
func (w *writer) target(r ref) {
	w.Mark(int(r.pos))
	w.Raw(`{"target":`)
	w.Str(r.id)
	w.Buf = append(w.Buf, '}')
}
