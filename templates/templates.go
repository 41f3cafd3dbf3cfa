// Package templates emits Go source for a model.API with jennifer: one small
// function per generated declaration. Emitters read names, types and file
// plans from the API; they compute none of their own.
package templates

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/imports"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/eventstreams"
	"github.com/smithygen/smithygen/templates/protocols"
)

// File is one generated file, formatted, with a path relative to the root
// package's directory.
type File struct {
	Path string
	Data []byte
}

// emitter builds one file; it returns nil when the API needs no such file.
type emitter func(a *model.API) *jen.File

// BuildAPI builds the Go view of a closure for the protocol its client
// speaks (see protocols.For); a service on no supported protocol gets its
// types, inputs, outputs and validators only.
func BuildAPI(c *model.Closure, importPath, pkg string) (*model.API, error) {
	var b model.Bindings
	if p := protocols.For(c.Service); p != nil {
		b = p.Bindings()
	}
	return model.BuildAPI(c, importPath, pkg, b)
}

// Generator holds the settings of code generation beyond the model.
type Generator struct {
	// Partitions is a partitions.json that endpoint resolvers build in
	// instead of runtime/rules' default table; nil selects the default.
	Partitions []byte
}

// Files emits every file of the API with the default settings.
func Files(a *model.API) ([]File, error) { return Generator{}.Files(a) }

// Files emits every file of the API, sorted by path: the protocol-neutral
// declarations, and, when the API has a client, its endpoint resolution and
// the protocol's serializers and deserializers.
func (g Generator) Files(a *model.API) ([]File, error) {
	r := startRender()
	err := g.emit(a, r.add)
	files, rerr := r.wait()
	if err != nil {
		return nil, err
	}
	return files, rerr
}

// emit builds the API's files one after another, handing each to add.
func (g Generator) emit(a *model.API, add func(emit.Source)) error {
	proto := protocols.Lookup(a.Protocol)
	plan := []struct {
		path   string
		emit   emitter
		client bool // needs the service's protocol
	}{
		{"api_client.go", clientFile, true},
		{"eventstream.go", eventstreams.File, true},
		{"validators.go", validatorsFile, false},
		{"doc.go", docFile, false},
		{"types/types.go", typesFile, false},
		{"types/enums.go", enumsFile, false},
		{"types/errors.go", errorsFile, false},
	}
	for _, op := range a.Operations {
		f, err := opFile(a, op, proto != nil)
		if err != nil {
			return err
		}
		add(emit.Source{Path: op.File, File: f})
	}
	for _, p := range plan {
		if p.client && proto == nil {
			continue
		}
		if jf := p.emit(a); jf != nil {
			add(emit.Source{Path: p.path, File: jf})
		}
	}
	if proto == nil {
		return nil
	}
	ep, err := endpointsFile(a, g.Partitions)
	if err != nil {
		return err
	}
	if ep != nil {
		add(emit.Source{Path: "endpoints.go", File: ep})
	}
	files, err := proto.Files(a)
	for _, f := range files {
		add(f)
	}
	return err
}

// renderer formats files on every CPU while the next ones are emitted.
// Emitting stays on one goroutine; formatting reads only its own file.
type renderer struct {
	next chan emit.Source
	wg   sync.WaitGroup
	mu   sync.Mutex
	out  []File
	errs []error
}

func startRender() *renderer {
	r := &renderer{next: make(chan emit.Source, 16)}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for s := range r.next {
				f, err := render(s.Path, s.File)
				r.mu.Lock()
				if err != nil {
					r.errs = append(r.errs, err)
				} else {
					r.out = append(r.out, f)
				}
				r.mu.Unlock()
			}
		}()
	}
	return r
}

func (r *renderer) add(s emit.Source) { r.next <- s }

// wait returns the formatted files sorted by path, or the errors, ordered
// by message so that the report does not depend on scheduling.
func (r *renderer) wait() ([]File, error) {
	close(r.next)
	r.wg.Wait()
	if len(r.errs) > 0 {
		slices.SortFunc(r.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(r.errs...)
	}
	slices.SortFunc(r.out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return r.out, nil
}

// render formats a file once. imports.Process groups the imports, on the
// file's head alone (comments, package clause, import declarations), as it
// parses and prints its input twice; go/format then formats the whole file
// in one pass.
func render(name string, f *jen.File) (File, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	src := buf.Bytes()
	n := headLen(src)
	head, err := imports.Process(name, src[:n], &imports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	out, err := format.Source(append(head, src[n:]...))
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return File{Path: name, Data: out}, nil
}

// headLen is the length of the unformatted file's head: everything up to
// the end of the import declarations jennifer writes after the package
// clause, as one block "import (...)" or one line "import ...".
func headLen(src []byte) int {
	i := bytes.Index(src, []byte("\npackage "))
	if i < 0 && bytes.HasPrefix(src, []byte("package ")) {
		i = 0
	}
	if i < 0 {
		return len(src)
	}
	end := i + 1 + bytes.IndexByte(src[i+1:], '\n') + 1 // after the package line
	for bytes.HasPrefix(src[end:], []byte("\n")) {
		end++
	}
	switch rest := src[end:]; {
	case bytes.HasPrefix(rest, []byte("import (\n")):
		if j := bytes.Index(rest, []byte("\n)\n")); j >= 0 {
			return end + j + 3
		}
		return len(src)
	case bytes.HasPrefix(rest, []byte("import ")):
		return end + bytes.IndexByte(rest, '\n') + 1
	}
	return end
}
