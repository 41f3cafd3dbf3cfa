package templates

import (
	"regexp"
	"strings"
	"testing"
)

func TestValidatorsConstraintKinds(t *testing.T) {
	s := generated(t)
	s.wantPassed(t, "validation", "validators_test.go")
	src := s.file(t, "validation", "validators.go")
	helpers := regexp.MustCompile(`(?m)^func (validate\w+)\(`).FindAllStringSubmatch(src, -1)
	var names []string
	for _, h := range helpers {
		names = append(names, h[1])
	}
	want := "validateOpCheckAllInput validateOpNothingInput validateChoice validateInner validateItem validateNode"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("functions %s, want %s", got, want)
	}
	// NameString's pattern is used by three members, compiled once.
	if n := strings.Count(src, " = validate.Pattern{"); n != 3 {
		t.Errorf("%d pattern variables, want 3", n)
	}
}

func TestValidatorsDefaultModel(t *testing.T) {
	generated(t).wantPassed(t, "cleanroomsml", "validators_test.go")
}
