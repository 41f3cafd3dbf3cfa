package idl

import (
	"fmt"
	"strings"
)

// Error is a problem found in an IDL file, located by line and column
// (both 1-based, columns counted in characters).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList holds several errors, in the order they were found.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As reach the individual errors.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// errs collects errors across files.
type errs struct{ list ErrorList }

func (c *errs) add(f *file, pos int32, format string, args ...any) {
	line, col := f.lineCol(pos)
	c.list = append(c.list, &Error{File: f.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil, the single error, or the whole list.
func (c *errs) err() error {
	switch len(c.list) {
	case 0:
		return nil
	case 1:
		return c.list[0]
	}
	return c.list
}
