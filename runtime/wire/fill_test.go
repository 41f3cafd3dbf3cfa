package wire

import (
	"testing"
	"time"
)

func TestFill(t *testing.T) {
	set := "kept"
	var a, b *string
	c := &set
	Fill(&a, &b, &c)
	if a == nil || *a != "" || b == nil || a == b {
		t.Fatalf("nil members not filled with distinct zero values: %v %v", a, b)
	}
	if c != &set {
		t.Fatal("set member replaced")
	}

	var ts *time.Time
	FillTime(&ts)
	if ts == nil || !ts.Equal(time.Unix(0, 0)) || ts.Location() != time.UTC {
		t.Fatalf("time not filled with the epoch in UTC: %v", ts)
	}

	type names []string
	var l names
	kept := names{"x"}
	var blob []byte
	FillList(&l, &kept)
	FillList(&blob)
	if l == nil || len(l) != 0 || len(kept) != 1 || blob == nil {
		t.Fatalf("lists: %#v %#v %#v", l, kept, blob)
	}

	var m map[string]int
	FillMap(&m)
	if m == nil || len(m) != 0 {
		t.Fatalf("map not filled: %#v", m)
	}
}
