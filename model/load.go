package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model/idl"
)

// rawShape keeps the JSON of a shape definition until targets resolve.
type rawShape struct {
	v     gjson.Result
	local []Trait // traits declared on the shape itself
}

type applyEntry struct {
	target string
	member string
	traits []Trait
	pos    Pos
}

type loader struct {
	d        diags
	warnings []*Error
	// Members copied from mixins: the traits they inherit, which traits
	// applied to them replace, and the mixin member each comes from.
	inherited map[*MemberShape]map[string]bool
	origin    map[*MemberShape]string
	shapes    map[string]*Shape
	applies   []applyEntry
	metadata  map[string]gjson.Result
	metaPos   map[string]Pos
	order     []string // metadata keys in first-seen order
}

// LoadFiles reads and loads model files: Smithy JSON AST (.json), Smithy
// IDL (.smithy) and botocore JSON (service-2.json, told by its content, with
// the paginators-1.json and waiters-2.json beside it). A directory stands
// for every such file below it. IDL files are parsed together, so relative
// shape IDs resolve across them.
func LoadFiles(paths ...string) (*Model, error) {
	files, err := ExpandPaths(paths)
	if err != nil {
		return nil, err
	}
	var srcs []*Source
	var idlSrcs []idl.Source
	boto := &botoFiles{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		switch {
		case strings.HasSuffix(p, ".smithy"):
			idlSrcs = append(idlSrcs, idl.Source{Name: p, Data: data})
		case boto.add(p, data):
		default:
			srcs = append(srcs, &Source{Name: p, Data: data})
		}
	}
	if len(idlSrcs) > 0 {
		docs, err := idl.Convert(idlSrcs)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			srcs = append(srcs, &Source{Name: docs[i].Name, Data: docs[i].JSON, PosFunc: docs[i].Pos})
		}
	}
	botoSrcs, warnings, err := boto.convert()
	if err != nil {
		return nil, err
	}
	m, err := Load(append(srcs, botoSrcs...)...)
	if err != nil {
		return nil, err
	}
	m.Warnings = append(warnings, m.Warnings...)
	return m, nil
}

// ExpandPaths replaces each directory by the model files below it, sorted.
// A botocore paginators-1.json or waiters-2.json beside a service-2.json is
// left out: it is read with the service file.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(f string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".smithy")) {
				found = append(found, f)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		out = append(out, dropBotocoreSiblings(found)...)
	}
	return out, nil
}

// Load loads Smithy JSON AST documents together with the prelude into one
// resolved model and checks it against Smithy's model rules. All errors
// found are returned together as an ErrorList; what Smithy only warns about
// is in Model.Warnings.
func Load(srcs ...*Source) (*Model, error) {
	l := &loader{shapes: map[string]*Shape{}, metadata: map[string]gjson.Result{}, metaPos: map[string]Pos{},
		inherited: map[*MemberShape]map[string]bool{}, origin: map[*MemberShape]string{}}
	l.readDoc(preludeSource)
	for _, s := range srcs {
		l.readDoc(s)
	}
	if err := l.d.err(); err != nil {
		return nil, err
	}
	return l.build()
}

func (l *loader) readDoc(src *Source) {
	if !gjson.ValidBytes(src.Data) {
		off, msg := syntaxError(src.Data)
		l.d.add(Pos{src, off}, "", "invalid JSON: %s", msg)
		return
	}
	doc := gjson.Parse(string(src.Data))
	if !doc.IsObject() {
		l.d.add(Pos{src, doc.Index}, "", "a model must be a JSON object")
		return
	}
	// The prelude is shared by concurrent loads: it is only read here, its
	// version set where it is declared.
	if src != preludeSource {
		src.version = doc.Get("smithy").Str
	}
	doc.ForEach(func(k, v gjson.Result) bool {
		pos := Pos{src, k.Index}
		switch k.Str {
		case "smithy":
			if v.Type != gjson.String {
				l.d.add(pos, "", `"smithy" must be a version string`)
			} else if !strings.HasPrefix(v.Str, "1") && !strings.HasPrefix(v.Str, "2") {
				l.d.add(pos, "", "unsupported Smithy version %q", v.Str)
			}
		case "metadata":
			l.readMetadata(src, v)
		case "shapes":
			if !v.IsObject() {
				l.d.add(pos, "", `"shapes" must be an object`)
				return true
			}
			v.ForEach(func(id, sv gjson.Result) bool {
				l.readShape(src, id, sv)
				return true
			})
		}
		return true
	})
}

// syntaxError finds where and why a document stops being valid JSON.
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

func (l *loader) readMetadata(src *Source, v gjson.Result) {
	if !v.IsObject() {
		l.d.add(Pos{src, v.Index}, "", `"metadata" must be an object`)
		return
	}
	v.ForEach(func(k, mv gjson.Result) bool {
		pos := Pos{src, k.Index}
		prev, ok := l.metadata[k.Str]
		switch {
		case !ok:
			l.metadata[k.Str], l.metaPos[k.Str] = mv, pos
			l.order = append(l.order, k.Str)
		case prev.IsArray() && mv.IsArray():
			l.metadata[k.Str] = concatArrays(prev, mv)
		case !jsonEqual(prev, mv):
			l.d.add(pos, "", "metadata key %q conflicts with the value at %s", k.Str, l.metaPos[k.Str])
		}
		return true
	})
}

func (l *loader) readShape(src *Source, id, v gjson.Result) {
	pos := Pos{src, id.Index}
	isApply := v.Get("type").Str == "apply"
	if !validShapeID(id.Str, false) && !(isApply && validShapeID(id.Str, true)) {
		l.d.add(pos, id.Str, "not an absolute shape ID")
		return
	}
	if !v.IsObject() {
		l.d.add(pos, id.Str, "a shape must be a JSON object")
		return
	}
	typ := v.Get("type")
	if typ.Type != gjson.String {
		l.d.add(pos, id.Str, `missing "type" string`)
		return
	}
	if isApply {
		l.readApply(src, id.Str, v)
		return
	}
	t := parseType(typ.Str)
	if t == InvalidType {
		l.d.add(Pos{src, typ.Index}, id.Str, "unknown shape type %q", typ.Str)
		return
	}
	if prev := l.shapes[id.Str]; prev != nil {
		if prev.Pos.Src == preludeSource && prev.Type == t {
			return // a copy of the prelude's definition
		}
		if prev.Pos.Src == preludeSource || !jsonEqual(prev.raw.v, v) {
			l.d.add(pos, id.Str, "conflicting shape definition (also defined at %s)", prev.Pos)
		}
		return
	}
	l.checkShapeVersion(src, id.Str, t, v)
	s := &Shape{ID: id.Str, Type: t, Pos: pos, raw: rawShape{v: v}}
	s.raw.local = l.readTraits(src, id.Str, v.Get("traits"))
	l.shapes[id.Str] = s
}

func (l *loader) readApply(src *Source, id string, v gjson.Result) {
	target, member, _ := strings.Cut(id, "$")
	l.applies = append(l.applies, applyEntry{target: target, member: member,
		traits: l.readTraits(src, id, v.Get("traits")), pos: Pos{src, v.Index}})
}

// warn records a problem that does not fail the load.
func (l *loader) warn(pos Pos, shape, format string, args ...any) {
	l.warnings = append(l.warnings, &Error{Pos: pos, Shape: shape, Msg: "warning: " + fmt.Sprintf(format, args...)})
}

// readTraits reads a "traits" object; keys must be absolute shape IDs.
func (l *loader) readTraits(src *Source, owner string, v gjson.Result) []Trait {
	if !v.Exists() {
		return nil
	}
	if !v.IsObject() {
		l.d.add(Pos{src, v.Index}, owner, `"traits" must be an object`)
		return nil
	}
	var out []Trait
	v.ForEach(func(k, tv gjson.Result) bool {
		if !validShapeID(k.Str, false) {
			l.d.add(Pos{src, k.Index}, owner, "trait %q is not an absolute shape ID", k.Str)
			return true
		}
		t := Trait{ID: k.Str, Value: tv, Pos: Pos{src, k.Index}}
		l.checkTraitVersion(owner, t)
		out = append(out, t)
		return true
	})
	return out
}

// validShapeID reports whether s is "namespace#Name" (with "$member" when
// member is true).
func validShapeID(s string, member bool) bool {
	ns, rest, ok := strings.Cut(s, "#")
	if !ok || ns == "" {
		return false
	}
	for _, part := range strings.Split(ns, ".") {
		if !isIdentifier(part) {
			return false
		}
	}
	name, mem, hasMember := strings.Cut(rest, "$")
	if hasMember != member {
		return false
	}
	return isIdentifier(name) && (!member || isIdentifier(mem))
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !(alpha || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return strings.Trim(s, "_") != "" || len(s) == 0
}

// jsonEqual compares two JSON values structurally (object key order ignored).
func jsonEqual(a, b gjson.Result) bool {
	if a.Raw == b.Raw {
		return true
	}
	var x, y any
	if json.Unmarshal([]byte(a.Raw), &x) != nil || json.Unmarshal([]byte(b.Raw), &y) != nil {
		return false
	}
	return fmt.Sprint(x) == fmt.Sprint(y)
}

func concatArrays(a, b gjson.Result) gjson.Result {
	raw := "[" + strings.TrimSpace(a.Raw[1:len(a.Raw)-1])
	inner := strings.TrimSpace(b.Raw[1 : len(b.Raw)-1])
	if inner != "" {
		if len(raw) > 1 {
			raw += ","
		}
		raw += inner
	}
	raw += "]"
	r := gjson.Parse(raw)
	r.Index = a.Index
	return r
}
