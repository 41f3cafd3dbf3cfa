// Package templates emits Go source for a model.API with jennifer: one small
// function per generated declaration. Emitters read names, types and file
// plans from the API; they compute none of their own.
package templates

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
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
	var jobs []emit.Source
	for _, op := range a.Operations {
		f, err := opFile(a, op, proto != nil)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, emit.Source{Path: op.File, File: f})
	}
	for _, p := range plan {
		if p.client && proto == nil {
			continue
		}
		if jf := p.emit(a); jf != nil {
			jobs = append(jobs, emit.Source{Path: p.path, File: jf})
		}
	}
	if proto != nil {
		ep, err := endpointsFile(a, g.Partitions)
		if err != nil {
			return nil, err
		}
		if ep != nil {
			jobs = append(jobs, emit.Source{Path: "endpoints.go", File: ep})
		}
		files, err := proto.Files(a)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, files...)
	}
	out, err := renderAll(jobs)
	if err != nil {
		return nil, err
	}
	sortFiles(out)
	return out, nil
}

// renderAll renders and formats files on every CPU; the result keeps the
// order of jobs. Emitting stays sequential: only formatting, which reads
// nothing shared, runs in parallel.
func renderAll(jobs []emit.Source) ([]File, error) {
	out := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = render(jobs[i].Path, jobs[i].File)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}

// render formats a file once, grouping imports.
func render(name string, f *jen.File) (File, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	src, err := imports.Process(name, buf.Bytes(), &imports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return File{Path: name, Data: src}, nil
}

func sortFiles(fs []File) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Path < fs[j-1].Path; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}
