package model

import (
	"fmt"
	"path/filepath"

	"github.com/smithygen/smithygen/model/botocore"
)

// botoFiles collects the botocore files of one LoadFiles call: service
// files, and the paginators and waiters files named explicitly, by
// directory.
type botoFiles struct {
	services []botocore.Source
	extras   map[string]map[botocore.Kind]*botocore.Source
}

// add takes a file that is botocore JSON and reports whether it was.
func (b *botoFiles) add(path string, data []byte) bool {
	kind := botocore.Detect(data)
	switch kind {
	case botocore.NotBotocore:
		return false
	case botocore.Service:
		b.services = append(b.services, botocore.Source{Name: path, Data: data})
	default:
		if b.extras == nil {
			b.extras = map[string]map[botocore.Kind]*botocore.Source{}
		}
		dir := filepath.Dir(path)
		if b.extras[dir] == nil {
			b.extras[dir] = map[botocore.Kind]*botocore.Source{}
		}
		b.extras[dir][kind] = &botocore.Source{Name: path, Data: data}
	}
	return true
}

// convert converts each service with its paginators and waiters: those
// given for its directory, else the files beside it.
func (b *botoFiles) convert() ([]*Source, []*Error, error) {
	var srcs []*Source
	var warnings []*Error
	used := map[string]bool{}
	for _, svc := range b.services {
		dir := filepath.Dir(svc.Name)
		pag, wait, err := botocore.ReadSiblings(svc.Name)
		if err != nil {
			return nil, nil, err
		}
		if x := b.extras[dir]; x != nil {
			used[dir] = true
			if x[botocore.Paginators] != nil {
				pag = x[botocore.Paginators]
			}
			if x[botocore.Waiters] != nil {
				wait = x[botocore.Waiters]
			}
		}
		res, err := botocore.Convert(svc, pag, wait)
		if err != nil {
			return nil, nil, err
		}
		for i := range res.Docs {
			d := &res.Docs[i]
			srcs = append(srcs, &Source{Name: d.Name, Data: d.JSON, PosFunc: d.Pos})
		}
		for _, w := range res.Warnings {
			warnings = append(warnings, &Error{Pos: Pos{Src: &Source{Name: w.File, PosFunc: fixedPos(w.Line, w.Col)}},
				Shape: w.Shape, Msg: w.Msg})
		}
	}
	for dir, x := range b.extras {
		if used[dir] {
			continue
		}
		for _, src := range x {
			return nil, nil, ErrorList{{Pos: Pos{Src: &Source{Name: src.Name, Data: src.Data}},
				Msg: fmt.Sprintf("a botocore %s needs the service-2.json of its directory", filepath.Base(src.Name))}}
		}
	}
	return srcs, warnings, nil
}

// fixedPos is a PosFunc for a position known by line and column.
func fixedPos(line, col int) func(int) (int, int) {
	return func(int) (int, int) { return line, col }
}

// dropBotocoreSiblings leaves out the paginators and waiters files that sit
// beside a service-2.json.
func dropBotocoreSiblings(files []string) []string {
	services := map[string]bool{}
	for _, f := range files {
		if filepath.Base(f) == "service-2.json" {
			services[filepath.Dir(f)] = true
		}
	}
	out := files[:0:0]
	for _, f := range files {
		base := filepath.Base(f)
		if services[filepath.Dir(f)] && (base == botocore.PaginatorsFile || base == botocore.WaitersFile) {
			continue
		}
		out = append(out, f)
	}
	return out
}
