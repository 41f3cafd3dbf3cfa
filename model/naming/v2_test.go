package naming

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// v2Names holds the exported names of one aws-sdk-go-v2 service package, as
// listed in testdata/v2/<service>.txt.
type v2Names struct {
	model  string                     // model file in models/smithy
	types  map[string]bool            // every exported type
	fields map[string]map[string]bool // struct type → exported fields
	consts map[string]string          // enum type + "\t" + quoted value → constant
}

func loadV2Names(t *testing.T, path string) v2Names {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := v2Names{types: map[string]bool{}, fields: map[string]map[string]bool{}, consts: map[string]string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m, ok := strings.CutPrefix(line, "# model: "); ok {
			n.model = m
		}
		cols := strings.Split(line, "\t")
		switch {
		case cols[0] == "type" && len(cols) == 2:
			n.types[cols[1]] = true
		case cols[0] == "struct" && len(cols) == 3:
			n.types[cols[1]] = true
			n.fields[cols[1]] = map[string]bool{}
			for _, fl := range strings.Fields(cols[2]) {
				n.fields[cols[1]][fl] = true
			}
		case cols[0] == "enum" && len(cols) == 4:
			n.consts[cols[1]+"\t"+cols[3]] = cols[2]
		case !strings.HasPrefix(line, "#"):
			t.Fatalf("%s: bad line %q", path, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n.model == "" {
		t.Fatalf("%s: no '# model:' line", path)
	}
	return n
}

// v2Tally counts computed names found in, and missing from, a v2 package.
type v2Tally struct {
	t              *testing.T
	file           string
	matched        map[string]int
	mismatches     int
	skippedMembers int
}

func (c *v2Tally) check(category string, ok bool, format string, args ...any) {
	if ok {
		c.matched[category]++
		return
	}
	c.mismatches++
	c.t.Errorf("%s: %s: "+format, append([]any{c.file, category}, args...)...)
}

// TestMatchesV2 names every enum constant, struct field, type and union
// member wrapper of a model and checks each name against the package v2
// generated from the same service. v2 is newer than the models, so names v2
// has beyond the model are not checked.
func TestMatchesV2(t *testing.T) {
	shared := sharedDir(t)
	files, err := filepath.Glob(filepath.Join("testdata", "v2", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no v2 testdata: %v", err)
	}
	total := 0
	for _, file := range files {
		v2 := loadV2Names(t, file)
		m := loadModel(t, filepath.Join(shared, "models", "smithy", v2.model))
		c := &v2Tally{t: t, file: filepath.Base(file), matched: map[string]int{}}
		io := m.ioStructs()
		for _, id := range m.sortedIDs() {
			c.shape(m.Shapes[id], id, io, v2)
		}
		sum := 0
		for _, k := range []string{"type", "field", "enum const", "union member"} {
			sum += c.matched[k]
		}
		t.Logf("%s: %d names match v2 (types %d, fields %d, enum consts %d, union members %d), %d mismatches",
			c.file, sum, c.matched["type"], c.matched["field"], c.matched["enum const"], c.matched["union member"], c.mismatches)
		total += sum
	}
	if total == 0 {
		t.Fatal("no names compared")
	}
}

func (c *v2Tally) shape(s shape, id string, io map[string]ioStruct, v2 v2Names) {
	switch s.Type {
	case "structure":
		name, kind := structKind(id, s, io)
		c.check("type", v2.types[name], "structure %s: no v2 type %s", id, name)
		c.fields(name, kind, s, v2)
	case "union":
		name := Exported(shortName(id))
		c.check("type", v2.types[name], "union %s: no v2 type %s", id, name)
		for _, w := range UnionMembers(shortName(id), s.Members.names()) {
			c.check("union member", v2.fields[w]["Value"], "union %s: no v2 wrapper %s", id, w)
		}
	default:
		c.enum(s, id, v2)
	}
}

func (c *v2Tally) fields(name string, kind Kind, s shape, v2 v2Names) {
	have := v2.fields[name]
	for i, f := range Fields(kind, s.Members.names()) {
		c.check("field", have[f], "%s.%s (member %s): not a v2 field", name, f, s.Members[i].Name)
	}
}

func (c *v2Tally) enum(s shape, id string, v2 v2Names) {
	ms, ok, err := enumMembers(s)
	if err != nil {
		c.t.Fatalf("%s: %s: %v", c.file, id, err)
	}
	if !ok {
		return
	}
	name := Exported(shortName(id))
	c.check("type", v2.types[name], "enum %s: no v2 type %s", id, name)
	for i, got := range EnumConsts(name, ms) {
		want, found := v2.consts[name+"\t"+v2Value(s, ms[i].Value)]
		c.check("enum const", found && want == got, "%s member %s = %q: got %s, v2 has %q", name, ms[i].Name, ms[i].Value, got, want)
	}
}
