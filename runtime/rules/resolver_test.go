package rules

import (
	"errors"
	"testing"

	smithyauth "github.com/aws/smithy-go/auth"
)

// testProgram: if isSet(Region) and aws.partition(Region) → P:
// https://svc{-fips if UseFIPS}.{Region}.{P#dnsSuffix}; otherwise the error
// "Missing Region".
func testProgram() *Program {
	ref := func(slot int) Expr { return Expr{Op: OpRef, Slot: slot} }
	lit := func(s string) Expr { return Expr{Op: OpLit, Lit: Str(s)} }
	url := func(prefix string) Expr {
		return Expr{Op: OpTemplate, Args: []Expr{lit(prefix), ref(0), lit("."),
			{Op: OpGetAttr, Args: []Expr{ref(2)}, Path: []Step{{Attr: AttrDNSSuffix}}}}}
	}
	return &Program{
		Params: []Param{{Name: "Region", Kind: String}, {Name: "UseFIPS", Kind: Bool, Required: true, Default: Boolean(false)}},
		Slots:  3,
		Rules: []Rule{
			{Kind: TreeRule, Conds: []Cond{
				{Expr: Expr{Op: OpCall, Fn: FnIsSet, Args: []Expr{ref(0)}}, Assign: -1},
				{Expr: Expr{Op: OpCall, Fn: FnPartition, Args: []Expr{ref(0)}}, Assign: 2},
			}, Rules: []Rule{
				{Kind: EndpointRule, Conds: []Cond{{Expr: Expr{Op: OpCall, Fn: FnBooleanEquals, Args: []Expr{ref(1), {Op: OpLit, Lit: Boolean(true)}}}, Assign: -1}},
					Endpoint: &Endpoint{URL: url("https://svc-fips."), Properties: []Property{{Key: "authSchemes", Value: Doc{Kind: DocList, Items: []Doc{{
						Kind: DocMap, Keys: []string{"name", "signingRegion"}, Items: []Doc{{Kind: DocString, Str: lit("sigv4")}, {Kind: DocString, Str: ref(0)}}}}}}}}},
				{Kind: EndpointRule, Endpoint: &Endpoint{URL: url("https://svc.")}},
			}},
			{Kind: ErrorRule, Error: &Expr{Op: OpLit, Lit: Str("Missing Region")}},
		},
	}
}

func TestEncodeDecode(t *testing.T) {
	data := Encode(testProgram())
	p, err := Decode(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if again := Encode(p); string(again) != string(data) {
		t.Errorf("re-encoding differs:\n%q\n%q", data, again)
	}
	for i := range data {
		// Every strict prefix is rejected, not mis-read.
		if _, err := Decode(string(data[:i])); err == nil {
			t.Fatalf("prefix of %d bytes decoded", i)
		}
	}
}

func TestResolver(t *testing.T) {
	r := NewResolver(NewRuleset(string(Encode(testProgram())), ""))
	us, fips := "us-east-1", true
	ep, err := r.Resolve([]Value{StringValue(&us), BoolValue(&fips)})
	if err != nil || ep.URI.String() != "https://svc-fips.us-east-1.amazonaws.com" {
		t.Fatalf("got %v, %v", ep.URI.String(), err)
	}
	schemes := AuthSchemes(&ep.Properties)
	if len(schemes) != 1 || schemes[0].Name != "sigv4" || schemes[0].SigningRegion != "us-east-1" {
		t.Errorf("auth schemes %+v", schemes)
	}
	if name, region, ok := SigV4Signing(&ep.Properties); !ok || name != "" || region != "us-east-1" {
		t.Errorf("SigV4Signing = %q %q %v", name, region, ok)
	}
	// The second resolution is the cached one.
	again, _ := r.Resolve([]Value{StringValue(&us), BoolValue(&fips)})
	o1, _ := smithyauth.GetAuthOptions(&ep.Properties)
	o2, _ := smithyauth.GetAuthOptions(&again.Properties)
	if again.URI != ep.URI || len(o2) != 1 || o1[0] != o2[0] {
		t.Error("the second resolution was not the cached one")
	}
	cn := "cn-north-1"
	ep, err = r.Resolve([]Value{StringValue(&cn), {}})
	if err != nil || ep.URI.String() != "https://svc.cn-north-1.amazonaws.com.cn" {
		t.Errorf("cn: got %v, %v", ep.URI.String(), err)
	}
	_, err = r.Resolve([]Value{{}, {}})
	var re *Error
	if !errors.As(err, &re) || re.Message != "Missing Region" {
		t.Errorf("no region: %v", err)
	}
	if _, err := r.Resolve([]Value{Boolean(true), {}}); err == nil {
		t.Error("a bool Region resolved")
	}
	if _, err := r.Resolve([]Value{{}}); err == nil {
		t.Error("a missing argument resolved")
	}
	hits := 0
	for i := range r.cache {
		if r.cache[i].Load() != nil {
			hits++
		}
	}
	if hits < 2 {
		t.Errorf("%d cache entries", hits)
	}
}

func TestCacheKeysDiffer(t *testing.T) {
	a, _ := appendKey(nil, []Value{Str("ab"), Str("c")})
	b, _ := appendKey(nil, []Value{Str("a"), Str("bc")})
	c, _ := appendKey(nil, []Value{Strings([]string{"ab", "c"})})
	d, _ := appendKey(nil, []Value{{}, Boolean(false)})
	e, _ := appendKey(nil, []Value{Boolean(false), {}})
	keys := map[string]bool{}
	for _, k := range [][]byte{a, b, c, d, e} {
		keys[string(k)] = true
	}
	if len(keys) != 5 {
		t.Errorf("keys collide: %q", [][]byte{a, b, c, d, e})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Encode(testProgram()), []byte("us-east-1"))
	f.Fuzz(func(t *testing.T, data, arg []byte) {
		p, err := Decode(string(data))
		if err != nil {
			return
		}
		parts, _ := DefaultPartitions()
		args := make([]Value, len(p.Params))
		for i, pr := range p.Params {
			switch pr.Kind {
			case String:
				args[i] = Str(string(arg))
			case Bool:
				args[i] = Boolean(len(arg)%2 == 0)
			}
		}
		p.Eval(args, parts)
	})
}
