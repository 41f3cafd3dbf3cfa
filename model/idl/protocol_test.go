package idl

import (
	"encoding/json"
	"sort"
	"testing"
)

// TestProtocolTests converts each protocol test folder together with the
// shared types and the trait definitions.
func TestProtocolTests(t *testing.T) {
	sets := protocolSets(t)
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			srcs := sets[name]
			docs, err := Convert(srcs)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(srcs) {
				t.Fatalf("got %d documents for %d files", len(docs), len(srcs))
			}
			shapes := 0
			for _, d := range docs {
				var v struct {
					Smithy string                     `json:"smithy"`
					Shapes map[string]json.RawMessage `json:"shapes"`
				}
				if err := json.Unmarshal(d.JSON, &v); err != nil {
					t.Fatalf("%s: invalid JSON: %v", d.Name, err)
				}
				if v.Smithy == "" {
					t.Errorf("%s: no smithy version", d.Name)
				}
				shapes += len(v.Shapes)
			}
			t.Logf("%d files, %d shapes", len(docs), shapes)
		})
	}
}
