package idl

import "strings"

// propKind says how a service or resource property is written.
type propKind uint8

const (
	pString  propKind = iota + 1 // a string
	pRef                         // a shape ID
	pRefList                     // a list of shape IDs
	pRefMap                      // a map of names to shape IDs
	pRename                      // a map of shape IDs to strings
)

var entityProps = map[string]map[string]propKind{
	"service": {
		"version": pString, "operations": pRefList, "resources": pRefList,
		"errors": pRefList, "rename": pRename,
	},
	"resource": {
		"identifiers": pRefMap, "properties": pRefMap, "create": pRef, "put": pRef,
		"read": pRef, "update": pRef, "delete": pRef, "list": pRef, "operations": pRefList,
		"collectionOperations": pRefList, "resources": pRefList,
	},
}

// checkEntity validates the properties of a service or resource and turns
// quoted shape IDs into shape ID nodes so they resolve like unquoted ones.
func (p *parser) checkEntity(s *shapeDef) {
	props := entityProps[s.kind]
	for i, key := range s.body.keys {
		v := s.body.elems[i]
		switch props[key] {
		case pString:
			if v.kind != nString {
				p.failAt(v.pos, "%s property `%s` must be a string", s.kind, key)
			}
		case pRef:
			p.checkRef(v)
		case pRefList:
			p.checkContainer(v, nArray, key)
			for _, e := range v.elems {
				p.checkRef(e)
			}
		case pRefMap:
			p.checkContainer(v, nObject, key)
			for _, e := range v.elems {
				p.checkRef(e)
			}
		case pRename:
			p.checkContainer(v, nObject, key)
			p.checkRename(v)
		default:
			p.failAt(v.pos, "unknown %s property `%s`", s.kind, key)
		}
	}
}

func (p *parser) checkContainer(v *node, kind nodeKind, key string) {
	if v.kind != kind {
		what := "an array"
		if kind == nObject {
			what = "an object"
		}
		p.failAt(v.pos, "property `%s` must be %s", key, what)
	}
}

func (p *parser) checkRef(v *node) {
	switch {
	case v.kind == nShapeID:
	case v.kind == nString && isShapeID(v.text):
		v.kind = nShapeID
	default:
		p.failAt(v.pos, "expected a shape ID")
	}
}

func (p *parser) checkRename(v *node) {
	for i, k := range v.keys {
		if !isShapeID(k) || !strings.Contains(k, "#") {
			p.failAt(v.elems[i].pos, "rename keys must be absolute shape IDs, found %q", k)
		}
		if v.elems[i].kind != nString {
			p.failAt(v.elems[i].pos, "rename values must be strings")
		}
	}
}

// isShapeID reports whether s is a syntactically valid shape ID.
func isShapeID(s string) bool {
	root, member, hasMember := strings.Cut(s, "$")
	if hasMember && !isIdentifier(member) {
		return false
	}
	ns, name, abs := strings.Cut(root, "#")
	if !abs {
		return isIdentifier(root)
	}
	for _, part := range strings.Split(ns, ".") {
		if !isIdentifier(part) {
			return false
		}
	}
	return isIdentifier(name)
}

func isIdentifier(s string) bool {
	if s == "" || !isIdentStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return strings.TrimLeft(s, "_") != ""
}
