package waiters

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
)

// waitableTrait is the trait that declares an operation's waiters.
const waitableTrait = "smithy.waiters#waitable"

// Spec defaults of a waiter's delays, in seconds.
const (
	defaultMinDelay = 2
	defaultMaxDelay = 120
)

// Waiter is one waiter of the waitable trait.
type Waiter struct {
	Name       string
	Doc        string
	Acceptors  []Acceptor
	MinDelay   int // seconds
	MaxDelay   int // seconds
	Deprecated bool
	Tags       []string
}

// State is an acceptor's target state.
type State string

// Acceptor states.
const (
	Success State = "success"
	Failure State = "failure"
	Retry   State = "retry"
)

// MatcherKind says which member of the matcher union an acceptor sets.
type MatcherKind string

// Matcher kinds.
const (
	MatchOutput      MatcherKind = "output"
	MatchInputOutput MatcherKind = "inputOutput"
	MatchErrorType   MatcherKind = "errorType"
	MatchSuccess     MatcherKind = "success"
)

// Acceptor is one acceptor of a waiter.
type Acceptor struct {
	State   State
	Kind    MatcherKind
	Path    string // output, inputOutput
	Expect  string // output, inputOutput
	Compare string // output, inputOutput: the comparator
	Error   string // errorType
	Success bool   // success
	Message string // JMESPath expression of a failure's message, or ""
}

// Error is a waiter that cannot be generated: a malformed trait or an
// expression the compiler rejects.
type Error struct {
	Pos      model.Pos
	Shape    string // the operation
	Waiter   string
	Acceptor int // index of the acceptor, -1 for the waiter itself
	Path     string
	Offset   int // byte offset in Path, when Path is set
	Msg      string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: shape %s: waiter %s", e.Pos, e.Shape, e.Waiter)
	if e.Acceptor >= 0 {
		fmt.Fprintf(&b, " acceptor %d", e.Acceptor)
	}
	if e.Path != "" {
		fmt.Fprintf(&b, ": path %q at offset %d", e.Path, e.Offset)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

var waiterName = regexp.MustCompile(`^[A-Z]+[A-Za-z0-9]*$`)

var comparators = map[string]bool{"stringEquals": true, "booleanEquals": true, "allStringEquals": true, "anyStringEquals": true}

// Waiters parses the waitable trait of an operation, sorted by name; nil
// when it has none.
func Waiters(op *model.Shape) ([]*Waiter, error) {
	tr, ok := op.Traits.Get(waitableTrait)
	if !ok {
		return nil, nil
	}
	bad := func(w string, acc int, format string, args ...any) error {
		return &Error{Pos: tr.Pos, Shape: op.ID, Waiter: w, Acceptor: acc, Msg: fmt.Sprintf(format, args...)}
	}
	if !tr.Value.IsObject() {
		return nil, bad("", -1, "the waitable trait is not an object")
	}
	var out []*Waiter
	var err error
	tr.Value.ForEach(func(k, v gjson.Result) bool {
		var w *Waiter
		if w, err = parseWaiter(k.Str, v, bad); err != nil {
			return false
		}
		out = append(out, w)
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, bad("", -1, "the waitable trait defines no waiter")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

type badFunc func(w string, acc int, format string, args ...any) error

func parseWaiter(name string, v gjson.Result, bad badFunc) (*Waiter, error) {
	if !waiterName.MatchString(name) {
		return nil, bad(name, -1, "the name is not UpperCamelCase letters and digits")
	}
	if !v.IsObject() {
		return nil, bad(name, -1, "the waiter is not an object")
	}
	w := &Waiter{Name: name, Doc: v.Get("documentation").String(), MinDelay: defaultMinDelay,
		MaxDelay: defaultMaxDelay, Deprecated: v.Get("deprecated").Bool()}
	for _, d := range []struct {
		key string
		to  *int
	}{{"minDelay", &w.MinDelay}, {"maxDelay", &w.MaxDelay}} {
		f := v.Get(d.key)
		if !f.Exists() {
			continue
		}
		if f.Type != gjson.Number || f.Num != float64(int(f.Num)) || f.Num < 1 {
			return nil, bad(name, -1, "%s is not an integer of at least 1", d.key)
		}
		*d.to = int(f.Num)
	}
	if w.MinDelay > w.MaxDelay {
		return nil, bad(name, -1, "minDelay %d is greater than maxDelay %d", w.MinDelay, w.MaxDelay)
	}
	for _, t := range v.Get("tags").Array() {
		w.Tags = append(w.Tags, t.String())
	}
	accs := v.Get("acceptors")
	if !accs.IsArray() || len(accs.Array()) == 0 {
		return nil, bad(name, -1, "the waiter has no acceptors")
	}
	success := false
	for i, a := range accs.Array() {
		acc, err := parseAcceptor(a)
		if err != "" {
			return nil, bad(name, i, "%s", err)
		}
		success = success || acc.State == Success
		w.Acceptors = append(w.Acceptors, acc)
	}
	if !success {
		return nil, bad(name, -1, "no acceptor has the success state")
	}
	return w, nil
}

// parseAcceptor parses an acceptor, or says what is wrong with it.
func parseAcceptor(a gjson.Result) (Acceptor, string) {
	acc := Acceptor{State: State(a.Get("state").String()), Message: a.Get("message").String()}
	switch acc.State {
	case Success, Failure, Retry:
	default:
		return acc, fmt.Sprintf("unknown state %q", a.Get("state").String())
	}
	if acc.Message != "" && acc.State != Failure {
		return acc, "only failure acceptors have a message"
	}
	m := a.Get("matcher")
	var kinds []string
	m.ForEach(func(k, _ gjson.Result) bool { kinds = append(kinds, k.Str); return true })
	if !m.IsObject() || len(kinds) != 1 {
		return acc, "the matcher must set exactly one of output, inputOutput, errorType and success"
	}
	acc.Kind = MatcherKind(kinds[0])
	v := m.Get(kinds[0])
	switch acc.Kind {
	case MatchOutput, MatchInputOutput:
		acc.Path, acc.Expect, acc.Compare = v.Get("path").String(), v.Get("expected").String(), v.Get("comparator").String()
		if !v.Get("path").Exists() || !v.Get("expected").Exists() {
			return acc, "the path matcher needs a path and an expected value"
		}
		if !comparators[acc.Compare] {
			return acc, fmt.Sprintf("unknown comparator %q", acc.Compare)
		}
		if acc.Compare == "booleanEquals" && acc.Expect != "true" && acc.Expect != "false" {
			return acc, fmt.Sprintf("booleanEquals expects \"true\" or \"false\", not %q", acc.Expect)
		}
	case MatchErrorType:
		if v.Type != gjson.String || v.Str == "" {
			return acc, "errorType is not a shape name"
		}
		acc.Error = v.Str
	case MatchSuccess:
		if v.Type != gjson.True && v.Type != gjson.False {
			return acc, "success is not a boolean"
		}
		acc.Success = v.Bool()
	default:
		return acc, fmt.Sprintf("unknown matcher %q", kinds[0])
	}
	return acc, ""
}
