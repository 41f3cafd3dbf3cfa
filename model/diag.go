package model

import (
	"fmt"
	"sort"
	"strings"
)

// Source is one loaded model file.
type Source struct {
	Name string
	Data []byte
	// PosFunc, when set, maps a byte offset of Data to a position in another
	// file that Data was converted from (an IDL file, say).
	PosFunc func(off int) (line, col int)
	lines   []int  // offsets of line starts, computed on first use
	version string // the document's "smithy" version
}

// Pos is a position in a source file.
type Pos struct {
	Src *Source
	Off int
}

// LineCol returns the 1-based line and column of p.
func (p Pos) LineCol() (line, col int) {
	if p.Src == nil {
		return 0, 0
	}
	if p.Src.PosFunc != nil {
		return p.Src.PosFunc(p.Off)
	}
	s := p.Src
	if s.lines == nil {
		s.lines = append(s.lines, 0)
		for i, b := range s.Data {
			if b == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	i := sort.SearchInts(s.lines, p.Off+1) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, p.Off - s.lines[i] + 1
}

// String formats p as "file:line:col".
func (p Pos) String() string {
	if p.Src == nil {
		return "<builtin>"
	}
	l, c := p.LineCol()
	return fmt.Sprintf("%s:%d:%d", p.Src.Name, l, c)
}

// Error is a problem found in a model.
type Error struct {
	Pos   Pos
	Shape string // the shape (or member) ID concerned, if any
	Msg   string
}

func (e *Error) Error() string {
	if e.Shape != "" {
		return fmt.Sprintf("%s: shape %s: %s", e.Pos, e.Shape, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// ErrorList is every problem found in one load, in file and offset order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap exposes each problem to errors.As and errors.Is.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// diags collects errors during a load.
type diags struct{ list ErrorList }

func (d *diags) add(pos Pos, shape, format string, args ...any) {
	d.list = append(d.list, &Error{Pos: pos, Shape: shape, Msg: fmt.Sprintf(format, args...)})
}

func (d *diags) err() error {
	if len(d.list) == 0 {
		return nil
	}
	sortErrors(d.list)
	return d.list
}

// sortErrors orders problems by file and offset.
func sortErrors(list []*Error) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		an, bn := "", ""
		if a.Src != nil {
			an = a.Src.Name
		}
		if b.Src != nil {
			bn = b.Src.Name
		}
		if an != bn {
			return an < bn
		}
		return a.Off < b.Off
	})
}
