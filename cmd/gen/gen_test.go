package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tempModule makes a module to generate into and returns its directory.
func tempModule(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runGen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestWriteCheckAndAtomicity generates the default model, checks -check on
// fresh and stale output, and that a failing run leaves the output as it was.
func TestWriteCheckAndAtomicity(t *testing.T) {
	out := filepath.Join(tempModule(t), "gen", "cleanroomsml")
	if code, _, stderr := runGen(t, "-out", out); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	client := filepath.Join(out, "api_client.go")
	data, err := os.ReadFile(client)
	if err != nil || !bytes.Contains(data, []byte("package cleanroomsml")) {
		t.Fatalf("api_client.go: %v", err)
	}
	op, _ := os.ReadFile(filepath.Join(out, "api_op_ListTrainedModels.go"))
	if !bytes.Contains(op, []byte(`"example.com/m/gen/cleanroomsml/types"`)) {
		t.Error("the import path is not derived from the enclosing go.mod")
	}
	if code, _, stderr := runGen(t, "-out", out, "-check"); code != 0 {
		t.Fatalf("-check on fresh output: exit %d: %s", code, stderr)
	}
	if err := os.WriteFile(client, append(data, "// edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runGen(t, "-out", out, "-check")
	if code != 1 || !strings.Contains(stderr, "stale: "+client) {
		t.Fatalf("-check on stale output: exit %d: %s", code, stderr)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"smithy": "2.0", "shapes": {"ex#A": {"type": "strin"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runGen(t, "-model", bad, "-out", out)
	if code != 1 || !strings.HasPrefix(stderr, bad+":1:47: shape ex#A: unknown shape type") {
		t.Fatalf("bad model: exit %d: %q", code, stderr)
	}
	if got, _ := os.ReadFile(client); !bytes.HasSuffix(got, []byte("// edited\n")) {
		t.Error("a failed run changed the previous output")
	}
	if code, _, stderr := runGen(t, "-out", out); code != 0 {
		t.Fatalf("regenerate: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(client); !bytes.Equal(got, data) {
		t.Error("regeneration did not replace the edited file")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftover temporary directories beside the output: %v", entries)
	}
}

func TestListAndAST(t *testing.T) {
	code, out, stderr := runGen(t, "-list")
	if code != 0 || out != "ListTrainedModels\n" {
		t.Fatalf("-list: exit %d, %q, %s", code, out, stderr)
	}
	code, out, _ = runGen(t, "-ast")
	if code != 0 || !strings.Contains(out, `"com.amazonaws.cleanroomsml#ListTrainedModels": {`) {
		t.Fatalf("-ast: exit %d", code)
	}
	if code, _, stderr := runGen(t, "-operations", "Nope", "-list"); code != 1 || !strings.Contains(stderr, `no operation "Nope"`) {
		t.Fatalf("-operations Nope: exit %d: %s", code, stderr)
	}
}

// TestPartitions checks that -partitions builds the given partition table
// into the client's endpoints.go, and that a bad table fails generation.
func TestPartitions(t *testing.T) {
	dir := tempModule(t)
	def := filepath.Join(dir, "def")
	if code, _, stderr := runGen(t, "-out", def); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	table := filepath.Join(dir, "partitions.json")
	data := `{"version": "1.1", "partitions": [{"id": "aws", "regionRegex": "^.*$", "regions": {},
		"outputs": {"name": "aws", "dnsSuffix": "example.test", "dualStackDnsSuffix": "dual.example.test",
		"supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "us-east-1"}}]}`
	if err := os.WriteFile(table, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	custom := filepath.Join(dir, "custom")
	if code, _, stderr := runGen(t, "-out", custom, "-partitions", table); code != 0 {
		t.Fatalf("generate with -partitions: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(filepath.Join(def, "endpoints.go"))
	b, _ := os.ReadFile(filepath.Join(custom, "endpoints.go"))
	if len(a) == 0 || bytes.Equal(a, b) || !bytes.Contains(b, []byte("example.test")) {
		t.Errorf("endpoints.go does not hold the given table")
	}
	if err := os.WriteFile(table, []byte(`{"partitions": 3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runGen(t, "-out", custom, "-partitions", table); code != 1 {
		t.Errorf("a bad partition table: exit %d, want 1", code)
	}
	if code, _, _ := runGen(t, "-out", custom, "-partitions", filepath.Join(dir, "missing.json")); code != 2 {
		t.Errorf("a missing partition table: exit %d, want 2", code)
	}
}
