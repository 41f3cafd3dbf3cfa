package model

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"github.com/tidwall/gjson"
)

// checkDefaults checks @default values against their shapes, and that a
// structure member targeting a shape with a default repeats it (or sets
// null).
func (l *loader) checkDefaults(s *Shape) {
	if tr, ok := s.Traits.Get("smithy.api#default"); ok {
		if tr.Value.Type == gjson.Null {
			l.d.add(tr.Pos, s.ID, "The @default trait can be set to null only on members")
		} else {
			l.checkDefaultValue(s.ID, tr, s)
		}
	}
	if s.Type != Structure {
		return
	}
	for _, m := range s.Members {
		tr, has := m.Traits.Get("smithy.api#default")
		if has && tr.Value.Type != gjson.Null && m.Target.Type != InvalidType {
			l.checkDefaultValue(m.ID(), tr, m.Target)
		}
		td, ok := m.Target.Traits.Get("smithy.api#default")
		switch {
		case !ok:
		case !has:
			l.d.add(m.Pos, m.ID(), "Member targets %s, which requires that the member defines the same default of `%s` or `null`", m.Target.ID, compactJSON(td.Value))
		case tr.Value.Type != gjson.Null && !jsonEqual(tr.Value, td.Value):
			l.d.add(tr.Pos, m.ID(), "Member defines a default value that differs from the default value of the target shape, %s. The member has a default of `%s`, but the target has a default of `%s`.",
				m.Target.ID, compactJSON(tr.Value), compactJSON(td.Value))
		}
	}
}

// checkDefaultValue checks that a default value suits the shape t.
func (l *loader) checkDefaultValue(owner string, tr Trait, t *Shape) {
	v := tr.Value
	want := ""
	switch {
	case isString(t.Type) || t.Type == Blob:
		want = "string"
	case isNumber(t.Type):
		want = "number"
	case t.Type == Boolean:
		want = "boolean"
	case isList(t.Type):
		want = "array"
	case t.Type == Map:
		want = "object"
	}
	if got := nodeKind(v); want != "" && got != want {
		l.d.add(tr.Pos, owner, "Error validating @default trait: Expected %s value for %s shape, `%s`; found %s value, `%s`", want, t.Type, t.ID, got, compactJSON(v))
		return
	}
	switch {
	case t.Type == Enum || t.Type == IntEnum:
		var values []string
		for _, m := range t.Members {
			ev := m.Name
			if m.Traits.EnumValue != nil {
				ev = m.Traits.EnumValue.String()
			}
			if ev == v.String() {
				return
			}
			values = append(values, ev)
		}
		kind := "String"
		if t.Type == IntEnum {
			kind = "Integer"
		}
		l.d.add(tr.Pos, owner, "Error validating @default trait: %s value provided for `%s` must be one of the following values: %s", kind, t.ID, ticked(values))
	case t.Type == Blob:
		if _, err := base64.StdEncoding.DecodeString(v.Str); err != nil {
			l.warn(tr.Pos, owner, "The @default value of a blob should be a valid base64 string.")
		}
	case isList(t.Type) && len(v.Array()) > 0:
		l.d.add(tr.Pos, owner, "The @default value of a list must be an empty list")
	case t.Type == Map && len(v.Map()) > 0:
		l.d.add(tr.Pos, owner, "The @default value of a map must be an empty map")
	case t.Type == Document && v.IsArray() && len(v.Array()) > 0:
		l.d.add(tr.Pos, owner, "The @default value of a document cannot be a non-empty array")
	case t.Type == Document && v.IsObject() && len(v.Map()) > 0:
		l.d.add(tr.Pos, owner, "The @default value of a document cannot be a non-empty object")
	}
}

func nodeKind(v gjson.Result) string {
	switch {
	case v.IsObject():
		return "object"
	case v.IsArray():
		return "array"
	case v.Type == gjson.String:
		return "string"
	case v.Type == gjson.Number:
		return "number"
	case v.Type == gjson.True || v.Type == gjson.False:
		return "boolean"
	}
	return "null"
}

// compactJSON prints a value without insignificant whitespace.
func compactJSON(v gjson.Result) string { return string(stripSpace(v.Raw)) }

// stripSpace removes the whitespace between the tokens of raw JSON.
func stripSpace(raw string) []byte {
	var b []byte
	inString, escaped := false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inString:
			b = append(b, c)
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
			b = append(b, c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			b = append(b, c)
		}
	}
	return b
}

// uriLabels returns the labels of an http trait's URI, each with whether it
// is greedy ({name+}).
func uriLabels(uri string) map[string]bool {
	path, _, _ := strings.Cut(uri, "?")
	labels := map[string]bool{}
	for path != "" {
		var seg string
		seg, path, _ = strings.Cut(path, "/")
		if len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}' {
			name := seg[1 : len(seg)-1]
			greedy := strings.HasSuffix(name, "+")
			labels[strings.TrimSuffix(name, "+")] = greedy
		}
	}
	return labels
}

// checkHTTPLabels checks that the URI labels of an operation's http trait
// and its input's httpLabel members correspond.
func (l *loader) checkHTTPLabels(op *Shape) {
	h := op.Traits.HTTP
	tr, ok := op.Traits.Get("smithy.api#http")
	if h == nil || !ok || op.Input == nil {
		return
	}
	labels := uriLabels(h.URI)
	for _, m := range op.Input.Members {
		lt, ok := m.Traits.Get("smithy.api#httpLabel")
		if !ok {
			continue
		}
		greedy, found := labels[m.Name]
		delete(labels, m.Name)
		switch {
		case !found:
			l.d.add(lt.Pos, m.ID(), "This `%s` structure member is marked with the `httpLabel` trait, but no corresponding `http` URI label could be found when used as the input of the `%s` operation.", m.Name, op.ID)
		case greedy && m.Target.Type != InvalidType && !isString(m.Target.Type):
			l.d.add(lt.Pos, m.ID(), "The `%s` structure member corresponds to a greedy label when used as the input of the `%s` operation. This member targets %s, but greedy labels must target string shapes.", m.Name, op.ID, describe(m.Target))
		}
	}
	if len(labels) > 0 {
		var names []string
		for n := range labels {
			names = append(names, n)
		}
		l.d.add(tr.Pos, op.ID, "This operation uses `%s` as input, but the following URI labels found in the operation's `http` trait do not have a corresponding member marked with the `httpLabel` trait: %s", op.Input.ID, ticked(names))
	}
}

// pageProperty is one property of the paginated trait and its rules.
type pageProperty struct {
	name        string
	input       bool // a member of the input, else a path in the output
	mustBeSet   bool // required once merged with the service's trait
	required    int  // 0: may be required, 1: should not be, 2: must not be
	valid       []Type
	discouraged []Type
}

var pageProperties = []pageProperty{
	{name: "inputToken", input: true, mustBeSet: true, required: 2, valid: []Type{Map, String}, discouraged: []Type{Map}},
	{name: "pageSize", input: true, required: 1, valid: []Type{Byte, Integer, Long, Short}, discouraged: []Type{Byte, Long, Short}},
	{name: "outputToken", mustBeSet: true, required: 1, valid: []Type{Map, String}, discouraged: []Type{Map}},
	{name: "items", valid: []Type{List, Map}},
}

func (p pageProperty) value(pg *Paginated) string {
	switch p.name {
	case "inputToken":
		return pg.InputToken
	case "outputToken":
		return pg.OutputToken
	case "pageSize":
		return pg.PageSize
	}
	return pg.Items
}

// checkPagination checks each paginated operation's members, on its own
// and, when that finds nothing, merged with the trait of each service that
// binds it.
func (l *loader) checkPagination(m *Model) {
	bound := map[*Shape][]*Shape{}
	for _, svc := range m.Services() {
		ops, res := map[*Shape]bool{}, map[*Shape]bool{}
		addBindings(svc, ops, res)
		for op := range ops {
			bound[op] = append(bound[op], svc)
		}
	}
	for _, op := range m.Shapes {
		pg := op.Traits.Paginated
		if op.Type != Operation || pg == nil {
			continue
		}
		tr, _ := op.Traits.Get("smithy.api#paginated")
		if l.checkPaginated(op, pg, "", tr.Pos, false) > 0 {
			continue
		}
		svcs := bound[op]
		sortShapes(svcs)
		for _, svc := range svcs {
			merged := *pg
			if def := svc.Traits.Paginated; def != nil {
				merged.InputToken = firstNonEmpty(merged.InputToken, def.InputToken)
				merged.OutputToken = firstNonEmpty(merged.OutputToken, def.OutputToken)
				merged.Items = firstNonEmpty(merged.Items, def.Items)
				merged.PageSize = firstNonEmpty(merged.PageSize, def.PageSize)
			}
			l.checkPaginated(op, &merged, "When bound within the `"+svc.ID+"` service, ", tr.Pos, true)
		}
	}
}

// checkPaginated checks one paginated configuration and returns how many
// problems it reported.
func (l *loader) checkPaginated(op *Shape, pg *Paginated, prefix string, pos Pos, bound bool) int {
	n := 0
	report := func(warn bool, format string, args ...any) {
		n++
		if warn {
			l.warn(pos, op.ID, prefix+format, args...)
		} else {
			l.d.add(pos, op.ID, prefix+format, args...)
		}
	}
	for _, p := range pageProperties {
		path := p.value(pg)
		if path == "" {
			if bound && p.mustBeSet {
				report(false, "paginated trait `%s` is not configured", p.name)
			}
			continue
		}
		if p.input && strings.Contains(path, ".") {
			report(false, "paginated trait `%s` does not allow path values", p.name)
			continue
		}
		var member *MemberShape
		if p.input {
			if op.Input != nil {
				member = op.Input.Member(path)
			}
		} else {
			member = memberPath(op.Output, path)
		}
		if member == nil {
			report(false, "paginated trait `%s` targets a member `%s` that does not exist", p.name, path)
			continue
		}
		if member.Traits.Required {
			switch p.required {
			case 2:
				report(false, "paginated trait `%s` member `%s` must not be required", p.name, member.Name)
			case 1:
				report(true, "paginated trait `%s` member `%s` should not be required", p.name, member.Name)
			}
		}
		t := member.Target.Type
		if t != InvalidType && !hasType(p.valid, t) {
			report(false, "paginated trait `%s` member `%s` targets a %s shape, but must target one of the following: [%s]", p.name, member.Name, t, typeList(p.valid, nil))
		}
		if hasType(p.discouraged, t) {
			report(true, "paginated trait `%s` member `%s` targets a %s shape, but this is not recommended. One of [%s] SHOULD be targeted.", p.name, member.Name, t, typeList(p.valid, p.discouraged))
		}
		if !p.input && strings.Count(path, ".") > 1 {
			report(true, "paginated trait `%s` contains a path with more than two parts, which can make your API cumbersome to use", p.name)
		}
	}
	return n
}

// memberPath follows a dotted member path from a structure.
func memberPath(s *Shape, path string) *MemberShape {
	var m *MemberShape
	for _, part := range strings.Split(path, ".") {
		if s == nil {
			return nil
		}
		if m = s.Member(part); m == nil {
			return nil
		}
		s = m.Target
	}
	return m
}

func hasType(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// typeList prints types as Smithy lists them: ticked, sorted, without the
// excluded ones.
func typeList(ts, excluded []Type) string {
	var names []string
	for _, t := range ts {
		if !hasType(excluded, t) {
			names = append(names, t.String())
		}
	}
	return ticked(names)
}

// checkIdempotencyTokens warns about idempotency tokens on structures used
// other than as an operation's input, where they have no effect.
func (l *loader) checkIdempotencyTokens(m *Model) {
	var withToken []*Shape
	uses := map[*Shape]map[string][]string{}
	for _, s := range m.Shapes {
		if s.Type != Structure {
			continue
		}
		for _, mem := range s.Members {
			if mem.Traits.IdempotencyToken {
				withToken = append(withToken, s)
				uses[s] = map[string][]string{}
				break
			}
		}
	}
	if len(withToken) == 0 {
		return
	}
	use := func(s *Shape, rel, from string) {
		if u := uses[s]; u != nil {
			u[rel] = append(u[rel], from)
		}
	}
	for _, s := range m.Shapes {
		for _, mem := range s.Members {
			if uses[mem.Target] != nil {
				use(mem.Target, "member target", mem.ID())
			}
		}
		if s.Type == Operation {
			if s.Output != nil {
				use(s.Output, "output", s.ID)
			}
			for _, e := range s.Errors {
				use(e, "error", s.ID)
			}
		}
	}
	for _, s := range withToken {
		if len(uses[s]) == 0 {
			continue
		}
		for _, mem := range s.Members {
			tr, ok := mem.Traits.Get("smithy.api#idempotencyToken")
			if !ok {
				continue
			}
			var parts []string
			for _, rel := range []string{"output", "error", "member target"} {
				if from := uses[s][rel]; len(from) > 0 {
					sort.Strings(from)
					parts = append(parts, fmt.Sprintf("%s: [%s]", rel, strings.Join(from, ", ")))
				}
			}
			l.warn(tr.Pos, mem.ID(), "The `idempotencyToken` trait only has an effect when applied to a top-level operation input member, but it was applied and ignored in the following contexts: {%s}", strings.Join(parts, ", "))
		}
	}
}
