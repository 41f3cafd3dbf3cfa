package fuzz

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// bodySize is the size of the bodies the memory test decodes.
const bodySize = 100 << 20

// fill returns open + n copies of each (comma separated) + close, with n
// chosen for a body of about size bytes.
func fill(open, each, close string, size int) []byte {
	n := (size - len(open) - len(close)) / (len(each) + 1)
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(open)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(each)
	}
	b.WriteString(close)
	return b.Bytes()
}

// TestMemoryBound checks that the heap a call allocates, the body it
// reads included, stays within a constant factor of the body's size for
// 100 MB bodies of every kind of content.
func TestMemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 100 MB bodies")
	}
	item := `{"pk":{"S":"customer#00000001"},"sk":{"N":"1"},"avatar":{"B":"AAECAwQFBgcICQ=="},"active":{"BOOL":true},` +
		`"deleted":{"NULL":true},"tags":{"SS":["gold","priority"]},"scores":{"NS":["1","2.5"]},"keys":{"BS":["AQI="]},` +
		`"address":{"M":{"street":{"S":"1 Main Street"},"city":{"S":"Springfield"},"geo":{"L":[{"N":"52.52"},{"N":"13.405"}]}}},` +
		`"orders":{"L":[{"S":"o-1"},{"N":"19.99"},{"M":{"id":{"S":"o-1-1"}}}]}}`
	cases := []struct {
		name  string
		body  []byte
		bound float64 // allocated bytes per body byte
	}{
		// Typical items: Go maps of interface values are the bulk.
		// Bounds: the transport reads a body of unknown or large size with
		// io.ReadAll (2.4 bytes per byte); values no larger than their text
		// (long strings, blobs, skipped members, dropped nulls) add little;
		// element-dense lists and maps of interface values add up to their
		// size over their text's, twice over while a list grows.
		{"items", fill(`{"Items":[`, item, `]}`, bodySize), 8},
		{"strings", fill(`{"Items":[{"s":{"SS":[`, `"`+strings.Repeat("x", 30)+`"`, `]}}]}`, bodySize), 6},
		{"escaped strings", fill(`{"Items":[{"s":{"SS":[`, `"\u00e9\n`+strings.Repeat("y", 20)+`"`, `]}}]}`, bodySize), 8},
		{"one string", []byte(`{"Items":[{"s":{"S":"` + strings.Repeat("z", bodySize) + `"}}]}`), 4},
		{"one blob", []byte(`{"Items":[{"b":{"B":"` + strings.Repeat("QUJD", bodySize/4) + `"}}]}`), 4},
		{"numbers", fill(`{"Items":[{"n":{"NS":[`, `"12345"`, `]}}]}`, bodySize), 12},
		{"nulls", fill(`{"Items":[`, `null`, `]}`, bodySize), 4},
		{"skipped", fill(`{"Unknown":[`, `{"a":[1,2,{"b":"c"}]}`, `],"Count":1}`, bodySize), 4},
		{"small values", fill(`{"Items":[{"l":{"L":[`, `{"BOOL":true}`, `]}}]}`, bodySize), 8},
	}
	for _, c := range cases {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := checkCall(t, ddbCalls[1], response{status: 200, body: c.body})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(c.body))
		t.Logf("%-16s %6.1f MB body, %5.2f bytes allocated per body byte", c.name, float64(len(c.body))/(1<<20), ratio)
		if ratio > c.bound {
			t.Errorf("%s: %.2f bytes allocated per body byte, more than %v", c.name, ratio, c.bound)
		}
	}
}
