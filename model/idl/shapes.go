package idl

import (
	"strconv"
	"strings"
)

var simpleTypes = map[string]bool{
	"blob": true, "boolean": true, "document": true, "string": true, "byte": true,
	"short": true, "integer": true, "long": true, "float": true, "double": true,
	"bigInteger": true, "bigDecimal": true, "timestamp": true,
}

// shape parses the Shape that follows a shape statement's traits.
func (p *parser) shape(traits []traitApp) {
	if p.tok.kind != tIdent {
		p.unexpected(tIdent.String())
		return
	}
	kind := p.text(p.tok)
	switch {
	case simpleTypes[kind]:
		s := p.shapeHeader(kind, traits)
		p.mixins(s)
	case kind == "enum" || kind == "intEnum":
		p.enumShape(p.shapeHeader(kind, traits))
	case kind == "list" || kind == "set" || kind == "map" || kind == "structure" || kind == "union":
		p.aggregateShape(p.shapeHeader(kind, traits))
	case kind == "service" || kind == "resource":
		p.entityShape(p.shapeHeader(kind, traits))
	case kind == "operation":
		p.operationShape(p.shapeHeader(kind, traits))
	default:
		p.failAt(p.tok.start, "Unknown shape type: %s", kind)
	}
}

// shapeHeader parses the type keyword and the shape name.
func (p *parser) shapeHeader(kind string, traits []traitApp) *shapeDef {
	typePos := p.tok.start
	p.next()
	p.requireSP()
	name, pos := p.ident()
	s := &shapeDef{kind: kind, name: name, pos: pos, file: p.f, traits: traits}
	if (kind == "enum" || kind == "intEnum") && p.f.v1() {
		p.failAt(typePos, "%s shapes cannot be used in Smithy version %s", kind, p.f.versionName())
	}
	p.f.shapes = append(p.f.shapes, s)
	return s
}

func (p *parser) absName(name string) string { return p.f.ns + "#" + name }

// requireV2 rejects 2.0 syntax in a 1.0 file with Smithy's message; %s in
// msg stands for the file's version.
func (p *parser) requireV2(pos int32, msg string) {
	if p.f.v1() {
		p.failAt(pos, "%s", strings.ReplaceAll(msg, "%s", p.f.versionName()))
	}
}

// mixins parses [Mixins]: [SP] "with" [WS] "[" [WS] 1*(ShapeId [WS]) "]".
func (p *parser) mixins(s *shapeDef) {
	p.sp()
	if !p.isIdent("with") {
		return
	}
	p.requireV2(p.tok.start, "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `%s`.")
	p.next()
	p.ws()
	p.expect(tLBracket)
	p.ws()
	for !p.failed() && (len(s.mixins) == 0 || p.tok.kind != tRBracket) {
		id, pos := p.shapeID()
		s.mixins = append(s.mixins, ref{id: id, pos: pos})
		p.ws()
	}
	p.expect(tRBracket)
}

// forResource parses the "for" ShapeId clause, if present.
func (p *parser) forResource(s *shapeDef) {
	if !p.isIdent("for") {
		return
	}
	p.requireV2(p.tok.start, "Structures can only be bound to resources with Smithy version 2 or later. Attempted to bind a structure to a resource with version `%s`.")
	p.next()
	p.requireSP()
	id, pos := p.shapeID()
	s.forRes = ref{id: id, pos: pos}
}

func (p *parser) enumShape(s *shapeDef) {
	p.mixins(s)
	p.ws()
	p.expect(tLBrace)
	p.ws()
	for p.more(tRBrace) {
		traits := p.memberTraits()
		name, pos := p.ident()
		m := &memberDef{name: name, pos: pos, target: ref{id: "smithy.api#Unit", pos: pos}, traits: traits}
		p.sp()
		if p.tok.kind == tEqual {
			val := p.assignedValue()
			p.checkEnumValue(s.kind, val)
			p.endAssignment()
			m.traits = append(m.traits, traitApp{id: ref{id: "smithy.api#enumValue", pos: val.pos}, pos: val.pos, val: val})
		}
		p.addMember(s, m)
		p.ws()
	}
	if len(s.members) == 0 && !p.failed() {
		p.failAt(p.tok.start, "%s must have at least one entry", s.kind)
	}
	p.expect(tRBrace)
}

func (p *parser) checkEnumValue(kind string, val *node) {
	if kind == "enum" {
		if val.kind != nString {
			p.failAt(val.pos, "enum members must have string values")
		}
		return
	}
	if val.kind != nNumber {
		p.failAt(val.pos, "intEnum members must have integer values")
		return
	}
	if strings.ContainsAny(val.text, ".eE") {
		p.failAt(val.pos, "intEnum members do not support floating point values, but found %s", val.text)
	} else if _, err := strconv.ParseInt(val.text, 10, 32); err != nil {
		p.failAt(val.pos, "intEnum members must fit within an integer, but found: %s", val.text)
	}
}

// memberTraits parses the documentation comments and traits of a member.
func (p *parser) memberTraits() []traitApp {
	docs, docPos, hasDocs := p.takeDocs()
	traits := p.traitStatements()
	if hasDocs {
		traits = append([]traitApp{docTrait(docs, docPos)}, traits...)
	}
	return traits
}

// assignedValue and endAssignment parse a ValueAssignment:
// [SP] "=" [SP] NodeValue [SP] [Comma] BR.
func (p *parser) assignedValue() *node {
	p.next()
	p.sp()
	return p.nodeValue()
}

func (p *parser) endAssignment() {
	p.sp()
	if p.tok.kind == tComma {
		p.next()
	}
	p.br()
}

func (p *parser) addMember(s *shapeDef, m *memberDef) {
	if p.failed() {
		return
	}
	if s.member(m.name) != nil {
		p.failAt(m.pos, "Found conflicting member name, `%s`", m.name)
		return
	}
	switch {
	case (s.kind == "list" || s.kind == "set") && m.name != "member",
		s.kind == "map" && m.name != "key" && m.name != "value":
		p.failAt(m.pos, "%s shapes cannot have a member named `%s`", s.kind, m.name)
		return
	}
	s.members = append(s.members, m)
}

func (p *parser) aggregateShape(s *shapeDef) {
	p.sp()
	p.forResource(s)
	p.mixins(s)
	p.ws()
	p.shapeMembers(s)
}

// shapeMembers parses ShapeMembers: "{" [WS] *(ShapeMember [WS]) "}".
func (p *parser) shapeMembers(s *shapeDef) {
	p.expect(tLBrace)
	p.ws()
	for p.more(tRBrace) {
		m := &memberDef{traits: p.memberTraits()}
		if p.tok.kind == tDollar {
			p.requireV2(p.tok.start, "Members can only elide targets in IDL version 2 or later")
			p.next()
			m.name, m.pos = p.ident()
			m.elided = true
		} else {
			m.name, m.pos = p.ident()
			p.sp()
			p.expect(tColon)
			p.sp()
			m.target.id, m.target.pos = p.shapeID()
		}
		p.sp()
		if p.tok.kind == tEqual {
			p.requireV2(p.tok.start, "@default assignment is only supported in IDL version 2 or later")
			val := p.assignedValue()
			p.endAssignment()
			m.traits = append(m.traits, traitApp{id: ref{id: "smithy.api#default", pos: val.pos}, pos: val.pos, val: val})
		}
		p.addMember(s, m)
		p.ws()
	}
	if !p.failed() && len(s.mixins) == 0 {
		p.checkRequiredMembers(s)
	}
	p.expect(tRBrace)
}

func (p *parser) checkRequiredMembers(s *shapeDef) {
	switch {
	case (s.kind == "list" || s.kind == "set") && s.member("member") == nil:
		p.failAt(s.pos, "Missing required member of shape `%s`: member", p.absName(s.name))
	case s.kind == "map" && (s.member("key") == nil || s.member("value") == nil):
		p.failAt(s.pos, "Missing required members of shape `%s`: key, value", p.absName(s.name))
	}
}

func (p *parser) entityShape(s *shapeDef) {
	p.mixins(s)
	p.ws()
	if p.tok.kind != tLBrace {
		p.unexpected(tLBrace.String())
		return
	}
	s.body = p.nodeObject()
	if !p.failed() {
		p.checkEntity(s)
	}
}

func (p *parser) operationShape(s *shapeDef) {
	p.mixins(s)
	p.ws()
	p.expect(tLBrace)
	p.ws()
	s.op = &opBody{}
	var inline []*shapeDef
	for p.more(tRBrace) {
		key, pos := p.ident()
		switch key {
		case "input", "output":
			target := &s.op.input
			if key == "output" {
				target = &s.op.output
			}
			if target.id != "" {
				p.failAt(pos, "Duplicate operation %s property for `%s`", key, p.absName(s.name))
				break
			}
			if in := p.opIO(s, key, target); in != nil {
				inline = append(inline, in)
			}
		case "errors":
			if s.op.hasErrors {
				p.failAt(pos, "Duplicate operation errors property for `%s`", p.absName(s.name))
				break
			}
			s.op.hasErrors = true
			s.op.errors = p.opErrors()
		default:
			p.failAt(pos, "Unknown property `%s` for operation `%s`", key, p.absName(s.name))
		}
		p.ws()
	}
	p.expect(tRBrace)
	p.f.shapes = append(p.f.shapes, inline...)
}

// opIO parses an input or output property after its key; it returns the
// structure an inline definition generates.
func (p *parser) opIO(op *shapeDef, key string, target *ref) *shapeDef {
	p.ws()
	switch p.tok.kind {
	case tColon:
		p.next()
		p.ws()
		target.id, target.pos = p.shapeID()
		return nil
	case tWalrus:
	default:
		p.unexpected(oneOf(tColon, tWalrus))
		return nil
	}
	pos := p.tok.start
	p.requireV2(pos, "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version `%s`.")
	p.next()
	p.ws()
	name, trait := op.name+p.f.inSuffix, "smithy.api#input"
	if key == "output" {
		name, trait = op.name+p.f.outSuffix, "smithy.api#output"
	}
	s := &shapeDef{kind: "structure", name: name, pos: pos, file: p.f, traits: p.memberTraits()}
	s.traits = append(s.traits, traitApp{id: ref{id: trait, pos: pos}, pos: pos})
	p.forResource(s)
	p.mixins(s)
	p.ws()
	p.shapeMembers(s)
	*target = ref{id: name, pos: pos}
	return s
}

func (p *parser) opErrors() []ref {
	p.ws()
	p.expect(tColon)
	p.ws()
	p.expect(tLBracket)
	p.ws()
	var out []ref
	for p.more(tRBracket) {
		id, pos := p.shapeID()
		out = append(out, ref{id: id, pos: pos})
		p.ws()
	}
	p.expect(tRBracket)
	return out
}
