package idl

import (
	"sort"
	"testing"
)

// BenchmarkProtocolTests converts every protocol test folder, each with the
// shared types and trait definitions.
func BenchmarkProtocolTests(b *testing.B) {
	sets := protocolSets(b)
	names := make([]string, 0, len(sets))
	var size int64
	for name, srcs := range sets {
		names = append(names, name)
		for _, s := range srcs {
			size += int64(len(s.Data))
		}
	}
	sort.Strings(names)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range names {
			if _, err := Convert(sets[name]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
