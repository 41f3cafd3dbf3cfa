package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
)

// BenchmarkEval interprets Clean Rooms ML's rule set (FIPS in us-east-1)
// without the resolver's cache.
func BenchmarkEval(b *testing.B) {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	m, err := model.LoadFiles(filepath.Join(dir, "models", "smithy", "cleanroomsml.json"))
	if err != nil {
		b.Fatal(err)
	}
	rs, err := rules.Load(m.Services()[0])
	if err != nil {
		b.Fatal(err)
	}
	parts, _ := rt.DefaultPartitions()
	args := make([]rt.Value, len(rs.Params))
	for i, p := range rs.Params {
		switch p.Name {
		case "Region":
			args[i] = rt.Str("us-east-1")
		case "UseFIPS":
			args[i] = rt.Boolean(true)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rs.Program.Eval(args, parts); err != nil {
			b.Fatal(err)
		}
	}
}
