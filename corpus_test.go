package smithygen

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
	"github.com/smithygen/smithygen/templates/protocols"
)

// corpusSample is the fixed set of models `go test` builds; `make corpus`
// (SMITHYGEN_CORPUS=all) builds every restJson1 and awsJson model.
var corpusSample = []string{"cleanroomsml", "cleanrooms", "lambda", "dynamodb", "kms", "api-gateway", "glacier", "bedrock-runtime"}

func sharedDir(t *testing.T) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	abs, _ := filepath.Abs(dir)
	return abs
}

// corpusModels lists the models to build: restJson1 and awsJson services.
func corpusModels(t *testing.T) []string {
	dir := filepath.Join(sharedDir(t), "models", "smithy")
	if os.Getenv("SMITHYGEN_CORPUS") != "all" {
		var out []string
		for _, n := range corpusSample {
			out = append(out, filepath.Join(dir, n+".json"))
		}
		return out
	}
	all, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	return all
}

// TestCorpus generates a package for each corpus model into a scratch module
// that requires this one, then builds and vets them all. Every service on a
// supported protocol must get a client.
func TestCorpus(t *testing.T) {
	work := scratchModule(t, "corpus")
	built, clients := 0, map[string]int{}
	for _, path := range corpusModels(t) {
		m, err := model.LoadFiles(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		svc := m.Services()[0]
		c, err := m.Closure(svc)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		pkgDir := strings.ReplaceAll(name, "-", "")
		api, err := templates.BuildAPI(c, "corpus/"+pkgDir, "")
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		files, err := templates.Files(api)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		again, err := templates.Files(api)
		if err != nil || !sameFiles(files, again) {
			t.Errorf("%s: a second run generated different output", path)
		}
		hasClient := false
		for _, f := range files {
			if gofmt, err := format.Source(f.Data); err != nil || !bytes.Equal(gofmt, f.Data) {
				t.Errorf("%s: %s is not as gofmt leaves it (%v)", path, f.Path, err)
			}
			writeOrFail(t, filepath.Join(work, pkgDir, f.Path), f.Data)
			hasClient = hasClient || f.Path == "api_client.go"
		}
		if p := protocols.For(svc); p != nil {
			if !hasClient {
				t.Errorf("%s: no client generated for %s", path, p.ID())
			}
			clients[p.ID()]++
		}
		built++
	}
	t.Logf("generated %d packages; clients by protocol: %v", built, clients)
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

func writeOrFail(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameFiles(a, b []templates.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || string(a[i].Data) != string(b[i].Data) {
			return false
		}
	}
	return true
}
