package model

import (
	"path/filepath"
	"testing"
)

// TestDefaultModelMatchesFullModel compares the embedded model with the same
// slice of the full Clean Rooms ML model on everything code generation uses:
// shapes, types, members, targets, member order and every trait but
// documentation.
func TestDefaultModelMatchesFullModel(t *testing.T) {
	small, err := Load(DefaultSource())
	if err != nil {
		t.Fatal(err)
	}
	full, err := LoadFiles(filepath.Join(sharedDir(t), "models", "smithy", "cleanroomsml.json"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := small.Closure(small.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	fc, err := full.Closure(full.Services()[0], "ListTrainedModels")
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Operations) != 1 || sc.Operations[0].ID != fc.Operations[0].ID {
		t.Fatalf("default model operations = %v", sc.Operations)
	}
	compareShape(t, sc.Operations[0], fc.Operations[0])
	compareTraits(t, sc.Service.ID, sc.Service.Traits.All, fc.Service.Traits.All)
	if len(sc.Shapes) != len(fc.Shapes) {
		t.Errorf("closure has %d shapes, full model slice %d", len(sc.Shapes), len(fc.Shapes))
	}
	for i := range min(len(sc.Shapes), len(fc.Shapes)) {
		compareShape(t, sc.Shapes[i], fc.Shapes[i])
	}
}

func compareShape(t *testing.T, a, b *Shape) {
	t.Helper()
	if a.ID != b.ID || a.Type != b.Type {
		t.Errorf("shape %s (%s) vs %s (%s)", a.ID, a.Type, b.ID, b.Type)
		return
	}
	compareTraits(t, a.ID, a.Traits.All, b.Traits.All)
	if len(a.Members) != len(b.Members) {
		t.Errorf("%s: %d members, want %d", a.ID, len(a.Members), len(b.Members))
		return
	}
	for i, m := range a.Members {
		o := b.Members[i]
		if m.Name != o.Name || m.Target.ID != o.Target.ID {
			t.Errorf("%s: member %d is %s→%s, want %s→%s", a.ID, i, m.Name, m.Target.ID, o.Name, o.Target.ID)
			continue
		}
		compareTraits(t, m.ID(), m.Traits.All, o.Traits.All)
	}
	if a.Type == Operation {
		if a.Input.ID != b.Input.ID || a.Output.ID != b.Output.ID || len(a.Errors) != len(b.Errors) {
			t.Errorf("%s: input, output or errors differ", a.ID)
		}
	}
}

func compareTraits(t *testing.T, owner string, a, b []Trait) {
	t.Helper()
	strip := func(ts []Trait) map[string]Trait {
		m := map[string]Trait{}
		for _, tr := range ts {
			if tr.ID != "smithy.api#documentation" {
				m[tr.ID] = tr
			}
		}
		return m
	}
	am, bm := strip(a), strip(b)
	for id, tr := range bm {
		got, ok := am[id]
		switch {
		case !ok:
			t.Errorf("%s: trait %s missing", owner, id)
		case !jsonEqual(got.Value, tr.Value):
			t.Errorf("%s: trait %s = %s, want %s", owner, id, got.Value.Raw, tr.Value.Raw)
		}
	}
	for id := range am {
		if _, ok := bm[id]; !ok {
			t.Errorf("%s: extra trait %s", owner, id)
		}
	}
}
