// Package idl converts Smithy IDL files into Smithy JSON AST documents, so
// that models written in either form load through the same JSON loader.
//
// The conversion follows the IDL specification; where the JSON AST leaves a
// choice, it does this:
//   - A file without $version is version 1.0 ("smithy": "1.0"); 2.0 syntax
//     (mixins, enum shapes, inline input/output, elision, defaults) is
//     rejected in 1.0 files.
//   - Relative shape IDs resolve to a use statement, then to a shape of the
//     current namespace in any of the converted files, then to the prelude,
//     else to the current namespace. Metadata values may only name
//     absolute IDs or prelude shapes.
//   - A trait applied without a value gets {} when its definition is a
//     structure or map, [] for a list or set, null otherwise; {} when no
//     converted file or the prelude defines it.
//   - Apply statements on shapes or members of the same file are merged into
//     them; the others become "apply" entries. A trait repeated on a shape
//     is merged by the trait conflict rules (list traits concatenate, equal
//     values are kept once).
//   - An elided member ($name) found in the bound resource becomes a member
//     with that target; one found in a mixin is inherited, so only its
//     traits are written, as an "apply" entry for Shape$name.
package idl

import "github.com/smithygen/smithygen/model/internal/jsonw"

// Source is one IDL file.
type Source struct {
	Name string
	Data []byte
}

// Doc is one IDL file converted to a JSON AST document.
type Doc struct {
	Name  string
	JSON  []byte
	marks []jsonw.Mark // sorted by JSON offset
	src   *file        // the IDL file, with its line table filled
}

// Pos maps a byte offset in JSON back to the line and column of the IDL
// that produced it; it returns 0, 0 when no IDL position precedes it.
// Doc is read-only: Pos may be called concurrently.
func (d *Doc) Pos(jsonOffset int) (line, col int) {
	pos, ok := jsonw.Source(d.marks, jsonOffset)
	if !ok {
		return 0, 0
	}
	return d.src.lineCol(int32(pos))
}

// Convert parses all files together, so that relative shape IDs resolve
// across them, and returns one Doc per file, in order. The error is an
// *Error or, when there are several, an ErrorList.
func Convert(files []Source) ([]Doc, error) {
	m := &model{}
	mem := &arena{strs: map[string]string{}}
	for _, src := range files {
		f := &file{name: src.Name, src: src.Data}
		if err := parseFile(f, mem); err != nil {
			m.errs.list = append(m.errs.list, err)
		}
		m.files = append(m.files, f)
	}
	if err := m.errs.err(); err != nil {
		return nil, err
	}
	m.index()
	for _, f := range m.files {
		m.uses(f)
	}
	for _, f := range m.files {
		m.resolveFile(f)
	}
	docs := make([]Doc, len(m.files))
	for i, f := range m.files {
		docs[i] = m.emit(f, m.build(f))
	}
	if err := m.errs.err(); err != nil {
		return nil, err
	}
	return docs, nil
}
