package botocore

import (
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model/internal/jsonw"
)

// converter holds one conversion.
type converter struct {
	errs     errs
	warnings ErrorList
	f        *file // the service file

	ns       string
	service  string // service shape ID
	protocol string // botocore protocol name: rest-json, json, rest-xml, query, ec2, …
	shapes   map[string]gjson.Result
	facts    map[string]shapeFacts
	ops      map[string]gjson.Result
	out      []*shapeOut
	byID     map[string]*shapeOut

	// Uses of each shape, for @input, @output and jsonvalue.
	asInput, asOutput map[string]int
	otherUse          map[string]bool
	jsonValue         map[string]int // shapes targeted by jsonvalue members → offset
}

// shapeOut is one entry of the Smithy "shapes" object.
type shapeOut struct {
	id      string
	typ     string
	pos     int
	props   []prop // properties other than members and traits, in order
	members []*memberOut
	traits  []trait
}

type prop struct {
	key string
	pos int
	raw string
}

type memberOut struct {
	name      string
	pos       int
	target    string
	targetPos int
	traits    []trait
}

// trait is a trait with its JSON value.
type trait struct {
	id  string
	pos int
	raw string
}

func (s *shapeOut) addTrait(id string, pos int, raw string) {
	s.traits = append(s.traits, trait{id: id, pos: pos, raw: raw})
}

func (m *memberOut) addTrait(id string, pos int, raw string) {
	m.traits = append(m.traits, trait{id: id, pos: pos, raw: raw})
}

func (s *shapeOut) hasTrait(id string) bool {
	for _, t := range s.traits {
		if t.id == id {
			return true
		}
	}
	return false
}

func (s *shapeOut) member(name string) *memberOut {
	for _, m := range s.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

// protocolTraits maps botocore protocol names to Smithy protocol traits.
var protocolTraits = map[string]string{
	"rest-json": "aws.protocols#restJson1", "rest-xml": "aws.protocols#restXml",
	"query": "aws.protocols#awsQuery", "ec2": "aws.protocols#ec2Query",
	"smithy-rpc-v2-cbor": "smithy.protocols#rpcv2Cbor",
}

func (c *converter) isREST() bool { return c.protocol == "rest-json" || c.protocol == "rest-xml" }

func (c *converter) isXML() bool {
	return c.protocol == "rest-xml" || c.protocol == "query" || c.protocol == "ec2"
}

// id returns the absolute shape ID of a botocore shape or operation name.
func (c *converter) id(name string) string { return c.ns + "#" + name }

func (c *converter) readService(f *file) {
	c.f = f
	meta := f.root.Get("metadata")
	sdkID := meta.Get("serviceId")
	if sdkID.Type != gjson.String || sdkID.Str == "" {
		sdkID = meta.Get("endpointPrefix")
	}
	ns := namespaceOf(sdkID.Str)
	if ns == "" {
		c.errs.add(f, meta.Index, "", "metadata has no usable serviceId or endpointPrefix")
		return
	}
	c.ns = "com.amazonaws." + ns
	c.protocol = c.pickProtocol(meta)
	c.shapes = map[string]gjson.Result{}
	c.ops = map[string]gjson.Result{}
	c.byID = map[string]*shapeOut{}
	c.asInput, c.asOutput = map[string]int{}, map[string]int{}
	c.otherUse, c.jsonValue = map[string]bool{}, map[string]int{}
	c.facts = map[string]shapeFacts{}
	f.root.Get("shapes").ForEach(func(k, v gjson.Result) bool {
		if c.checkName(f, k, "shape") {
			c.shapes[k.Str] = v
			c.facts[k.Str] = factsOf(v)
		}
		return true
	})
	f.root.Get("operations").ForEach(func(k, v gjson.Result) bool {
		switch {
		case !c.checkName(f, k, "operation"):
		case c.shapes[k.Str].Exists():
			c.errs.add(f, k.Index, c.id(k.Str), "operation %s has the name of a shape", k.Str)
		default:
			c.ops[k.Str] = v
		}
		return true
	})
	c.service = c.id(c.serviceName(meta, sdkID.Str))
	for _, name := range sortedKeys(c.ops) {
		c.operation(name, objectOf(c.ops[name]))
	}
	for _, name := range sortedKeys(c.shapes) {
		c.shape(name, objectOf(c.shapes[name]))
	}
	c.finishShapes()
	c.serviceShape(meta)
}

// object is a botocore JSON object with its top-level entries read once:
// Get looks a key up among them instead of scanning the object's text
// again, which documentation strings make long.
type object struct {
	gjson.Result
	fields []field
}

type field struct {
	key string
	val gjson.Result
}

func objectOf(v gjson.Result) object {
	o := object{Result: v}
	v.ForEach(func(k, e gjson.Result) bool {
		o.fields = append(o.fields, field{k.Str, e})
		return true
	})
	return o
}

// Get returns the value at key, or at key.rest within it.
func (o object) Get(path string) gjson.Result {
	key, rest, nested := strings.Cut(path, ".")
	for _, f := range o.fields {
		if f.key == key {
			if nested {
				return f.val.Get(rest)
			}
			return f.val
		}
	}
	return gjson.Result{}
}

// shapeFacts are what members need to know of the shape they target, read
// in one pass over the shape.
type shapeFacts struct {
	typ                       string
	box, streaming, flattened bool
}

func factsOf(v gjson.Result) shapeFacts {
	var f shapeFacts
	v.ForEach(func(k, e gjson.Result) bool {
		switch k.Str {
		case "type":
			f.typ = e.Str
		case "box":
			f.box = e.Bool()
		case "streaming":
			f.streaming = e.Bool()
		case "flattened":
			f.flattened = e.Bool()
		}
		return true
	})
	return f
}

func (c *converter) checkName(f *file, k gjson.Result, what string) bool {
	if !isIdentifier(k.Str) {
		c.errs.add(f, k.Index, "", "%s name %q is not a Smithy identifier", what, k.Str)
		return false
	}
	return true
}

// namespaceOf lower-cases an SDK ID and keeps its letters and digits.
func namespaceOf(sdkID string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(sdkID) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// serviceName is targetPrefix when it is an identifier, else the SDK ID
// without spaces; a name a shape already has gets "Service" appended.
func (c *converter) serviceName(meta gjson.Result, sdkID string) string {
	name := meta.Get("targetPrefix").Str
	if !isIdentifier(name) {
		name = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, sdkID)
	}
	for c.shapes[name].Exists() || c.ops[name].Exists() {
		name += "Service"
	}
	return name
}

// pickProtocol returns the first protocol of metadata.protocols that has a
// Smithy trait, else metadata.protocol.
func (c *converter) pickProtocol(meta gjson.Result) string {
	for _, p := range meta.Get("protocols").Array() {
		if _, ok := protocolTraits[p.Str]; ok || p.Str == "json" {
			return p.Str
		}
	}
	p := meta.Get("protocol")
	if _, ok := protocolTraits[p.Str]; !ok && p.Str != "json" {
		c.errs.add(c.f, max(p.Index, meta.Index), "", "unknown protocol %q", p.Str)
	}
	return p.Str
}

// protocolTrait returns the Smithy trait of a botocore protocol name.
func protocolTrait(name string, meta gjson.Result) string {
	if name == "json" {
		if meta.Get("jsonVersion").Str == "1.0" {
			return "aws.protocols#awsJson1_0"
		}
		return "aws.protocols#awsJson1_1"
	}
	return protocolTraits[name]
}

// serviceShape writes the service shape: every operation, and the traits
// metadata implies.
func (c *converter) serviceShape(meta gjson.Result) {
	s := &shapeOut{id: c.service, typ: "service", pos: meta.Index}
	if v := meta.Get("apiVersion"); v.Type == gjson.String {
		s.props = append(s.props, prop{key: "version", pos: v.Index, raw: quote(v.Str)})
	}
	var ops []string
	for _, name := range sortedKeys(c.ops) {
		ops = append(ops, ref(c.id(name)))
	}
	if len(ops) > 0 {
		s.props = append(s.props, prop{key: "operations", pos: c.f.root.Get("operations").Index, raw: array(ops)})
	}
	sdk := meta.Get("serviceId")
	svc := []string{"sdkId", quote(firstNonEmpty(sdk.Str, meta.Get("endpointPrefix").Str))}
	if p := meta.Get("endpointPrefix"); p.Str != "" {
		svc = append(svc, "endpointPrefix", quote(p.Str))
	}
	s.addTrait("aws.api#service", max(sdk.Index, meta.Index), jsonObject(svc...))
	if c.signsV4(meta) {
		name := firstNonEmpty(meta.Get("signingName").Str, meta.Get("endpointPrefix").Str)
		s.addTrait("aws.auth#sigv4", meta.Get("signingName").Index, jsonObject("name", quote(name)))
	}
	if c.hasAuth(meta, "smithy.api#httpBearerAuth") || meta.Get("signatureVersion").Str == "bearer" {
		s.addTrait("smithy.api#httpBearerAuth", meta.Index, "{}")
	}
	seen := map[string]bool{}
	protocols := meta.Get("protocols").Array()
	if len(protocols) == 0 {
		protocols = []gjson.Result{meta.Get("protocol")}
	}
	for _, p := range protocols {
		if t := protocolTrait(p.Str, meta); t != "" && !seen[t] {
			seen[t] = true
			s.addTrait(t, p.Index, "{}")
		}
	}
	if v := meta.Get("awsQueryCompatible"); v.Exists() {
		s.addTrait("aws.protocols#awsQueryCompatible", v.Index, "{}")
	}
	if v := meta.Get("serviceFullName"); v.Str != "" {
		s.addTrait("smithy.api#title", v.Index, quote(v.Str))
	}
	if v := meta.Get("xmlNamespace"); v.Exists() {
		uri := v.Str
		if v.IsObject() {
			uri = v.Get("uri").Str
		}
		if uri != "" {
			s.addTrait("smithy.api#xmlNamespace", v.Index, jsonObject("uri", quote(uri)))
		}
	}
	if d := c.f.root.Get("documentation"); d.Type == gjson.String {
		s.addTrait("smithy.api#documentation", d.Index, quote(d.Str))
	}
	for name, op := range c.ops {
		if op.Get("endpointoperation").Bool() {
			s.addTrait("aws.api#clientEndpointDiscovery", op.Index, jsonObject("operation", quote(c.id(name))))
			break
		}
	}
	c.add(s)
}

func (c *converter) signsV4(meta gjson.Result) bool {
	sv := meta.Get("signatureVersion").Str
	return sv == "v4" || sv == "s3v4" || c.hasAuth(meta, "aws.auth#sigv4")
}

func (c *converter) hasAuth(meta gjson.Result, id string) bool {
	for _, a := range meta.Get("auth").Array() {
		if a.Str == id {
			return true
		}
	}
	return false
}

func (c *converter) add(s *shapeOut) {
	c.out = append(c.out, s)
	c.byID[s.id] = s
}

// emitService writes the service document.
func (c *converter) emitService(f *file) Doc {
	sort.Slice(c.out, func(i, j int) bool { return c.out[i].id < c.out[j].id })
	w := &writer{jsonw.Writer{Buf: make([]byte, 0, len(f.data)+len(f.data)/2)}}
	w.Raw(`{"smithy":"2.0","shapes":{`)
	for i, s := range c.out {
		w.shape(i == 0, s)
	}
	w.Raw("}}")
	return Doc{Name: f.name, JSON: w.Buf, marks: w.Marks, lines: f.lines}
}

func sortedKeys(m map[string]gjson.Result) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isIdentifier(s string) bool {
	if s == "" || strings.Trim(s, "_") == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !(alpha || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
