package wire

import (
	"runtime"
	"strconv"
	"testing"
)

func TestArenaNew(t *testing.T) {
	type a struct{ X int }
	type b struct{ X int }
	var ar Arena
	var as []*a
	for i := range 3 * chunkValues {
		p := New[a](&ar)
		if p.X != 0 {
			t.Fatalf("New returned a used value %+v", *p)
		}
		p.X = i
		as = append(as, p)
	}
	pb := New[b](&ar)
	pb.X = -1
	for i, p := range as {
		if p.X != i {
			t.Fatalf("value %d changed to %d", i, p.X)
		}
	}
	if len(ar.slabs) != 2 {
		t.Errorf("%d slabs for 2 types", len(ar.slabs))
	}
	type large struct{ X [512]byte }
	New[large](&ar)
	if c := ar.slabs[2].values; c != 1 {
		t.Errorf("first chunk of a large type holds %d values", c)
	}
	for range 4 * maxChunk / 8 {
		New[a](&ar)
	}
	if c, want := ar.slabs[0].values, maxChunk/8; c != want {
		t.Errorf("chunks grow to %d values, want %d", c, want)
	}
	if p, q := New[struct{}](&ar), New[struct{}](&ar); p == nil || q == nil {
		t.Error("nil pointer to a zero-size value")
	}
}

func TestArenaKeep(t *testing.T) {
	var ar Arena
	if Keep[int](&ar, nil) != nil {
		t.Error("nil list kept as non-nil")
	}
	if s := Keep(&ar, []int{}); s == nil || len(s) != 0 {
		t.Errorf("empty list kept as %#v", s)
	}
	x := Keep(&ar, []int{1, 2})
	y := Keep(&ar, []int{3})
	if cap(x) != 2 || x[0] != 1 || x[1] != 2 || y[0] != 3 {
		t.Fatalf("kept %v (cap %d) and %v", x, cap(x), y)
	}
	_ = append(x, 9)
	if y[0] != 3 {
		t.Error("appending to a kept list wrote over its neighbour")
	}
	big := make([]int, maxChunk)
	big[len(big)-1] = 7
	if k := Keep(&ar, big); len(k) != len(big) || k[len(k)-1] != 7 {
		t.Error("a list larger than a chunk was not kept whole")
	}
}

// TestArenaPointers checks that the collector sees the pointers stored in
// arena values: the strings they point to stay intact across collections.
func TestArenaPointers(t *testing.T) {
	type node struct {
		Name *string
		Next *node
		Tags []string
	}
	var ar Arena
	var head *node
	for i := range 2000 {
		n := New[node](&ar)
		s := strconv.Itoa(i)
		n.Name = &s
		n.Next = head
		n.Tags = Keep(&ar, []string{"t" + s, "u" + s})
		head = n
		if i%500 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	for i, n := 1999, head; n != nil; i, n = i-1, n.Next {
		s := strconv.Itoa(i)
		if *n.Name != s || n.Tags[0] != "t"+s || n.Tags[1] != "u"+s {
			t.Fatalf("node %d holds %q %q", i, *n.Name, n.Tags)
		}
	}
}
