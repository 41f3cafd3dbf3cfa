package botocore

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// operation converts one entry of "operations".
func (c *converter) operation(name string, op object) {
	id := c.id(name)
	if !op.IsObject() {
		c.errs.add(c.f, op.Index, id, "an operation must be an object")
		return
	}
	s := &shapeOut{id: id, typ: "operation", pos: op.Index}
	for _, k := range []string{"input", "output"} {
		v := op.Get(k)
		if !v.Exists() {
			continue
		}
		target, pos := c.shapeRef(id, v)
		if target == "" {
			continue
		}
		if k == "input" {
			c.asInput[target]++
		} else {
			c.asOutput[target]++
		}
		s.props = append(s.props, prop{key: k, pos: pos, raw: ref(c.id(target))})
	}
	if errs := op.Get("errors"); errs.Exists() {
		var refs []string
		for _, e := range errs.Array() {
			if target, _ := c.shapeRef(id, e); target != "" {
				c.otherUse[target] = true
				refs = append(refs, ref(c.id(target)))
			}
		}
		if len(refs) > 0 {
			s.props = append(s.props, prop{key: "errors", pos: errs.Index, raw: array(refs)})
		}
	}
	if c.isREST() {
		c.httpTrait(s, op)
	}
	c.operationTraits(s, op)
	c.add(s)
}

// shapeRef reads {"shape": name}; it reports a missing shape.
func (c *converter) shapeRef(owner string, v gjson.Result) (string, int) {
	sh := v.Get("shape")
	if sh.Type != gjson.String {
		c.errs.add(c.f, v.Index, owner, `expected an object with a "shape" name`)
		return "", 0
	}
	if !c.shapes[sh.Str].Exists() {
		c.errs.add(c.f, sh.Index, owner, "shape %s is not defined", sh.Str)
		return "", 0
	}
	return sh.Str, sh.Index
}

// httpTrait writes smithy.api#http; labels named by locationName are
// renamed to their members when the names differ.
func (c *converter) httpTrait(s *shapeOut, op object) {
	h := op.Get("http")
	if !h.IsObject() {
		c.errs.add(c.f, op.Index, s.id, `a REST operation needs an "http" object`)
		return
	}
	method, uri := h.Get("method"), h.Get("requestUri")
	if method.Type != gjson.String || uri.Type != gjson.String {
		c.errs.add(c.f, h.Index, s.id, `"http" needs "method" and "requestUri" strings`)
		return
	}
	path := uri.Str
	if in := op.Get("input.shape"); in.Type == gjson.String {
		path = renameLabels(path, c.shapes[in.Str])
	}
	kv := []string{"method", quote(method.Str), "uri", quote(path)}
	code := 200
	if rc := h.Get("responseCode"); rc.Exists() {
		n, err := strconv.Atoi(rc.Raw)
		if err != nil || n < 100 || n > 599 {
			c.errs.add(c.f, rc.Index, s.id, "responseCode %s is not an HTTP status code", rc.Raw)
		} else {
			code = n
		}
	}
	kv = append(kv, "code", strconv.Itoa(code))
	s.addTrait("smithy.api#http", h.Index, jsonObject(kv...))
}

// renameLabels replaces each {locationName} of a URI by {member} for the
// input members bound to the URI.
func renameLabels(uri string, input gjson.Result) string {
	input.Get("members").ForEach(func(name, m gjson.Result) bool {
		ln := m.Get("locationName").Str
		if m.Get("location").Str != "uri" || ln == "" || ln == name.Str {
			return true
		}
		for _, suffix := range []string{"}", "+}"} {
			old, repl := "{"+ln+suffix, "{"+name.Str+suffix
			uri = strings.ReplaceAll(uri, old, repl)
		}
		return true
	})
	return uri
}

// operationTraits converts the operation's flags and settings.
func (c *converter) operationTraits(s *shapeOut, op object) {
	c.docTraits(s.addTrait, op)
	for _, flag := range []struct{ key, trait string }{
		{"idempotent", "smithy.api#idempotent"}, {"readonly", "smithy.api#readonly"},
		{"httpChecksumRequired", "smithy.api#httpChecksumRequired"},
	} {
		if v := op.Get(flag.key); v.Bool() {
			s.addTrait(flag.trait, v.Index, "{}")
		}
	}
	if v := op.Get("endpoint.hostPrefix"); v.Type == gjson.String {
		s.addTrait("smithy.api#endpoint", v.Index, jsonObject("hostPrefix", quote(v.Str)))
	}
	if v := op.Get("requestcompression.encodings"); v.IsArray() {
		s.addTrait("smithy.api#requestCompression", v.Index, jsonObject("encodings", v.Raw))
	}
	if v := op.Get("endpointdiscovery"); v.IsObject() {
		kv := []string{}
		if r := v.Get("required"); r.Bool() {
			kv = append(kv, "required", "true")
		}
		s.addTrait("aws.api#clientDiscoveredEndpoint", v.Index, jsonObject(kv...))
	}
	if v := op.Get("httpChecksum"); v.IsObject() {
		s.addTrait("aws.protocols#httpChecksum", v.Index, v.Raw)
	}
	if v := op.Get("staticContextParams"); v.IsObject() {
		s.addTrait("smithy.rules#staticContextParams", v.Index, v.Raw)
	}
	if v := op.Get("operationContextParams"); v.IsObject() {
		s.addTrait("smithy.rules#operationContextParams", v.Index, v.Raw)
	}
	auth := op.Get("authtype")
	switch {
	case auth.Str == "none" || hasString(op.Get("auth"), "smithy.api#noAuth"):
		s.addTrait("smithy.api#auth", max(auth.Index, op.Get("auth").Index), "[]")
	case auth.Str == "v4-unsigned-body" || op.Get("unsignedPayload").Bool():
		s.addTrait("aws.auth#unsignedPayload", max(auth.Index, op.Index), "{}")
	}
}

func hasString(list gjson.Result, s string) bool {
	for _, e := range list.Array() {
		if e.Str == s {
			return true
		}
	}
	return false
}

// docTraits converts documentation and deprecation, which shapes,
// members and operations share.
func (c *converter) docTraits(add func(id string, pos int, raw string), v object) {
	if d := v.Get("documentation"); d.Type == gjson.String {
		add("smithy.api#documentation", d.Index, quote(d.Str))
	}
	if d := v.Get("deprecated"); d.Bool() {
		kv := []string{}
		if msg := v.Get("deprecatedMessage"); msg.Type == gjson.String {
			kv = append(kv, "message", quote(msg.Str))
		}
		if since := v.Get("deprecatedSince"); since.Type == gjson.String {
			kv = append(kv, "since", quote(since.Str))
		}
		add("smithy.api#deprecated", d.Index, jsonObject(kv...))
	}
}
