package model

import (
	"math"
	"sort"

	"github.com/tidwall/gjson"
)

// Trait is one trait application: its absolute shape ID and its JSON value.
type Trait struct {
	ID    string
	Value gjson.Result
	Pos   Pos
}

// Traits holds every trait applied to a shape or member, plus typed fields
// for the traits code generation reads. A typed field is zero (nil, false,
// "") when its trait is absent.
type Traits struct {
	// All traits sorted by ID, typed ones included.
	All []Trait

	Documentation        string
	Required             bool
	ClientOptional       bool
	Default              *gjson.Result
	AddedDefault         bool
	EnumValue            *gjson.Result
	Enum                 []EnumDefinition // the Smithy 1.0 enum trait
	Length               *Bounds
	Range                *Bounds
	Pattern              *string
	UniqueItems          bool
	Sensitive            bool
	Deprecated           *Deprecated
	Error                string // "client" or "server"
	HTTPError            int
	Retryable            *Retryable
	HTTP                 *HTTP
	HTTPLabel            bool
	HTTPQuery            string
	HTTPQueryParams      bool
	HTTPHeader           string
	HTTPPrefixHeader     *string
	HTTPPayload          bool
	HTTPResponseCode     bool
	JSONName             string
	TimestampFormat      string
	MediaType            string
	IdempotencyToken     bool
	Paginated            *Paginated
	Readonly             bool
	Idempotent           bool
	Streaming            bool
	EventPayload         bool
	Endpoint             *Endpoint
	HostLabel            bool
	Sparse               bool
	Input                bool
	Output               bool
	Mixin                *MixinTrait
	Title                string
	AWSService           *AWSService
	SigV4                *SigV4
	Protocols            []Protocol
	EndpointRuleSet      *gjson.Result
	EndpointTests        *gjson.Result
	XMLName              string
	XMLFlattened         bool
	XMLAttribute         bool
	XMLNamespace         *gjson.Result
	AWSQueryError        *AWSQueryError
	EC2QueryName         string
	RequestCompression   []string
	HTTPChecksumRequired bool
}

// Get returns the trait with the given ID, if present.
func (t *Traits) Get(id string) (Trait, bool) {
	i := sort.Search(len(t.All), func(i int) bool { return t.All[i].ID >= id })
	if i < len(t.All) && t.All[i].ID == id {
		return t.All[i], true
	}
	return Trait{}, false
}

// Has reports whether the trait with the given ID is present.
func (t *Traits) Has(id string) bool { _, ok := t.Get(id); return ok }

// Bounds is the value of the length or range trait. Nil ends are unbounded.
type Bounds struct{ Min, Max *float64 }

// Deprecated is the value of the deprecated trait.
type Deprecated struct{ Message, Since string }

// Retryable is the value of the retryable trait.
type Retryable struct{ Throttling bool }

// HTTP is the value of the http trait.
type HTTP struct {
	Method string
	URI    string
	Code   int
}

// Paginated is the value of the paginated trait, with the service's
// defaults merged in by ServicePaginated.
type Paginated struct{ InputToken, OutputToken, Items, PageSize string }

// Endpoint is the value of the endpoint trait.
type Endpoint struct{ HostPrefix string }

// MixinTrait is the value of the mixin trait.
type MixinTrait struct{ LocalTraits []string }

// EnumDefinition is one entry of the Smithy 1.0 enum trait.
type EnumDefinition struct {
	Value, Name, Documentation string
	Deprecated                 bool
}

// AWSService is the value of aws.api#service.
type AWSService struct {
	SDKID, ArnNamespace, CloudFormationName, CloudTrailEventSource, EndpointPrefix string
}

// SigV4 is the value of aws.auth#sigv4.
type SigV4 struct{ Name string }

// Protocol is an applied protocol trait such as aws.protocols#restJson1.
type Protocol struct {
	ID              string
	HTTP            []string
	EventStreamHTTP []string
}

// AWSQueryError is the value of aws.protocols#awsQueryError.
type AWSQueryError struct {
	Code             string
	HTTPResponseCode int
}

// protocolTraits are the trait IDs that select a wire protocol.
var protocolTraits = map[string]bool{
	"aws.protocols#restJson1": true, "aws.protocols#awsJson1_0": true,
	"aws.protocols#awsJson1_1": true, "aws.protocols#restXml": true,
	"aws.protocols#awsQuery": true, "aws.protocols#ec2Query": true,
	"smithy.protocols#rpcv2Cbor": true,
}

// traitReader parses one trait value into typed fields, reporting JSON type
// mismatches through bad.
type traitReader struct {
	t   *Traits
	v   gjson.Result
	bad func(want string)
}

func (r *traitReader) str() string {
	if r.v.Type != gjson.String {
		r.bad("a string")
		return ""
	}
	return r.v.Str
}

func (r *traitReader) obj() bool {
	if !r.v.IsObject() {
		r.bad("an object")
		return false
	}
	return true
}

func (r *traitReader) field(name string, kind gjson.Type) gjson.Result {
	f := r.v.Get(escapeKey(name))
	if f.Exists() && f.Type != kind && !(kind == gjson.True && f.Type == gjson.False) {
		r.bad("field " + name + " of type " + jsonTypeName(kind))
	}
	return f
}

func (r *traitReader) strField(name string) string { return r.field(name, gjson.String).Str }

func (r *traitReader) intField(name string) int {
	f := r.field(name, gjson.Number)
	if f.Num != math.Trunc(f.Num) {
		r.bad("field " + name + " to be an integer")
	}
	return int(f.Num)
}

func (r *traitReader) boundsField(b *Bounds) {
	if !r.obj() {
		return
	}
	if f := r.field("min", gjson.Number); f.Exists() {
		n := f.Num
		b.Min = &n
	}
	if f := r.field("max", gjson.Number); f.Exists() {
		n := f.Num
		b.Max = &n
	}
}

func (r *traitReader) strList(name string) []string {
	f := r.v
	if name != "" {
		f = r.field(name, gjson.JSON)
	}
	if !f.Exists() {
		return nil
	}
	if !f.IsArray() {
		r.bad("a list of strings")
		return nil
	}
	var out []string
	for _, e := range f.Array() {
		if e.Type != gjson.String {
			r.bad("a list of strings")
			return nil
		}
		out = append(out, e.Str)
	}
	return out
}

func jsonTypeName(t gjson.Type) string {
	switch t {
	case gjson.String:
		return "string"
	case gjson.Number:
		return "number"
	case gjson.True, gjson.False:
		return "boolean"
	case gjson.Null:
		return "null"
	}
	return "object or array"
}

// escapeKey escapes gjson path syntax in a literal object key.
func escapeKey(k string) string {
	var b []byte
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case '.', '*', '?', '|', '#', '@', '\\', '!', '=', '<', '>', '%':
			b = append(b, '\\')
		}
		b = append(b, k[i])
	}
	return string(b)
}
