package botocore

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/smithygen/smithygen/model/internal/jsonw"
)

// writer writes the JSON AST of a converted file.
type writer struct{ jsonw.Writer }

// shape writes one entry of the "shapes" object.
func (w *writer) shape(first bool, s *shapeOut) {
	w.Mark(s.pos)
	w.Key(first, s.id)
	w.Raw(`{"type":`)
	w.Str(s.typ)
	for _, p := range s.props {
		w.Mark(p.pos)
		w.Key(false, p.key)
		w.Raw(p.raw)
	}
	switch s.typ {
	case "structure", "union", "enum", "intEnum":
		w.Raw(`,"members":{`)
		for i, m := range s.members {
			w.Key(i == 0, m.name)
			w.member(m)
		}
		w.Buf = append(w.Buf, '}')
	case "list", "map":
		for _, m := range s.members {
			w.Key(false, m.name)
			w.member(m)
		}
	}
	w.traits(s.traits)
	w.Buf = append(w.Buf, '}')
}

func (w *writer) member(m *memberOut) {
	w.Mark(m.pos)
	w.Raw(`{"target":`)
	w.Mark(m.targetPos)
	w.Str(m.target)
	w.traits(m.traits)
	w.Buf = append(w.Buf, '}')
}

func (w *writer) traits(ts []trait) {
	if len(ts) == 0 {
		return
	}
	w.Raw(`,"traits":{`)
	for i, t := range ts {
		w.Mark(t.pos)
		w.Key(i == 0, t.id)
		w.Raw(t.raw)
	}
	w.Buf = append(w.Buf, '}')
}

// quote returns s as a JSON string.
func quote(s string) string { return string(jsonw.AppendString(nil, s)) }

// ref is {"target": id}.
func ref(id string) string { return `{"target":` + quote(id) + `}` }

// jsonObject writes a JSON object of already encoded values, in the given order.
func jsonObject(kv ...string) string {
	b := []byte{'{'}
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonw.AppendString(b, kv[i])
		b = append(b, ':')
		b = append(b, kv[i+1]...)
	}
	return string(append(b, '}'))
}

func array(elems []string) string {
	b := []byte{'['}
	for i, e := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	return string(append(b, ']'))
}

func boolJSON(v bool) string { return strconv.FormatBool(v) }

// syntaxError finds where and why data stops being valid JSON.
func syntaxError(data []byte) (int, string) {
	var v any
	var se *json.SyntaxError
	err := json.Unmarshal(data, &v)
	if errors.As(err, &se) {
		return max(int(se.Offset)-1, 0), se.Error()
	}
	if err != nil {
		return len(data), err.Error()
	}
	return len(data), "not valid JSON"
}
