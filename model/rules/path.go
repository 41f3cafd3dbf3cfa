package rules

import (
	"fmt"
	"strings"
)

// Path is a parsed operationContextParams path: the subset of JMESPath the
// rules engine allows (identifiers, sub-expressions, [*] projections,
// multi-select lists, [] flattening and keys()).
type Path struct {
	// Keys: the path selects the keys of the map Inner selects.
	Keys  bool
	Inner *Path
	Steps []PathStep
}

// PathStepKind is the kind of a path step.
type PathStepKind uint8

// Path step kinds.
const (
	StepField   PathStepKind = iota // .Name
	StepProject                     // [*]: the rest applies to each element
	StepFlatten                     // []: merge lists of lists
	StepMulti                       // .[a, b]: the list of each path's value
)

// PathStep is one step of a path.
type PathStep struct {
	Kind  PathStepKind
	Name  string  // StepField
	Multi []*Path // StepMulti
}

// ParsePath parses an operationContextParams path.
func ParsePath(s string) (*Path, error) {
	p := &pathParser{s: s}
	path, err := p.path()
	if err == nil && p.i < len(p.s) {
		err = p.fail("unexpected %q", p.s[p.i:])
	}
	if err != nil {
		return nil, err
	}
	return path, nil
}

type pathParser struct {
	s string
	i int
}

func (p *pathParser) fail(format string, args ...any) error {
	return fmt.Errorf("path %q at offset %d: %s", p.s, p.i, fmt.Sprintf(format, args...))
}

func (p *pathParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *pathParser) path() (*Path, error) {
	p.space()
	if strings.HasPrefix(p.s[p.i:], "keys(") {
		p.i += len("keys(")
		inner, err := p.path()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil, p.fail("keys( has no closing )")
		}
		p.i++
		return &Path{Keys: true, Inner: inner}, nil
	}
	name, err := p.ident()
	if err != nil {
		return nil, err
	}
	path := &Path{Steps: []PathStep{{Kind: StepField, Name: name}}}
	for p.i < len(p.s) {
		switch rest := p.s[p.i:]; {
		case strings.HasPrefix(rest, "[*]"):
			p.i += 3
			path.Steps = append(path.Steps, PathStep{Kind: StepProject})
		case strings.HasPrefix(rest, "[]"):
			p.i += 2
			path.Steps = append(path.Steps, PathStep{Kind: StepFlatten})
		case strings.HasPrefix(rest, ".["):
			p.i += 2
			step := PathStep{Kind: StepMulti}
			for {
				sub, err := p.path()
				if err != nil {
					return nil, err
				}
				step.Multi = append(step.Multi, sub)
				p.space()
				if p.i < len(p.s) && p.s[p.i] == ',' {
					p.i++
					continue
				}
				if p.i < len(p.s) && p.s[p.i] == ']' {
					p.i++
					break
				}
				return nil, p.fail("a multi-select list needs , or ]")
			}
			path.Steps = append(path.Steps, step)
		case rest[0] == '.':
			p.i++
			name, err := p.ident()
			if err != nil {
				return nil, err
			}
			path.Steps = append(path.Steps, PathStep{Kind: StepField, Name: name})
		default:
			return path, nil
		}
	}
	return path, nil
}

func (p *pathParser) ident() (string, error) {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || p.i > start && '0' <= c && c <= '9' {
			p.i++
			continue
		}
		break
	}
	if p.i == start {
		return "", p.fail("want an identifier")
	}
	return p.s[start:p.i], nil
}
