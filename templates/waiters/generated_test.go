package waiters_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/templates"
)

// TestGeneratedWaiters generates the Lambda and DynamoDB packages of the
// shared corpus and runs the tests of testdata against their waiters:
// Lambda's against a generated client and a local HTTP server, DynamoDB's
// (which has no client yet) against a fake DescribeTableAPIClient.
func TestGeneratedWaiters(t *testing.T) {
	dir, prefix := scratchDir(t)
	for _, name := range []string{"lambda", "dynamodb"} {
		a := loadAPI(t, prefix+"/"+name, readModel(t, filepath.Join(sharedDir(t), "models", "smithy", name+".json")))
		files, _, err := generate(a)
		if err != nil {
			t.Fatal(err)
		}
		test, err := os.ReadFile(filepath.Join("testdata", name+"_waiters_test.go.tmpl"))
		if err != nil {
			t.Fatal(err)
		}
		src := strings.ReplaceAll(string(test), "PKGPATH", a.ImportPath)
		files = append(files, templates.File{Path: "waiters_test.go", Data: []byte(src)})
		writeFiles(t, filepath.Join(dir, name), files)
	}
	out := goCmd(t, dir, "test", "-count=1", "-v", "./lambda", "./dynamodb")
	for _, want := range []string{"--- PASS: TestFunctionActiveSuccess", "--- PASS: TestTableExists"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
