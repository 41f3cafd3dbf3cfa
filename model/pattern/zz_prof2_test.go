package pattern

import "testing"

func BenchmarkZZBig(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Translate("^.{1,100000}$")
	}
}
