package rules_test

import (
	"testing"

	rt "github.com/smithygen/smithygen/runtime/rules"
)

// fuzzSet is one shared model's rule set with the strings its tests use.
type fuzzSet struct {
	prog    *rt.Program
	strings []string
}

func loadFuzzSets(t testing.TB) []fuzzSet {
	var out []fuzzSet
	for _, s := range loadServices(t) {
		fs := fuzzSet{prog: s.rs.Program}
		seen := map[string]bool{}
		for _, tc := range s.tests {
			for _, a := range tc.Params {
				if v, ok := a.Value.AsString(); ok && !seen[v] {
					seen[v] = true
					fs.strings = append(fs.strings, v)
				}
			}
		}
		out = append(out, fs)
	}
	return out
}

// FuzzEval evaluates the rule sets of the shared models with arbitrary
// parameters: each byte of data picks a parameter's value (unset, a value
// from the model's tests, or a slice of data itself). Evaluation must not
// panic, and the caching resolver must agree with the evaluator.
func FuzzEval(f *testing.F) {
	sets := loadFuzzSets(f)
	parts, err := rt.DefaultPartitions()
	if err != nil {
		f.Fatal(err)
	}
	resolvers := make([]*rt.Resolver, len(sets))
	for i, s := range sets {
		resolvers[i] = rt.NewResolver(rt.NewRuleset(string(rt.Encode(s.prog)), ""))
	}
	for i := range sets {
		f.Add(uint16(i), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	}
	f.Fuzz(func(t *testing.T, which uint16, data []byte) {
		s := sets[int(which)%len(sets)]
		args := make([]rt.Value, len(s.prog.Params))
		for i, p := range s.prog.Params {
			if len(data) == 0 {
				break
			}
			b := data[0]
			data = data[1:]
			switch {
			case b%4 == 0:
				continue // unset
			case p.Kind == rt.Bool:
				args[i] = rt.Boolean(b&0x80 != 0)
			case p.Kind == rt.StringArray:
				args[i] = rt.Strings([]string{string(data[:min(len(data), int(b%16))])})
			case b%4 == 1 && len(s.strings) > 0:
				args[i] = rt.Str(s.strings[int(b/4)%len(s.strings)])
			default:
				n := min(len(data), int(b%32))
				args[i] = rt.Str(string(data[:n]))
				data = data[n:]
			}
		}
		ep, err := s.prog.Eval(args, parts)
		ep2, err2 := resolvers[int(which)%len(sets)].Resolve(args)
		if (err == nil) != (err2 == nil) || err == nil && ep.URI.String() != ep2.URI.String() {
			t.Fatalf("Eval: %v %v; Resolve: %v %v", ep.URI.String(), err, ep2.URI.String(), err2)
		}
	})
}
