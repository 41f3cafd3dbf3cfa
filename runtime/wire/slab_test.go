package wire

import "testing"

func TestSlabPtr(t *testing.T) {
	var s Slab[int64]
	ptrs := make([]*int64, 1000)
	for i := range ptrs {
		ptrs[i] = s.Ptr(int64(i))
	}
	for i, p := range ptrs {
		if *p != int64(i) {
			t.Fatalf("value %d reads %d", i, *p)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() {
		var s Slab[int64]
		for i := range 512 {
			s.Ptr(int64(i))
		}
	}); allocs > 2+512/chunkValues {
		t.Errorf("512 pointers cost %.0f allocations", allocs)
	}
}

func TestSlabTake(t *testing.T) {
	var s Slab[byte]
	a := s.Take(3)
	b := s.Take(5)
	if len(a) != 3 || cap(a) != 3 || len(b) != 5 || cap(b) != 5 {
		t.Fatalf("len/cap %d/%d and %d/%d, want 3/3 and 5/5", len(a), cap(a), len(b), cap(b))
	}
	copy(b, "hello")
	a = append(a, 'x')
	if string(b) != "hello" {
		t.Fatalf("appending to one taken slice wrote over the next: %q", b)
	}
	big := s.Take(maxChunk)
	if len(big) != maxChunk {
		t.Fatalf("a large take has %d values", len(big))
	}
	for _, c := range s.Take(16) {
		if c != 0 {
			t.Fatal("taken values are not zero")
		}
	}
}
