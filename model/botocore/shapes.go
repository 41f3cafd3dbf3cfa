package botocore

import (
	"regexp"
	"strings"

	"github.com/tidwall/gjson"
)

// simpleTypes maps botocore scalar types to Smithy types.
var simpleTypes = map[string]string{
	"string": "string", "character": "string", "blob": "blob", "boolean": "boolean",
	"byte": "byte", "short": "short", "integer": "integer", "long": "long",
	"float": "float", "double": "double", "bigdecimal": "bigDecimal", "biginteger": "bigInteger",
	"timestamp": "timestamp",
}

var timestampFormats = map[string]string{
	"iso8601": "date-time", "rfc822": "http-date", "unixTimestamp": "epoch-seconds",
}

// shape converts one entry of "shapes".
func (c *converter) shape(name string, v object) {
	id := c.id(name)
	if !v.IsObject() {
		c.errs.add(c.f, v.Index, id, "a shape must be an object")
		return
	}
	typ := v.Get("type")
	s := &shapeOut{id: id, pos: v.Index}
	switch {
	case typ.Str == "structure" && v.Get("document").Bool():
		s.typ = "document"
	case typ.Str == "structure":
		c.structure(s, v)
	case typ.Str == "list":
		s.typ = "list"
		c.collectionMember(s, "member", v)
	case typ.Str == "map":
		s.typ = "map"
		c.collectionMember(s, "key", v)
		c.collectionMember(s, "value", v)
	case typ.Str == "string" && v.Get("enum").Exists():
		c.enum(s, v)
	case simpleTypes[typ.Str] != "":
		s.typ = simpleTypes[typ.Str]
	default:
		c.errs.add(c.f, max(typ.Index, v.Index), id, "unknown shape type %s", typ.Raw)
		return
	}
	c.shapeTraits(s, v)
	c.add(s)
}

func (c *converter) structure(s *shapeOut, v object) {
	s.typ = "structure"
	union := v.Get("union").Bool()
	if v.Get("eventstream").Bool() {
		s.typ, union = "union", true
		s.addTrait("smithy.api#streaming", v.Get("eventstream").Index, "{}")
	} else if union {
		s.typ = "union"
	}
	required := map[string]int{}
	if r := v.Get("required"); r.Exists() {
		if !r.IsArray() {
			c.errs.add(c.f, r.Index, s.id, `"required" must be a list of member names`)
		}
		for _, e := range r.Array() {
			required[e.Str] = e.Index
		}
	}
	members := v.Get("members")
	if members.Exists() && !members.IsObject() {
		c.errs.add(c.f, members.Index, s.id, `"members" must be an object`)
	}
	members.ForEach(func(k, mv gjson.Result) bool {
		if !isIdentifier(k.Str) {
			c.errs.add(c.f, k.Index, s.id, "member name %q is not a Smithy identifier", k.Str)
			return true
		}
		reqPos, req := required[k.Str]
		if m := c.member(s, k, objectOf(mv), req && !union, reqPos, union); m != nil {
			s.members = append(s.members, m)
		}
		return true
	})
	for name, pos := range required {
		if s.member(name) == nil {
			c.errs.add(c.f, pos, s.id, "required member %s is not a member", name)
		}
	}
	if p := v.Get("payload"); p.Exists() {
		m := s.member(p.Str)
		if m == nil {
			c.errs.add(c.f, p.Index, s.id, "payload %s is not a member", p.Raw)
		} else if c.isREST() {
			m.addTrait("smithy.api#httpPayload", p.Index, "{}")
		}
	}
}

// collectionMember converts a list's member or a map's key or value.
func (c *converter) collectionMember(s *shapeOut, name string, v object) {
	mv := v.Get(name)
	if !mv.Exists() {
		c.errs.add(c.f, v.Index, s.id, "missing %q", name)
		return
	}
	target, pos := c.shapeRef(s.id, mv)
	if target == "" {
		return
	}
	c.otherUse[target] = true
	m := &memberOut{name: name, pos: mv.Index, target: c.id(target), targetPos: pos}
	if ln := mv.Get("locationName"); ln.Str != "" && c.isXML() {
		m.addTrait("smithy.api#xmlName", ln.Index, quote(ln.Str))
	}
	c.xmlMemberTraits(m, objectOf(mv))
	s.members = append(s.members, m)
}

// member converts a structure or union member.
func (c *converter) member(s *shapeOut, name gjson.Result, mv object, required bool, reqPos int, union bool) *memberOut {
	target, pos := c.shapeRef(s.id+"$"+name.Str, mv.Result)
	if target == "" {
		return nil
	}
	c.otherUse[target] = true
	m := &memberOut{name: name.Str, pos: name.Index, target: c.id(target), targetPos: pos}
	if required {
		m.addTrait("smithy.api#required", reqPos, "{}")
	}
	c.docTraits(m.addTrait, mv)
	t := c.facts[target]
	c.binding(s.id, m, mv, t)
	for _, flag := range []struct{ key, trait string }{
		{"idempotencyToken", "smithy.api#idempotencyToken"}, {"hostLabel", "smithy.api#hostLabel"},
		{"eventpayload", "smithy.api#eventPayload"}, {"eventheader", "smithy.api#eventHeader"},
	} {
		if f := mv.Get(flag.key); f.Bool() {
			m.addTrait(flag.trait, f.Index, "{}")
		}
	}
	if f := mv.Get("jsonvalue"); f.Bool() {
		c.jsonValue[target] = f.Index
	}
	if f := mv.Get("timestampFormat"); f.Exists() {
		c.timestampFormat(m.addTrait, s.id, f)
	}
	if f := mv.Get("contextParam"); f.IsObject() {
		m.addTrait("smithy.rules#contextParam", f.Index, f.Raw)
	}
	c.xmlMemberTraits(m, mv)
	if t.flattened && c.isXML() && !mv.Get("flattened").Exists() {
		m.addTrait("smithy.api#xmlFlattened", mv.Index, "{}")
	}
	if !union {
		c.memberDefault(m, mv, t, required)
	}
	return m
}

// memberDefault gives a streaming blob member the default "". Other members
// get no default: botocore does not say which booleans and numbers are
// primitives (its "box" is not reliable), and its clients send only the
// members a caller sets, so every member is optional.
func (c *converter) memberDefault(m *memberOut, mv object, t shapeFacts, required bool) {
	if t.typ == "blob" && t.streaming && !required {
		m.addTrait("smithy.api#default", mv.Index, `""`)
	}
}

// binding converts location and locationName.
func (c *converter) binding(owner string, m *memberOut, mv object, target shapeFacts) {
	loc, ln := mv.Get("location"), mv.Get("locationName")
	switch loc.Str {
	case "":
		if ln.Str == "" || ln.Str == m.name {
			break
		}
		switch {
		case c.isXML():
			m.addTrait("smithy.api#xmlName", ln.Index, quote(ln.Str))
		case c.protocol == "rest-json" || c.protocol == "json":
			m.addTrait("smithy.api#jsonName", ln.Index, quote(ln.Str))
		}
	case "uri":
		m.addTrait("smithy.api#httpLabel", loc.Index, "{}")
	case "querystring":
		if target.typ == "map" && ln.Str == "" {
			m.addTrait("smithy.api#httpQueryParams", loc.Index, "{}")
		} else {
			m.addTrait("smithy.api#httpQuery", loc.Index, quote(firstNonEmpty(ln.Str, m.name)))
		}
	case "header":
		m.addTrait("smithy.api#httpHeader", loc.Index, quote(firstNonEmpty(ln.Str, m.name)))
	case "headers":
		m.addTrait("smithy.api#httpPrefixHeaders", loc.Index, quote(ln.Str))
	case "statusCode":
		m.addTrait("smithy.api#httpResponseCode", loc.Index, "{}")
	default:
		c.errs.add(c.f, loc.Index, owner+"$"+m.name, "unknown location %s", loc.Raw)
	}
	if q := mv.Get("queryName"); q.Str != "" && c.protocol == "ec2" {
		m.addTrait("aws.protocols#ec2QueryName", q.Index, quote(q.Str))
	}
}

// xmlMemberTraits converts the XML settings of a member reference.
func (c *converter) xmlMemberTraits(m *memberOut, mv object) {
	if !c.isXML() {
		return
	}
	if f := mv.Get("xmlAttribute"); f.Bool() {
		m.addTrait("smithy.api#xmlAttribute", f.Index, "{}")
	}
	if f := mv.Get("flattened"); f.Bool() {
		m.addTrait("smithy.api#xmlFlattened", f.Index, "{}")
	}
	if f := mv.Get("xmlNamespace"); f.Exists() {
		m.addTrait("smithy.api#xmlNamespace", f.Index, xmlNamespace(f))
	}
}

func xmlNamespace(v gjson.Result) string {
	if v.Type == gjson.String {
		return jsonObject("uri", quote(v.Str))
	}
	kv := []string{"uri", quote(v.Get("uri").Str)}
	if p := v.Get("prefix"); p.Str != "" {
		kv = append(kv, "prefix", quote(p.Str))
	}
	return jsonObject(kv...)
}

// convertibleValue is the pattern of enum values Smithy can name.
var convertibleValue = regexp.MustCompile(`^[a-zA-Z-_.:/\s]+[a-zA-Z_0-9-.:/\s]*$`)

var nameSeparators = regexp.MustCompile(`[-.:/\s]+`)

// enum converts a string with an enum list into an enum shape, naming the
// members after their values as Smithy does; when a value cannot be named
// the string keeps the list as an enum trait.
func (c *converter) enum(s *shapeOut, v object) {
	list := v.Get("enum")
	if !list.IsArray() {
		c.errs.add(c.f, list.Index, s.id, `"enum" must be a list of strings`)
		s.typ = "string"
		return
	}
	values := list.Array()
	names := make([]string, len(values))
	convertible := len(values) > 0
	seen := map[string]bool{}
	for i, e := range values {
		if e.Type != gjson.String {
			c.errs.add(c.f, e.Index, s.id, "enum values must be strings")
			s.typ = "string"
			return
		}
		names[i] = nameSeparators.ReplaceAllString(e.Str, "_")
		if !convertibleValue.MatchString(e.Str) || !isIdentifier(names[i]) || seen[names[i]] {
			convertible = false
		}
		seen[names[i]] = true
	}
	if !convertible {
		s.typ = "string"
		defs := make([]string, len(values))
		for i, e := range values {
			defs[i] = jsonObject("value", quote(e.Str))
		}
		s.addTrait("smithy.api#enum", list.Index, array(defs))
		return
	}
	s.typ = "enum"
	for i, e := range values {
		m := &memberOut{name: names[i], pos: e.Index, target: "smithy.api#Unit", targetPos: e.Index}
		m.addTrait("smithy.api#enumValue", e.Index, quote(e.Str))
		s.members = append(s.members, m)
	}
}

// shapeTraits converts the settings every kind of shape may have.
func (c *converter) shapeTraits(s *shapeOut, v object) {
	c.docTraits(s.addTrait, v)
	lo, hi := v.Get("min"), v.Get("max")
	if lo.Exists() || hi.Exists() {
		kv := []string{}
		if lo.Exists() {
			kv = append(kv, "min", lo.Raw)
		}
		if hi.Exists() {
			kv = append(kv, "max", hi.Raw)
		}
		switch s.typ {
		case "string", "enum", "blob", "list", "map":
			s.addTrait("smithy.api#length", max(lo.Index, hi.Index), jsonObject(kv...))
		case "byte", "short", "integer", "long", "float", "double", "bigDecimal", "bigInteger":
			s.addTrait("smithy.api#range", max(lo.Index, hi.Index), jsonObject(kv...))
		}
	}
	if p := v.Get("pattern"); p.Type == gjson.String {
		s.addTrait("smithy.api#pattern", p.Index, quote(p.Str))
	}
	for _, flag := range []struct{ key, trait string }{
		{"sensitive", "smithy.api#sensitive"}, {"streaming", "smithy.api#streaming"},
		{"requiresLength", "smithy.api#requiresLength"},
	} {
		if f := v.Get(flag.key); f.Bool() && !s.hasTrait(flag.trait) {
			s.addTrait(flag.trait, f.Index, "{}")
		}
	}
	if f := v.Get("timestampFormat"); f.Exists() {
		c.timestampFormat(s.addTrait, s.id, f)
	}
	if v.Get("exception").Bool() || v.Get("error").IsObject() {
		c.errorTraits(s, v)
	}
	if c.isXML() {
		if ln := v.Get("locationName"); ln.Str != "" && s.typ == "structure" {
			s.addTrait("smithy.api#xmlName", ln.Index, quote(ln.Str))
		}
		if ns := v.Get("xmlNamespace"); ns.Exists() {
			s.addTrait("smithy.api#xmlNamespace", ns.Index, xmlNamespace(ns))
		}
	}
}

func (c *converter) timestampFormat(add func(string, int, string), owner string, f gjson.Result) {
	if tf, ok := timestampFormats[f.Str]; ok {
		add("smithy.api#timestampFormat", f.Index, quote(tf))
		return
	}
	c.errs.add(c.f, f.Index, owner, "unknown timestampFormat %s", f.Raw)
}

// errorTraits converts exception settings: fault means a server error,
// error.httpStatusCode the HTTP status, error.code the awsQuery code.
func (c *converter) errorTraits(s *shapeOut, v object) {
	fault := "client"
	if v.Get("fault").Bool() {
		fault = "server"
	}
	s.addTrait("smithy.api#error", max(v.Get("exception").Index, v.Get("fault").Index), quote(fault))
	e := v.Get("error")
	status := e.Get("httpStatusCode")
	if status.Type == gjson.Number {
		s.addTrait("smithy.api#httpError", status.Index, status.Raw)
	}
	if code := e.Get("code"); code.Str != "" && c.queryErrors() {
		kv := []string{"code", quote(code.Str)}
		if status.Type == gjson.Number {
			kv = append(kv, "httpResponseCode", status.Raw)
		}
		s.addTrait("aws.protocols#awsQueryError", code.Index, jsonObject(kv...))
	}
	if r := v.Get("retryable"); r.IsObject() {
		kv := []string{}
		if r.Get("throttling").Bool() {
			kv = append(kv, "throttling", "true")
		}
		s.addTrait("smithy.api#retryable", r.Index, jsonObject(kv...))
	}
}

// queryErrors reports whether error codes are awsQuery codes: the service
// speaks awsQuery or is query compatible.
func (c *converter) queryErrors() bool {
	meta := c.f.root.Get("metadata")
	return c.protocol == "query" || meta.Get("awsQueryCompatible").Exists()
}

// finishShapes adds what needs every shape read: @input and @output on
// structures used only as one operation's input or output, and the JSON
// media type on strings that jsonvalue members target.
func (c *converter) finishShapes() {
	for _, s := range c.out {
		name := strings.TrimPrefix(s.id, c.ns+"#")
		if s.typ != "structure" || c.otherUse[name] {
			continue
		}
		switch {
		case c.asInput[name] == 1 && c.asOutput[name] == 0:
			s.addTrait("smithy.api#input", s.pos, "{}")
		case c.asOutput[name] == 1 && c.asInput[name] == 0:
			s.addTrait("smithy.api#output", s.pos, "{}")
		}
	}
	for name, pos := range c.jsonValue {
		if s := c.byID[c.id(name)]; s != nil && (s.typ == "string" || s.typ == "blob") && !s.hasTrait("smithy.api#mediaType") {
			s.addTrait("smithy.api#mediaType", pos, quote("application/json"))
		}
	}
}
