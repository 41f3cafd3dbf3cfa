package rules

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Error is the result of an error rule: the rule set's message for a
// configuration it does not support.
type Error struct{ Message string }

func (e *Error) Error() string { return "endpoint rule error, " + e.Message }

// ErrNoMatch is returned when no rule matches the parameters.
var ErrNoMatch = errors.New("endpoint resolution failed: no rule matched the endpoint parameters")

// ParamError reports a required parameter left unset.
type ParamError struct{ Name string }

func (e *ParamError) Error() string {
	return "endpoint parameters are not valid, parameter " + e.Name + " is required"
}

// stackSlots is how many slots an evaluation keeps on the stack.
const stackSlots = 16

// evaluator holds the slots of one evaluation.
type evaluator struct {
	env   []Value
	parts *Partitions
}

// Eval evaluates the program with one argument per parameter (in parameter
// order) against a partition table. Unset arguments take their defaults.
func (p *Program) Eval(args []Value, parts *Partitions) (smithyendpoints.Endpoint, error) {
	if len(args) != len(p.Params) {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rules take %d parameters, got %d", len(p.Params), len(args))
	}
	var buf [stackSlots]Value
	env := buf[:]
	if p.Slots > stackSlots {
		env = make([]Value, p.Slots)
	}
	copy(env, args)
	for i := range p.Params {
		pr := &p.Params[i]
		if env[i].kind == None {
			env[i] = pr.Default
		}
		if env[i].kind == None && pr.Required {
			return smithyendpoints.Endpoint{}, &ParamError{pr.Name}
		}
		if env[i].kind != None && env[i].kind != pr.Kind {
			return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint parameter %s must be a %s, not a %s", pr.Name, pr.Kind, env[i].kind)
		}
	}
	e := evaluator{env: env[:p.Slots], parts: parts}
	r := e.rules(p.Rules)
	if r == nil {
		return smithyendpoints.Endpoint{}, ErrNoMatch
	}
	if r.Kind == ErrorRule {
		msg, _ := e.expr(r.Error).AsString()
		return smithyendpoints.Endpoint{}, &Error{msg}
	}
	return e.endpoint(r.Endpoint)
}

// rules returns the first endpoint or error rule reached, or nil when none
// matches. A tree whose conditions hold is final even when none of its rules
// matches.
func (e *evaluator) rules(rs []Rule) *Rule {
	for i := range rs {
		r := &rs[i]
		if !e.conds(r.Conds) {
			continue
		}
		if r.Kind == TreeRule {
			return e.rules(r.Rules)
		}
		return r
	}
	return nil
}

func (e *evaluator) conds(cs []Cond) bool {
	for i := range cs {
		v := e.expr(&cs[i].Expr)
		if a := cs[i].Assign; a >= 0 {
			e.env[a] = v
		}
		if v.kind == None || v.kind == Bool && v.n == 0 {
			return false
		}
	}
	return true
}

func (e *evaluator) expr(x *Expr) Value {
	switch x.Op {
	case OpLit:
		return x.Lit
	case OpRef:
		return e.env[x.Slot]
	case OpGetAttr:
		v := e.expr(&x.Args[0])
		for _, s := range x.Path {
			if s.Attr == AttrIndex {
				v = index(v, s.Index)
			} else {
				v = attr(v, s.Attr)
			}
		}
		return v
	case OpTemplate:
		return e.template(x.Args)
	case OpCall:
		return e.call(x)
	}
	return Value{}
}

func (e *evaluator) template(parts []Expr) Value {
	if len(parts) == 1 {
		return e.expr(&parts[0])
	}
	var buf [8]string
	strs := buf[:0]
	n := 0
	for i := range parts {
		s, ok := e.expr(&parts[i]).AsString()
		if !ok {
			return Value{}
		}
		strs = append(strs, s)
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range strs {
		b.WriteString(s)
	}
	return Str(b.String())
}

func (e *evaluator) call(x *Expr) Value {
	a := x.Args
	switch x.Fn {
	case FnIsSet:
		return Boolean(e.expr(&a[0]).kind != None)
	case FnNot:
		if b, ok := e.expr(&a[0]).AsBool(); ok {
			return Boolean(!b)
		}
	case FnBooleanEquals:
		x, ok1 := e.expr(&a[0]).AsBool()
		y, ok2 := e.expr(&a[1]).AsBool()
		if ok1 && ok2 {
			return Boolean(x == y)
		}
	case FnStringEquals:
		x, ok1 := e.expr(&a[0]).AsString()
		y, ok2 := e.expr(&a[1]).AsString()
		if ok1 && ok2 {
			return Boolean(x == y)
		}
	case FnSubstring:
		s, ok1 := e.expr(&a[0]).AsString()
		i, ok2 := e.expr(&a[1]).AsInt()
		j, ok3 := e.expr(&a[2]).AsInt()
		r, ok4 := e.expr(&a[3]).AsBool()
		if ok1 && ok2 && ok3 && ok4 {
			return substring(s, i, j, r)
		}
	case FnURIEncode:
		if s, ok := e.expr(&a[0]).AsString(); ok {
			return Str(uriEncode(s))
		}
	case FnParseURL:
		if s, ok := e.expr(&a[0]).AsString(); ok {
			return parseURL(s)
		}
	case FnIsValidHostLabel:
		s, ok1 := e.expr(&a[0]).AsString()
		sub, ok2 := e.expr(&a[1]).AsBool()
		if ok1 && ok2 {
			return Boolean(isValidHostLabel(s, sub))
		}
	case FnPartition:
		if s, ok := e.expr(&a[0]).AsString(); ok && e.parts != nil {
			if c := e.parts.Lookup(s); c != nil {
				return record(Partition, c)
			}
		}
	case FnParseARN:
		if s, ok := e.expr(&a[0]).AsString(); ok {
			return parseARN(s)
		}
	case FnIsVirtualHostableS3Bucket:
		s, ok1 := e.expr(&a[0]).AsString()
		sub, ok2 := e.expr(&a[1]).AsBool()
		if ok1 && ok2 {
			return Boolean(isVirtualHostableS3Bucket(s, sub))
		}
	}
	return Value{}
}

// endpoint builds the result of an endpoint rule.
func (e *evaluator) endpoint(ep *Endpoint) (smithyendpoints.Endpoint, error) {
	s, ok := e.expr(&ep.URL).AsString()
	if !ok {
		return smithyendpoints.Endpoint{}, errors.New("endpoint rule error, the endpoint URL is unset")
	}
	u, err := parseEndpointURL(s)
	if err == nil && (u.Host == "" || u.User != nil || u.Opaque != "") {
		// A value templated into the host, such as a region "a@b", must
		// not turn it into user information or move the host elsewhere.
		err = errors.New("not a URL with a host")
	}
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule error, invalid endpoint URL %q: %w", s, err)
	}
	out := smithyendpoints.Endpoint{URI: *u}
	if len(ep.Headers) > 0 {
		out.Headers = make(http.Header, len(ep.Headers))
		for _, h := range ep.Headers {
			for i := range h.Values {
				v, ok := e.expr(&h.Values[i]).AsString()
				if !ok {
					return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule error, header %s is unset", h.Name)
				}
				out.Headers[h.Name] = append(out.Headers[h.Name], v)
			}
		}
	}
	for _, p := range ep.Properties {
		v := e.doc(&p.Value)
		if p.Key == "authSchemes" {
			if opts, ok := authOptions(v); ok {
				smithyauth.SetAuthOptions(&out.Properties, opts)
				continue
			}
		}
		out.Properties.Set(p.Key, v)
	}
	return out, nil
}

// parseEndpointURL is url.Parse with a fast path for the URLs rule sets
// build: http or https, a host of letters, digits, dots, hyphens and an
// optional port, and a path of unreserved characters and slashes.
func parseEndpointURL(s string) (*url.URL, error) {
	var scheme string
	switch {
	case strings.HasPrefix(s, "https://"):
		scheme = "https"
	case strings.HasPrefix(s, "http://"):
		scheme = "http"
	default:
		return url.Parse(s)
	}
	rest := s[len(scheme)+3:]
	host, path := rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	name, port, hasPort := strings.Cut(host, ":")
	if name == "" || hasPort && port == "" {
		return url.Parse(s)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !unreserved(c) || c == '_' || c == '~' {
			return url.Parse(s)
		}
	}
	for i := 0; i < len(port); i++ {
		if c := port[i]; c < '0' || c > '9' {
			return url.Parse(s)
		}
	}
	for i := 0; i < len(path); i++ {
		if c := path[i]; !unreserved(c) && c != '/' {
			return url.Parse(s)
		}
	}
	return &url.URL{Scheme: scheme, Host: host, Path: path}, nil
}

// doc evaluates a property value to string, bool, []any or map[string]any;
// an unset template gives nil.
func (e *evaluator) doc(d *Doc) any {
	switch d.Kind {
	case DocString:
		if s, ok := e.expr(&d.Str).AsString(); ok {
			return s
		}
		return nil
	case DocBool:
		return d.Bool
	case DocList:
		out := make([]any, len(d.Items))
		for i := range d.Items {
			out[i] = e.doc(&d.Items[i])
		}
		return out
	case DocMap:
		out := make(map[string]any, len(d.Items))
		for i := range d.Items {
			out[d.Keys[i]] = e.doc(&d.Items[i])
		}
		return out
	}
	return nil
}

// authOptions converts an authSchemes property (a list of objects with a
// name) to the auth options smithy-go and aws-sdk-go-v2 read: the scheme
// name is the SchemeID; signingName, signingRegion, signingRegionSet and
// disableDoubleEncoding become SigV4/SigV4A signer properties, and other
// keys are kept as signer properties under their own name.
func authOptions(v any) ([]*smithyauth.Option, bool) {
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	opts := make([]*smithyauth.Option, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, false
		}
		name, ok := m["name"].(string)
		if !ok {
			return nil, false
		}
		o := &smithyauth.Option{SchemeID: name}
		if !signerProperties(&o.SignerProperties, m) {
			return nil, false
		}
		opts = append(opts, o)
	}
	return opts, true
}

func signerProperties(sp *smithy.Properties, m map[string]any) bool {
	for k, v := range m {
		switch k {
		case "name":
		case "signingName":
			s, ok := v.(string)
			if !ok {
				return false
			}
			smithyhttp.SetSigV4SigningName(sp, s)
			smithyhttp.SetSigV4ASigningName(sp, s)
		case "signingRegion":
			s, ok := v.(string)
			if !ok {
				return false
			}
			smithyhttp.SetSigV4SigningRegion(sp, s)
		case "signingRegionSet":
			items, ok := v.([]any)
			if !ok {
				return false
			}
			set := make([]string, len(items))
			for i, it := range items {
				if set[i], ok = it.(string); !ok {
					return false
				}
			}
			smithyhttp.SetSigV4ASigningRegions(sp, set)
		case "disableDoubleEncoding":
			b, ok := v.(bool)
			if !ok {
				return false
			}
			smithyhttp.SetDisableDoubleEncoding(sp, b)
		default:
			sp.Set(k, v)
		}
	}
	return true
}
