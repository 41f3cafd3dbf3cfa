// Package botocore converts AWS service models in the botocore JSON format
// (service-2.json, with paginators-1.json and waiters-2.json beside it) into
// Smithy JSON AST documents, so that they load through the same loader as
// Smithy models and give the same IR.
//
// The mapping follows the correspondence between AWS's Smithy models and the
// botocore files generated from them:
//   - Shapes live in the namespace com.amazonaws.<serviceId, lower-cased,
//     letters and digits only>; the service shape is named after
//     targetPrefix, else after the serviceId.
//   - metadata.protocols (else protocol) and jsonVersion select the protocol
//     traits; signingName, serviceId and endpointPrefix give aws.auth#sigv4
//     and aws.api#service.
//   - Members bound with location/locationName get the http binding traits
//     (uri → httpLabel, with the request URI's labels renamed to member
//     names; querystring → httpQuery, or httpQueryParams for a map;
//     header → httpHeader; headers → httpPrefixHeaders; statusCode →
//     httpResponseCode); a body locationName becomes jsonName or xmlName.
//   - A string with an enum list becomes an enum shape whose member names
//     are synthesized from the values as Smithy does, or keeps the enum
//     trait when a value cannot be named.
//   - Every member is optional (no default), as botocore clients send only
//     the members a caller sets: botocore does not say reliably which
//     booleans and numbers are primitives.
//   - Pagination becomes smithy.api#paginated and waiters
//     smithy.waiters#waitable, both applied to the operation from documents
//     of their own whose positions are in their files.
package botocore

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model/internal/jsonw"
)

// Source is one botocore file.
type Source struct {
	Name string
	Data []byte
}

// Doc is a converted Smithy JSON AST document. Pos maps a byte offset of
// JSON to the line and column of the botocore file it came from.
type Doc struct {
	Name  string
	JSON  []byte
	marks []jsonw.Mark
	lines []int
}

// Pos returns the 1-based line and column of the botocore text that
// produced the JSON at offset off, or 0, 0 when none precedes it.
func (d *Doc) Pos(off int) (line, col int) {
	pos, ok := jsonw.Source(d.marks, off)
	if !ok {
		return 0, 0
	}
	return lineCol(d.lines, pos)
}

// Error is a problem in a botocore file.
type Error struct {
	File      string
	Line, Col int
	Shape     string // the shape or operation concerned, if any
	Msg       string
}

func (e *Error) Error() string {
	if e.Shape != "" {
		return fmt.Sprintf("%s:%d:%d: shape %s: %s", e.File, e.Line, e.Col, e.Shape, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found in one conversion, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap exposes each problem to errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Kind says what a botocore file holds.
type Kind uint8

// The botocore file kinds.
const (
	NotBotocore Kind = iota
	Service
	Paginators
	Waiters
)

// Detect tells a botocore file by its content: a service model has
// "operations" and "shapes" objects and a "metadata" object without being
// a Smithy model; paginators have a "pagination" object, waiters a
// "waiters" object.
func Detect(data []byte) Kind {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return NotBotocore
	}
	get := func(key string) gjson.Result { return gjson.GetBytes(data, key) }
	switch {
	case get("smithy").Exists():
		return NotBotocore
	case get("metadata").IsObject() && get("operations").IsObject() && get("shapes").IsObject():
		return Service
	case get("pagination").IsObject():
		return Paginators
	case get("waiters").IsObject() && get("version").Exists():
		return Waiters
	}
	return NotBotocore
}

// Sibling file names read with a service-2.json.
const (
	PaginatorsFile = "paginators-1.json"
	WaitersFile    = "waiters-2.json"
)

// ReadSiblings reads the paginators and waiters files next to the service
// file at path, when present.
func ReadSiblings(path string) (paginators, waiters *Source, err error) {
	dir := filepath.Dir(path)
	read := func(name string) (*Source, error) {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return &Source{Name: p, Data: data}, nil
	}
	if paginators, err = read(PaginatorsFile); err != nil {
		return nil, nil, err
	}
	waiters, err = read(WaitersFile)
	return paginators, waiters, err
}

// Result is a converted service: one document per file (the service's
// first) and the warnings: parts Smithy cannot express, left out.
type Result struct {
	Docs     []Doc
	Warnings ErrorList
}

// Convert converts a service file and, when given, its paginators and
// waiters files. The error is an ErrorList.
func Convert(service Source, paginators, waiters *Source) (*Result, error) {
	c := &converter{}
	svc := c.parse(service)
	if svc == nil {
		return nil, c.errs.err()
	}
	c.readService(svc)
	if c.errs.err() != nil {
		return nil, c.errs.err()
	}
	docs := []Doc{c.emitService(svc)}
	for _, extra := range []struct {
		src  *Source
		kind Kind
	}{{paginators, Paginators}, {waiters, Waiters}} {
		if extra.src == nil {
			continue
		}
		f := c.parse(*extra.src)
		if f == nil {
			continue
		}
		if d, ok := c.convertExtra(f, extra.kind); ok {
			docs = append(docs, d)
		}
	}
	if err := c.errs.err(); err != nil {
		return nil, err
	}
	return &Result{Docs: docs, Warnings: c.warnings}, nil
}

// file is one parsed botocore file.
type file struct {
	name  string
	data  []byte
	root  gjson.Result
	lines []int
}

func (f *file) lineCol(off int) (int, int) { return lineCol(f.lines, off) }

func lineStarts(data []byte) []int {
	lines := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

func lineCol(lines []int, off int) (int, int) {
	i := sort.SearchInts(lines, off+1) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - lines[i] + 1
}

// errs collects conversion errors.
type errs struct{ list ErrorList }

func (e *errs) add(f *file, off int, shape, format string, args ...any) {
	line, col := f.lineCol(off)
	e.list = append(e.list, &Error{File: f.name, Line: line, Col: col, Shape: shape, Msg: fmt.Sprintf(format, args...)})
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	sort.SliceStable(e.list, func(i, j int) bool {
		a, b := e.list[i], e.list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return e.list
}

// parse reads a file as a JSON object.
func (c *converter) parse(src Source) *file {
	f := &file{name: src.Name, data: src.Data, lines: lineStarts(src.Data)}
	if !gjson.ValidBytes(src.Data) {
		off, msg := syntaxError(src.Data)
		c.errs.add(f, off, "", "invalid JSON: %s", msg)
		return nil
	}
	f.root = gjson.ParseBytes(src.Data)
	if !f.root.IsObject() {
		c.errs.add(f, f.root.Index, "", "a botocore file must be a JSON object")
		return nil
	}
	return f
}
