package model

import "strings"

// subject is what a trait is applied to: a shape, or a member (then shape is
// the member's container).
type subject struct {
	shape  *Shape
	member *MemberShape
}

func (x subject) id() string {
	if x.member != nil {
		return x.member.ID()
	}
	return x.shape.ID
}

func (x subject) traits() *Traits {
	if x.member != nil {
		return &x.member.Traits
	}
	return &x.shape.Traits
}

// typ is the subject's type, Member for members.
func (x subject) typ() Type {
	if x.member != nil {
		return Member
	}
	return x.shape.Type
}

// target is a member's target type; a shape's own type otherwise.
func (x subject) target() Type {
	if x.member != nil {
		return x.member.Target.Type
	}
	return x.shape.Type
}

// structMember reports a member of a structure.
func (x subject) structMember() bool { return x.member != nil && x.shape.Type == Structure }

// Shape type groups as Smithy selectors name them: string matches enum
// shapes, integer and number match intEnum shapes, list matches set shapes.
func isSimple(t Type) bool  { return t >= Blob && t <= IntEnum }
func isString(t Type) bool  { return t == String || t == Enum }
func isNumber(t Type) bool  { return t.IsNumber() }
func isInteger(t Type) bool { return t == Integer || t == IntEnum }
func isList(t Type) bool    { return t == List || t == Set }
func isColl(t Type) bool    { return isList(t) || t == Map }

// isScalarBinding is :test(string, number, boolean, timestamp).
func isScalarBinding(t Type) bool {
	return isString(t) || isNumber(t) || t == Boolean || t == Timestamp
}

// listOf reports a list whose member targets a shape matching ok.
func listOf(s *Shape, ok func(Type) bool) bool {
	if s == nil || !isList(s.Type) {
		return false
	}
	m := s.Member("member")
	return m != nil && ok(m.Target.Type)
}

// traitRule is where a prelude trait may be applied: the selector as
// Smithy's prelude states it, for messages, and the test it stands for.
type traitRule struct {
	selector  string
	ok        func(x subject) bool
	conflicts []string
	exclusive bool // at most one member of a structure may have it
}

func (r traitRule) test(x subject) bool { return r.ok == nil || r.ok(x) }

func shapeOf(types ...Type) func(subject) bool {
	return func(x subject) bool {
		for _, t := range types {
			if x.member == nil && x.shape.Type == t {
				return true
			}
		}
		return false
	}
}

var (
	onService   = shapeOf(Service)
	onOperation = shapeOf(Operation)
	onStruct    = shapeOf(Structure)
)

func onStructMember(x subject) bool { return x.structMember() }

func onErrorStruct(x subject) bool {
	return x.member == nil && x.shape.Type == Structure && x.shape.Traits.Has("smithy.api#error")
}

var httpBindings = []string{"httpLabel", "httpQuery", "httpHeader", "httpPrefixHeaders", "httpPayload", "httpResponseCode", "httpQueryParams"}

// bindingConflicts lists the other HTTP binding traits of one.
func bindingConflicts(self string) []string {
	var out []string
	for _, b := range httpBindings {
		if b != self {
			out = append(out, b)
		}
	}
	return out
}

// preludeRules are the selectors and conflicts of the prelude's traits, by
// trait name. Traits whose selectors need the relationships of a whole
// model (noReplace, notProperty, nestedProperties) are left out.
var preludeRules = map[string]traitRule{
	"trait": {selector: ":is(simpleType, list, map, structure, union)", ok: func(x subject) bool {
		t := x.typ()
		return isSimple(t) || isColl(t) || t == Structure || t == Union
	}},
	"box": {selector: ":test(boolean, byte, short, integer, long, float, double, member > :test(boolean, byte, short, integer, long, float, double))",
		ok: func(x subject) bool { t := x.target(); return t == Boolean || t >= Byte && t <= Double }},
	"auth":                 {selector: ":is(service, operation)", ok: shapeOf(Service, Operation)},
	"protocolDefinition":   {selector: "structure[trait|trait]", ok: traitStruct},
	"authDefinition":       {selector: "structure[trait|trait]", ok: traitStruct},
	"httpBasicAuth":        {selector: "service", ok: onService},
	"httpDigestAuth":       {selector: "service", ok: onService},
	"httpBearerAuth":       {selector: "service", ok: onService},
	"httpApiKeyAuth":       {selector: "service", ok: onService},
	"cors":                 {selector: "service", ok: onService},
	"optionalAuth":         {selector: "operation", ok: onOperation},
	"examples":             {selector: "operation", ok: onOperation},
	"readonly":             {selector: "operation", ok: onOperation, conflicts: []string{"idempotent"}},
	"idempotent":           {selector: "operation", ok: onOperation, conflicts: []string{"readonly"}},
	"longPoll":             {selector: "operation", ok: onOperation},
	"http":                 {selector: "operation", ok: onOperation},
	"endpoint":             {selector: "operation", ok: onOperation},
	"httpChecksumRequired": {selector: "operation", ok: onOperation},
	"requestCompression":   {selector: "operation", ok: onOperation},
	"paginated":            {selector: ":is(service, operation)", ok: shapeOf(Service, Operation)},
	"default": {selector: ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))", ok: func(x subject) bool {
		if x.member != nil {
			return x.structMember() && (isSimple(x.target()) || isColl(x.target()))
		}
		return isSimple(x.typ()) || isColl(x.typ())
	}},
	"addedDefault": {selector: "structure > member [trait|default]", ok: func(x subject) bool {
		return x.structMember() && x.member.Traits.Has("smithy.api#default")
	}},
	"clientOptional": {selector: "structure > member", ok: onStructMember},
	"required":       {selector: "structure > member", ok: onStructMember},
	"recommended":    {selector: "structure > member", ok: onStructMember, conflicts: []string{"required"}},
	"property":       {selector: "structure > member", ok: onStructMember, conflicts: []string{"resourceIdentifier"}},
	"error":          {selector: "structure", ok: onStruct, conflicts: []string{"trait"}},
	"retryable":      {selector: "structure[trait|error]", ok: onErrorStruct},
	"httpError":      {selector: "structure[trait|error]", ok: onErrorStruct},
	"idempotencyToken": {selector: "structure > :test(member > string)", exclusive: true, ok: func(x subject) bool {
		return x.structMember() && isString(x.target())
	}},
	"jsonName": {selector: ":is(structure, union) > member", ok: memberOf(Structure, Union)},
	"xmlAttribute": {selector: "structure > :test(member > :test(boolean, number, string, timestamp))", conflicts: []string{"xmlNamespace"},
		ok: func(x subject) bool { return x.structMember() && isScalarBinding(x.target()) }},
	"xmlFlattened": {selector: ":is(structure, union) > :test(member > :test(list, map))", ok: func(x subject) bool {
		return memberOf(Structure, Union)(x) && isColl(x.target())
	}},
	"xmlName": {selector: ":is(structure, union, member)", ok: func(x subject) bool {
		return x.member != nil || x.shape.Type == Structure || x.shape.Type == Union
	}},
	"xmlNamespace": {selector: ":is(service, member, simpleType, list, map, structure, union)", conflicts: []string{"xmlAttribute"}, ok: func(x subject) bool {
		t := x.typ()
		return t == Member || t == Service || isSimple(t) || isColl(t) || t == Structure || t == Union
	}},
	"mediaType": {selector: ":is(blob, string)", ok: func(x subject) bool { return x.member == nil && (x.shape.Type == Blob || isString(x.shape.Type)) }},
	"references": {selector: ":is(structure, string)", ok: func(x subject) bool {
		return x.member == nil && (x.shape.Type == Structure || isString(x.shape.Type))
	}},
	"resourceIdentifier": {selector: "structure > :test(member[trait|required] > string)", ok: func(x subject) bool {
		return x.structMember() && x.member.Traits.Has("smithy.api#required") && isString(x.target())
	}},
	"sensitive": {selector: ":not(:test(service, operation, resource, member))", ok: func(x subject) bool {
		t := x.typ()
		return t != Service && t != Operation && t != Resource && t != Member
	}},
	"streaming": {selector: ":is(blob, union)", ok: shapeOf(Blob, Union)},
	"requiresLength": {selector: "blob[trait|streaming]", ok: func(x subject) bool {
		return x.member == nil && x.shape.Type == Blob && x.shape.Traits.Has("smithy.api#streaming")
	}},
	"enum":      {selector: "string :not(enum)", ok: shapeOf(String)},
	"enumValue": {selector: ":is(enum, intEnum) > member", ok: memberOf(Enum, IntEnum)},
	"length": {selector: ":test(list, map, string, blob, member > :is(list, map, string, blob))", ok: func(x subject) bool {
		t := x.target()
		return isColl(t) || isString(t) || t == Blob
	}},
	"range":       {selector: ":test(number, member > number)", ok: func(x subject) bool { return isNumber(x.target()) }},
	"pattern":     {selector: ":test(string, member > string)", ok: func(x subject) bool { return isString(x.target()) }},
	"idRef":       {selector: ":test(string, member > string)", ok: func(x subject) bool { return isString(x.target()) }},
	"sparse":      {selector: ":is(list, map)", ok: func(x subject) bool { return x.member == nil && isColl(x.shape.Type) }},
	"uniqueItems": {selector: "list :not(> member ~> :is(float, double, document))", conflicts: []string{"sparse"}, ok: uniqueItemsOK},
	"httpLabel": {selector: "structure > member[trait|required] :test(> :test(string, number, boolean, timestamp))",
		conflicts: bindingConflicts("httpLabel"), ok: func(x subject) bool {
			return x.structMember() && x.member.Traits.Has("smithy.api#required") && isScalarBinding(x.target())
		}},
	"httpQuery": {selector: "structure > member :test(> :test(string, number, boolean, timestamp), > list > member > :test(string, number, boolean, timestamp))",
		conflicts: bindingConflicts("httpQuery"), ok: func(x subject) bool {
			return x.structMember() && (isScalarBinding(x.target()) || listOf(x.member.Target, isScalarBinding))
		}},
	"httpQueryParams": {selector: "structure > member :test(> map > member[id|member=value] > :test(string, list > member > string))",
		conflicts: bindingConflicts("httpQueryParams"), exclusive: true, ok: func(x subject) bool {
			return x.structMember() && mapValue(x.member.Target, func(v *Shape) bool { return isString(v.Type) || listOf(v, isString) })
		}},
	"httpHeader": {selector: "structure > :test(member > :test(boolean, number, string, timestamp, list > member > :test(boolean, number, string, timestamp)))",
		conflicts: bindingConflicts("httpHeader"), ok: func(x subject) bool {
			return x.structMember() && (isScalarBinding(x.target()) || listOf(x.member.Target, isScalarBinding))
		}},
	"httpPrefixHeaders": {selector: "structure > member :test(> map :not([trait|sparse]) > member[id|member=value] > string)",
		conflicts: bindingConflicts("httpPrefixHeaders"), exclusive: true, ok: func(x subject) bool {
			return x.structMember() && !x.member.Target.Traits.Sparse && mapValue(x.member.Target, func(v *Shape) bool { return isString(v.Type) })
		}},
	"httpPayload": {selector: "structure > member", conflicts: bindingConflicts("httpPayload"), exclusive: true, ok: onStructMember},
	"httpResponseCode": {selector: "structure :not([trait|input]) > member :test(> integer)", conflicts: bindingConflicts("httpResponseCode"), exclusive: true,
		ok: func(x subject) bool {
			return x.structMember() && !x.shape.Traits.Has("smithy.api#input") && isInteger(x.target())
		}},
	"eventPayload": {selector: "structure > :test(member > :test(blob, string, structure, union))", conflicts: []string{"eventHeader"}, exclusive: true,
		ok: func(x subject) bool {
			t := x.target()
			return x.structMember() && (t == Blob || isString(t) || t == Structure || t == Union)
		}},
	"eventHeader": {selector: "structure > :test(member > :test(boolean, byte, short, integer, long, blob, string, timestamp))", conflicts: []string{"eventPayload"},
		ok: func(x subject) bool {
			t := x.target()
			return x.structMember() && (t == Boolean || t == Byte || t == Short || isInteger(t) || t == Long || t == Blob || isString(t) || t == Timestamp)
		}},
	"timestampFormat": {selector: ":test(timestamp, member > timestamp)", ok: func(x subject) bool { return x.target() == Timestamp }},
	"hostLabel": {selector: "structure > :test(member[trait|required] > string)", ok: func(x subject) bool {
		return x.structMember() && x.member.Traits.Has("smithy.api#required") && isString(x.target())
	}},
	"input":    {selector: "structure", ok: onStruct, conflicts: []string{"output", "error"}},
	"output":   {selector: "structure", ok: onStruct, conflicts: []string{"input", "error"}},
	"unitType": {selector: "[id=smithy.api#Unit]", ok: func(x subject) bool { return x.member == nil && x.shape.ID == "smithy.api#Unit" }},
	"mixin":    {selector: ":not(member)", ok: func(x subject) bool { return x.member == nil }},
}

func traitStruct(x subject) bool {
	return x.member == nil && x.shape.Type == Structure && x.shape.Traits.Has("smithy.api#trait")
}

func memberOf(types ...Type) func(subject) bool {
	return func(x subject) bool {
		if x.member == nil {
			return false
		}
		for _, t := range types {
			if x.shape.Type == t {
				return true
			}
		}
		return false
	}
}

// mapValue reports a map whose value targets a shape matching ok.
func mapValue(s *Shape, ok func(*Shape) bool) bool {
	if s == nil || s.Type != Map {
		return false
	}
	v := s.Member("value")
	return v != nil && ok(v.Target)
}

func uniqueItemsOK(x subject) bool {
	if x.member != nil || !isList(x.shape.Type) {
		return false
	}
	m := x.shape.Member("member")
	if m == nil {
		return true
	}
	t := m.Target.Type
	return t != Float && t != Double && t != Document
}

// customRule reads the selector and conflicts of a trait defined in the
// model. Selectors that are a shape type, a list of types in :is(…) or *
// are checked; others are not.
func customRule(def *Shape) (traitRule, bool) {
	tr, ok := def.Traits.Get("smithy.api#trait")
	if !ok {
		return traitRule{}, false
	}
	r := traitRule{selector: "*"}
	if sel := tr.Value.Get("selector"); sel.Exists() {
		r.selector = sel.Str
	}
	for _, c := range tr.Value.Get("conflicts").Array() {
		r.conflicts = append(r.conflicts, c.Str)
	}
	if types, ok := selectorTypes(r.selector); ok {
		r.ok = func(x subject) bool {
			for _, t := range types {
				if t(x) {
					return true
				}
			}
			return false
		}
	}
	return r, true
}

// selectorTypes parses "*", "type" or ":is(type, …)" into type tests.
func selectorTypes(sel string) ([]func(subject) bool, bool) {
	sel = strings.TrimSpace(sel)
	if sel == "*" {
		return []func(subject) bool{func(subject) bool { return true }}, true
	}
	if inner, ok := strings.CutPrefix(sel, ":is("); ok && strings.HasSuffix(inner, ")") {
		sel = strings.TrimSuffix(inner, ")")
	}
	var out []func(subject) bool
	for _, name := range strings.Split(sel, ",") {
		t, ok := selectorType(strings.TrimSpace(name))
		if !ok {
			return nil, false
		}
		out = append(out, t)
	}
	return out, true
}

func selectorType(name string) (func(subject) bool, bool) {
	is := func(ok func(Type) bool) func(subject) bool { return func(x subject) bool { return ok(x.typ()) } }
	switch name {
	case "simpleType":
		return is(isSimple), true
	case "number":
		return is(isNumber), true
	case "collection", "list":
		return is(isList), true
	case "string":
		return is(isString), true
	case "integer":
		return is(isInteger), true
	case "member":
		return func(x subject) bool { return x.member != nil }, true
	}
	t := parseType(name)
	if t == InvalidType {
		return nil, false
	}
	return is(func(u Type) bool { return u == t }), true
}
