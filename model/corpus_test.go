package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// rawModel is a minimal independent reading of a JSON AST model, used to
// count a service's operations without the loader.
type rawModel struct {
	Shapes map[string]map[string]json.RawMessage `json:"shapes"`
}

type rawRef struct {
	Target string `json:"target"`
}

// independentOpCount walks service and resource bindings with encoding/json.
func independentOpCount(t *testing.T, data []byte) (string, int) {
	var m rawModel
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	ops := map[string]bool{}
	seen := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		s := m.Shapes[id]
		for _, k := range []string{"operations", "collectionOperations"} {
			var refs []rawRef
			_ = json.Unmarshal(s[k], &refs)
			for _, r := range refs {
				ops[r.Target] = true
			}
		}
		for _, k := range []string{"create", "put", "read", "update", "delete", "list"} {
			var r rawRef
			if json.Unmarshal(s[k], &r) == nil && r.Target != "" {
				ops[r.Target] = true
			}
		}
		var res []rawRef
		_ = json.Unmarshal(s["resources"], &res)
		for _, r := range res {
			walk(r.Target)
		}
	}
	svc := ""
	for id, s := range m.Shapes {
		if string(s["type"]) == `"service"` {
			svc = id
		}
	}
	walk(svc)
	return svc, len(ops)
}

func TestCorpusLoads(t *testing.T) {
	files := corpusFiles(t)
	if len(files) != 137 {
		t.Errorf("found %d models, want 137", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Load(&Source{Name: f, Data: data})
			if err != nil {
				t.Fatal(err)
			}
			svcID, want := independentOpCount(t, data)
			c, err := m.Closure(m.Shape(svcID))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Operations) != want {
				t.Errorf("closure has %d operations, independent count %d", len(c.Operations), want)
			}
			checkInvariants(t, m, c)
		})
	}
}

func checkInvariants(t *testing.T, m *Model, c *Closure) {
	for _, s := range m.Shapes {
		for _, mem := range s.Members {
			if mem.Target == nil || mem.Target.Type == InvalidType || m.Shape(mem.Target.ID) != mem.Target {
				t.Errorf("%s: unresolved target", mem.ID())
			}
		}
		if s.Type == Enum || s.Type == IntEnum {
			seen := map[string]bool{}
			for _, mem := range s.Members {
				v := mem.Name
				if ev := mem.Traits.EnumValue; ev != nil {
					v = ev.Raw
				}
				if seen[v] {
					t.Errorf("%s: duplicate enum value %s", s.ID, v)
				}
				seen[v] = true
			}
		}
	}
	for _, op := range c.Operations {
		p := c.Paginated(op)
		if p == nil {
			continue
		}
		checkPaginated(t, op, p)
	}
}

func checkPaginated(t *testing.T, op *Shape, p *Paginated) {
	tokenTypes := func(s *Shape) bool { return s.Type == String || s.Type == Map }
	if in := memberPath(op.Input, p.InputToken); in == nil || !tokenTypes(in.Target) {
		t.Errorf("%s: inputToken %q missing or not a string", op.ID, p.InputToken)
	}
	if out := memberPath(op.Output, p.OutputToken); out == nil || !tokenTypes(out.Target) {
		t.Errorf("%s: outputToken %q missing or not a string", op.ID, p.OutputToken)
	}
	if p.PageSize != "" {
		if ps := memberPath(op.Input, p.PageSize); ps == nil || !ps.Target.Type.IsNumber() {
			t.Errorf("%s: pageSize %q missing or not a number", op.ID, p.PageSize)
		}
	}
	if p.Items != "" {
		if it := memberPath(op.Output, p.Items); it == nil || (it.Target.Type != List && it.Target.Type != Map) {
			t.Errorf("%s: items %q missing or not a collection", op.ID, p.Items)
		}
	}
}
