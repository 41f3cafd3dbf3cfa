// Package pattern translates the ECMA-262 regular expressions of Smithy's
// @pattern trait into Go regular expressions (RE2).
//
// A pattern matches a string when it finds a match anywhere in it, as
// RegExp.prototype.test does. Translation keeps ECMAScript's meanings: \d
// and \w are ASCII, \s and . follow ECMAScript's white space and line
// terminators, $ is the end of input. Code points are matched whole, as in
// ECMAScript's Unicode mode, and \p{...} names Unicode properties; a
// character class that lists both high and low surrogate code units admits
// every supplementary character. Java constructs found in AWS models (\A,
// \z, \p{Print} and the other POSIX names, "&&[...]" class intersection,
// inline flags, possessive quantifiers) keep their Java meaning.
//
// Lookarounds, which RE2 lacks, are rewritten where their meaning allows
// (see eliminate), some into further expressions; Match[0] is the main
// one. Counts above RE2's limit of 1000 are split.
package pattern

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Pattern is an ECMA-262 pattern translated to Go regexps: a string matches when it
// matches every expression in Match and none in NotMatch.
type Pattern struct {
	Match    []string
	NotMatch []string
}

// Translate translates an ECMA-262 pattern. It reports constructs RE2
// cannot express, such as backreferences or a lookahead whose position in
// a match is not known.
func Translate(ecma string) (*Pattern, error) {
	p, err := translate(ecma)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", ecma, err)
	}
	return p, nil
}

func translate(ecma string) (*Pattern, error) {
	if !utf8.ValidString(ecma) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	root, err := parse(ecma)
	if err != nil {
		return nil, err
	}
	main, checks, err := eliminate(root)
	if err != nil {
		return nil, err
	}
	p := &Pattern{}
	s, err := emit(main)
	if err != nil {
		return nil, err
	}
	p.Match = append(p.Match, s)
	for _, c := range checks {
		s, err := emit(c.re)
		if err != nil {
			return nil, err
		}
		if c.neg {
			p.NotMatch = appendNew(p.NotMatch, s)
		} else {
			p.Match = appendNew(p.Match, s)
		}
	}
	for _, list := range [][]string{p.Match, p.NotMatch} {
		for _, s := range list {
			if _, err := regexp.Compile(s); err != nil {
				return nil, compileError(err)
			}
		}
	}
	return p, nil
}

// compileError reports why RE2 rejects a translation, without quoting it.
func compileError(err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Errorf("RE2 rejects the translation: %s", se.Code)
	}
	return err
}

func appendNew(list []string, s string) []string {
	for _, t := range list {
		if t == s {
			return list
		}
	}
	return append(list, s)
}

// MatchString reports whether s matches p. It compiles p's expressions on
// every call; an expression that does not compile matches nothing.
func (p *Pattern) MatchString(s string) bool {
	for _, m := range p.Match {
		re, err := regexp.Compile(m)
		if err != nil || !re.MatchString(s) {
			return false
		}
	}
	for _, m := range p.NotMatch {
		re, err := regexp.Compile(m)
		if err != nil || re.MatchString(s) {
			return false
		}
	}
	return true
}
