package templates

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

// corpusProtocols are the protocols whose models the corpus test covers.
var corpusProtocols = map[string]bool{
	"aws.protocols#restJson1": true, "aws.protocols#awsJson1_0": true, "aws.protocols#awsJson1_1": true,
}

// sharedRefDir is the reference data directory: $SMITHY_SHARED, else
// ../shared beside the module root.
func sharedRefDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join(findModuleRoot(t), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data missing (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// TestCorpusTypeDeclsCompile emits the types package and the operation
// inputs and outputs of every JSON-protocol service model and vets them.
func TestCorpusTypeDeclsCompile(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(sharedRefDir(t), "models", "smithy", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir, path := moduleTempDir(t)
	nonIdent := regexp.MustCompile(`[^a-z0-9]`)
	n := 0
	for _, p := range paths {
		m, err := model.LoadFiles(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !jsonProtocol(m) {
			continue
		}
		name := "m" + nonIdent.ReplaceAllString(strings.TrimSuffix(filepath.Base(p), ".json"), "")
		sub := filepath.Join(dir, name)
		writeTypeDecls(t, sub, apiOf(t, m, path+"/"+name))
		n++
	}
	if n < 100 {
		t.Fatalf("only %d JSON-protocol models found", n)
	}
	t.Logf("%d JSON-protocol services emitted", n)
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of %d generated services: %v\n%s", n, err, out)
	}
}

func jsonProtocol(m *model.Model) bool {
	for _, s := range m.Services() {
		for _, p := range s.Traits.Protocols {
			if corpusProtocols[p.ID] {
				return true
			}
		}
	}
	return false
}
