package rules

// Program is a checked rule set in the form the evaluator runs: parameters
// and variables live in numbered slots, getAttr paths are resolved to
// attributes, and templates are split into parts. Programs are built at
// generation time (package model/rules), stored with Encode and read back
// with Decode.
type Program struct {
	Params []Param
	// Slots is the number of value slots: the parameters (slots 0 to
	// len(Params)-1) followed by the assigned variables.
	Slots int
	Rules []Rule
}

// Param is a rule-set parameter.
type Param struct {
	Name     string
	Kind     Kind // Bool, String or StringArray
	Required bool
	Default  Value // None when the parameter has no default
}

// RuleKind says what a rule yields when its conditions hold.
type RuleKind uint8

// Rule kinds.
const (
	EndpointRule RuleKind = iota
	ErrorRule
	TreeRule
)

// Rule is an endpoint, error or tree rule.
type Rule struct {
	Kind     RuleKind
	Conds    []Cond
	Endpoint *Endpoint // EndpointRule
	Error    *Expr     // ErrorRule: a string expression
	Rules    []Rule    // TreeRule
}

// Cond is a condition: a function call (getAttr included) whose result, when Assign >= 0, is
// stored in that slot. It holds when the result is set and not false.
type Cond struct {
	Expr   Expr
	Assign int
}

// Op is the kind of an expression.
type Op uint8

// Expression kinds.
const (
	OpLit      Op = iota // Lit
	OpRef                // Slot
	OpCall               // Fn applied to Args
	OpGetAttr            // Path applied to Args[0]
	OpTemplate           // the concatenation of Args (string expressions)
)

// Func is a library function.
type Func uint8

// Library functions.
const (
	FnIsSet Func = iota
	FnNot
	FnBooleanEquals
	FnStringEquals
	FnSubstring
	FnURIEncode
	FnParseURL
	FnIsValidHostLabel
	FnPartition
	FnParseARN
	FnIsVirtualHostableS3Bucket
	numFuncs
)

// FuncInfo describes a library function's signature. An argument kind of
// None accepts any kind; Optional arguments may be unset.
type FuncInfo struct {
	Name     string
	Args     []Kind
	Optional bool // the arguments may be unset (isSet)
	Result   Kind
	// MaybeUnset: the result may be None.
	MaybeUnset bool
}

var funcs = [numFuncs]FuncInfo{
	FnIsSet:                     {Name: "isSet", Args: []Kind{None}, Optional: true, Result: Bool},
	FnNot:                       {Name: "not", Args: []Kind{Bool}, Result: Bool},
	FnBooleanEquals:             {Name: "booleanEquals", Args: []Kind{Bool, Bool}, Result: Bool},
	FnStringEquals:              {Name: "stringEquals", Args: []Kind{String, String}, Result: Bool},
	FnSubstring:                 {Name: "substring", Args: []Kind{String, Int, Int, Bool}, Result: String, MaybeUnset: true},
	FnURIEncode:                 {Name: "uriEncode", Args: []Kind{String}, Result: String},
	FnParseURL:                  {Name: "parseURL", Args: []Kind{String}, Result: URL, MaybeUnset: true},
	FnIsValidHostLabel:          {Name: "isValidHostLabel", Args: []Kind{String, Bool}, Result: Bool},
	FnPartition:                 {Name: "aws.partition", Args: []Kind{String}, Result: Partition, MaybeUnset: true},
	FnParseARN:                  {Name: "aws.parseArn", Args: []Kind{String}, Result: ARN, MaybeUnset: true},
	FnIsVirtualHostableS3Bucket: {Name: "aws.isVirtualHostableS3Bucket", Args: []Kind{String, Bool}, Result: Bool},
}

// LookupFunc returns the function with the given rule-set name.
func LookupFunc(name string) (Func, FuncInfo, bool) {
	for i := range funcs {
		if funcs[i].Name == name {
			return Func(i), funcs[i], true
		}
	}
	return 0, FuncInfo{}, false
}

// Info returns f's signature.
func (f Func) Info() FuncInfo {
	if f < numFuncs {
		return funcs[f]
	}
	return FuncInfo{Name: "invalid"}
}

// Expr is an expression.
type Expr struct {
	Op   Op
	Lit  Value  // OpLit
	Slot int    // OpRef
	Fn   Func   // OpCall
	Args []Expr // OpCall arguments, OpGetAttr's record, OpTemplate parts
	Path []Step // OpGetAttr
}

// Step is one step of a getAttr path: an attribute of a record, or (Attr ==
// AttrIndex) an element of a string array.
type Step struct {
	Attr  Attr
	Index int
}

// Attr is an attribute of a record.
type Attr uint8

// Record attributes; AttrIndex marks an index step.
const (
	AttrIndex Attr = iota
	AttrName
	AttrDNSSuffix
	AttrDualStackDNSSuffix
	AttrSupportsFIPS
	AttrSupportsDualStack
	AttrImplicitGlobalRegion
	AttrPartition
	AttrService
	AttrRegion
	AttrAccountID
	AttrResourceID
	AttrScheme
	AttrAuthority
	AttrPath
	AttrNormalizedPath
	AttrIsIP
	numAttrs
)

// attrs lists each record kind's attributes and their kinds.
var attrs = [numAttrs]struct {
	of, kind Kind
	name     string
}{
	AttrName:                 {Partition, String, "name"},
	AttrDNSSuffix:            {Partition, String, "dnsSuffix"},
	AttrDualStackDNSSuffix:   {Partition, String, "dualStackDnsSuffix"},
	AttrSupportsFIPS:         {Partition, Bool, "supportsFIPS"},
	AttrSupportsDualStack:    {Partition, Bool, "supportsDualStack"},
	AttrImplicitGlobalRegion: {Partition, String, "implicitGlobalRegion"},
	AttrPartition:            {ARN, String, "partition"},
	AttrService:              {ARN, String, "service"},
	AttrRegion:               {ARN, String, "region"},
	AttrAccountID:            {ARN, String, "accountId"},
	AttrResourceID:           {ARN, StringArray, "resourceId"},
	AttrScheme:               {URL, String, "scheme"},
	AttrAuthority:            {URL, String, "authority"},
	AttrPath:                 {URL, String, "path"},
	AttrNormalizedPath:       {URL, String, "normalizedPath"},
	AttrIsIP:                 {URL, Bool, "isIp"},
}

// LookupAttr returns the attribute called name of records of kind of, and
// the attribute's kind.
func LookupAttr(of Kind, name string) (Attr, Kind, bool) {
	for i := AttrName; i < numAttrs; i++ {
		if attrs[i].of == of && attrs[i].name == name {
			return i, attrs[i].kind, true
		}
	}
	return 0, None, false
}

// Endpoint is the result of an endpoint rule.
type Endpoint struct {
	URL        Expr // a string expression
	Headers    []Header
	Properties []Property
}

// Header is an endpoint header and its values (string expressions).
type Header struct {
	Name   string
	Values []Expr
}

// Property is a top-level endpoint property.
type Property struct {
	Key   string
	Value Doc
}

// DocKind is the kind of a property value.
type DocKind uint8

// Property value kinds.
const (
	DocString DocKind = iota // Str, a string expression
	DocBool
	DocList
	DocMap
)

// Doc is a property value: a string (possibly templated), a bool, a list or
// a map with keys in Keys.
type Doc struct {
	Kind  DocKind
	Str   Expr
	Bool  bool
	Items []Doc
	Keys  []string // DocMap: Items[i] is the value of Keys[i]
}
