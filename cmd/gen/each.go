package main

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/smithygen/smithygen/model"
)

// generateEach generates one package per model file, loading each file on
// its own, several at a time. Every file's problems are reported.
func generateEach(o *options) error {
	files, err := model.ExpandPaths(o.models)
	if err != nil {
		return err
	}
	root := o.out
	if root == "" {
		root = "generated"
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = generateOne(o, f, root)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func generateOne(o *options, file, root string) error {
	m, err := model.LoadFiles(file)
	if err != nil {
		return err
	}
	reportWarnings(o, m)
	svc, err := pickService(m, o.service)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	c, err := m.Closure(svc)
	if err != nil {
		return err
	}
	one := *o
	one.out = filepath.Join(root, cmp.Or(o.pkg, c.Package()))
	return emit(&one, c)
}
