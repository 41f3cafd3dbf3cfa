package validate

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
)

// violations returns the paths and traits of e's violations.
func violations(t *testing.T, e *smithy.InvalidParamsError) []string {
	t.Helper()
	var out []string
	for _, err := range e.Errs() {
		var ve *Error
		if !errors.As(err, &ve) {
			out = append(out, err.(smithy.InvalidParamError).Field()+" required")
			continue
		}
		out = append(out, ve.Field()+" "+ve.Trait())
	}
	return out
}

func expect(t *testing.T, e *smithy.InvalidParamsError, want ...string) {
	t.Helper()
	if got := violations(t, e); !slices.Equal(got, want) {
		t.Errorf("violations %q, want %q", got, want)
	}
}

func TestLength(t *testing.T) {
	for _, c := range []struct {
		n        int
		min, max int64
		bad      bool
	}{
		{0, 1, 3, true}, {1, 1, 3, false}, {3, 1, 3, false}, {4, 1, 3, true},
		{1 << 40, 0, -1, false}, {5, 5, 5, false}, {6, 5, 5, true},
	} {
		e := smithy.InvalidParamsError{Context: "In"}
		Length(&e, "F", c.n, c.min, c.max)
		if (e.Len() > 0) != c.bad {
			t.Errorf("Length(%d, %d, %d): %d violations", c.n, c.min, c.max, e.Len())
		}
	}
}

func TestRange(t *testing.T) {
	e := smithy.InvalidParamsError{Context: "In"}
	Range(&e, "A", int32(0), 1, 10)
	Range(&e, "B", int32(1), 1, 10)
	Range(&e, "C", int64(math.MaxInt64), math.MinInt64, math.MaxInt64)
	Range(&e, "D", float32(1.5), 0.5, 1.5)
	Range(&e, "E", math.Nextafter(0.75, 1), -0.25, 0.75)
	Min(&e, "F", int8(-1), 0)
	Max(&e, "G", math.NaN(), 1)
	expect(t, &e, "In.A range", "In.E range", "In.F range")
	if msg := e.Errs()[0].Error(); msg != "minimum value of 1, In.A." {
		t.Errorf("message %q", msg)
	}
}

func TestBigRange(t *testing.T) {
	e := smithy.InvalidParamsError{Context: "In"}
	huge, _ := new(big.Int).SetString("1"+strings.Repeat("0", 30), 10)
	BigMin(&e, "A", big.NewInt(9), 10)
	BigMin(&e, "B", big.NewInt(10), 10)
	BigMax(&e, "C", huge, 1e30)
	BigMax(&e, "D", new(big.Int).Add(huge, huge), 1e30)
	BigMin(&e, "E", new(big.Float).SetPrec(100).Sub(big.NewFloat(0.1), big.NewFloat(1e-25)), 0.1)
	BigMin(&e, "F", (*big.Float)(nil), 1)
	BigMax(&e, "G", big.NewFloat(0.1), 0.1)
	two53 := new(big.Int).Lsh(big.NewInt(1), 53) // 2^53+1 rounds to 2^53
	BigMax(&e, "H", new(big.Int).Add(two53, big.NewInt(1)), 1<<53)
	BigMin(&e, "I", new(big.Int).Sub(two53, big.NewInt(1)), 1<<53)
	BigMax(&e, "J", two53, 1<<53)
	expect(t, &e, "In.A range", "In.D range", "In.E range", "In.H range", "In.I range")
}

func TestMatch(t *testing.T) {
	p := &Pattern{Src: `^[a-zé]+$`}
	e := smithy.InvalidParamsError{Context: "In"}
	Match(&e, "A", "éa", p)
	Match(&e, "B", "aB", p)
	Match(&e, "C", "x", &Pattern{Src: `(`})
	Match(&e, "D", "xay", &Pattern{Src: `a`}) // unanchored, like RegExp.test
	expect(t, &e, "In.B pattern", "In.C pattern")
	if p.String() != `^[a-zé]+$` {
		t.Errorf("String() = %q", p.String())
	}
}

func TestUnique(t *testing.T) {
	long := make([]int, 40)
	for i := range long {
		long[i] = i
	}
	e := smithy.InvalidParamsError{Context: "In"}
	Unique(&e, "A", []string{"a", "b", "a"})
	Unique(&e, "B", []string{"a", "b"})
	Unique(&e, "C", long)
	Unique(&e, "D", append(slices.Clone(long), 39))
	UniqueDeep(&e, "E", []*string{ptr("a"), ptr("a")})
	UniqueDeep(&e, "F", []*string{ptr("a"), nil})
	UniqueFunc(&e, "G", []time.Time{time.Unix(1, 0), time.Unix(1, 0).UTC()}, time.Time.Equal)
	UniqueFunc(&e, "H", []*big.Int{big.NewInt(0), new(big.Int)}, BigEqual[*big.Int])
	UniqueFunc(&e, "I", []*big.Float{nil, big.NewFloat(0)}, BigEqual[*big.Float])
	expect(t, &e, "In.A uniqueItems", "In.D uniqueItems", "In.E uniqueItems", "In.G uniqueItems", "In.H uniqueItems")
	if msg := e.Errs()[0].Error(); !strings.Contains(msg, "[2] repeats [0]") {
		t.Errorf("message %q", msg)
	}
}

func ptr[T any](v T) *T { return &v }

// TestPaths nests violations as generated code does and checks the paths
// of both smithy's and this package's errors.
func TestPaths(t *testing.T) {
	item := func() (e smithy.InvalidParamsError) {
		e.Add(smithy.NewErrParamRequired("Name"))
		Length(&e, "Label", 0, 1, -1)
		return e
	}

	var elem smithy.InvalidParamsError // an element of a list of lists
	Length(&elem, "", 9, 0, 2)
	NestIndex(&elem, "", 3, item())

	var tag smithy.InvalidParamsError
	Match(&tag, "", "A", &Pattern{Src: `^[a-z]+$`})

	e := smithy.InvalidParamsError{Context: "In"}
	NestIndex(&e, "Matrix", 1, elem)
	NestKey(&e, "Tags", "A", tag)
	NestIndex(&e, "Empty", 0, smithy.InvalidParamsError{})
	e.AddNested("Inner", item())
	expect(t, &e,
		"In.Matrix[1] length", "In.Matrix[1][3].Name required", "In.Matrix[1][3].Label length",
		"In.Tags[A] pattern", "In.Inner.Name required", "In.Inner.Label length")
}

func TestResult(t *testing.T) {
	if err := Result(smithy.InvalidParamsError{Context: "In"}); err != nil {
		t.Fatalf("Result of no violations = %v", err)
	}
	e := smithy.InvalidParamsError{Context: "In"}
	Length(&e, "F", 0, 1, -1)
	err := Result(e)
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) || ipe.Len() != 1 {
		t.Fatalf("Result = %#v", err)
	}
	if got := err.Error(); got != "1 validation error(s) found.\n- minimum length of 1, In.F.\n" {
		t.Errorf("message %q", got)
	}
}

func TestKeys(t *testing.T) {
	if got := Keys(map[string]int{"b": 1, "a": 2, "c": 3}); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Keys = %q", got)
	}
}

func TestPatternNot(t *testing.T) {
	notBlank := &Pattern{Src: `^(?!\s*$).+`, Match: []string{`^.+`}, NotMatch: []string{`^\s*$`}}
	for _, c := range []struct {
		in   string
		fail bool
	}{{"a b", false}, {"   ", true}, {"", true}, {" x ", false}} {
		var e smithy.InvalidParamsError
		Match(&e, "F", c.in, notBlank)
		if (e.Len() > 0) != c.fail {
			t.Errorf("%q: violations %d, want failure %v", c.in, e.Len(), c.fail)
		}
	}
	if notBlank.String() != `^(?!\s*$).+` {
		t.Errorf("String() = %q", notBlank.String())
	}
}
