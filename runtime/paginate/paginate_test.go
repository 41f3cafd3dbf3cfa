package paginate

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// callOptions stands for a generated client's Options.
type callOptions struct{ region string }

type listInput struct {
	Token *string
	Size  *int32
	Other string
}

type listOutput struct {
	Next  *string
	Names []string
}

var listSpec = Spec[*listInput, *listOutput, *string]{
	Token:       StringPtr,
	InputToken:  func(in *listInput) **string { return &in.Token },
	OutputToken: func(out *listOutput) *string { return out.Next },
	PageSize:    PageSizePtr(func(in *listInput) **int32 { return &in.Size }),
}

var listItems = func(out *listOutput) []string { return out.Names }

// fakeList serves pages[token]: the next token ("" for none) then names.
// It records the inputs and call options it was called with.
type fakeList struct {
	pages  map[string][]string
	fail   map[string]bool
	inputs []listInput
	opts   []callOptions
}

func (f *fakeList) List(_ context.Context, in *listInput, optFns ...func(*callOptions)) (*listOutput, error) {
	f.inputs = append(f.inputs, *in)
	var o callOptions
	for _, fn := range optFns {
		fn(&o)
	}
	f.opts = append(f.opts, o)
	tok := deref(in.Token)
	if f.fail[tok] {
		return nil, errors.New("fail " + tok)
	}
	p, ok := f.pages[tok]
	if !ok {
		return nil, errors.New("unknown token " + tok)
	}
	out := &listOutput{Names: p[1:]}
	if p[0] != "" {
		out.Next = &p[0]
	}
	return out, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T any](v T) *T { return &v }

func newList(f *fakeList, params *listInput, optFns ...func(*Options[int32])) *ItemPaginator[*callOptions, *listInput, *listOutput, *string, string] {
	return NewItems(f.List, params, &listSpec, listItems, optFns)
}

func TestNextPageThreadsTokenAndLimit(t *testing.T) {
	f := &fakeList{pages: map[string][]string{"start": {"t1", "a"}, "t1": {"", "b"}}}
	in := &listInput{Token: ptr("start"), Size: ptr[int32](7), Other: "kept"}
	p := newList(f, in, func(o *Options[int32]) {
		if o.Limit != 7 {
			t.Errorf("options start with Limit %d, want the input's 7", o.Limit)
		}
		o.Limit++
	})
	var names []string
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background(), func(o *callOptions) { o.region = "r" })
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, page.Names...)
	}
	if strings.Join(names, ",") != "a,b" || len(f.inputs) != 2 {
		t.Fatalf("names %v in %d calls, want a,b in 2", names, len(f.inputs))
	}
	for i, want := range []string{"start", "t1"} {
		got := f.inputs[i]
		if deref(got.Token) != want || deref(got.Size) != 8 || got.Other != "kept" || f.opts[i].region != "r" {
			t.Errorf("call %d: input %+v (size %d), options %+v", i+1, got, deref(got.Size), f.opts[i])
		}
	}
	if *in.Token != "start" || *in.Size != 7 {
		t.Error("the paginator changed the caller's input")
	}
	if _, err := p.NextPage(context.Background()); err == nil || len(f.inputs) != 2 {
		t.Errorf("NextPage after the last page: error %v, %d calls", err, len(f.inputs))
	}
}

func TestOptionalPageSizeUnset(t *testing.T) {
	f := &fakeList{pages: map[string][]string{"": {""}}}
	p := newList(f, nil)
	if _, err := p.NextPage(context.Background()); err != nil {
		t.Fatal(err)
	}
	if in := f.inputs[0]; in.Size != nil || in.Token != nil {
		t.Errorf("input %+v, want no page size and no token", in)
	}
}

func TestTokenOptionsLeavePageSize(t *testing.T) {
	f := &fakeList{pages: map[string][]string{"": {""}}}
	p := New(f.List, &listInput{Size: ptr[int32](3)}, &listSpec, []func(*TokenOptions){})
	if _, err := p.NextPage(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := deref(f.inputs[0].Size); got != 3 {
		t.Errorf("page size %d, want the input's 3", got)
	}
}

func TestFailedCallKeepsState(t *testing.T) {
	f := &fakeList{pages: map[string][]string{"": {"t1", "a"}, "t1": {"", "b"}}, fail: map[string]bool{"t1": true}}
	p := newList(f, nil)
	var got []string
	for name, err := range p.Items(context.Background()) {
		if err != nil {
			if name != "" {
				t.Errorf("item %q yielded with an error", name)
			}
			got = append(got, "error")
			continue
		}
		got = append(got, name)
	}
	if strings.Join(got, ",") != "a,error" {
		t.Errorf("yielded %v, want a,error", got)
	}
	f.fail = nil
	if !p.HasMorePages() {
		t.Fatal("no more pages after a failed call")
	}
	page, err := p.NextPage(context.Background())
	if err != nil || deref(f.inputs[len(f.inputs)-1].Token) != "t1" || page.Names[0] != "b" {
		t.Errorf("retry: page %+v, error %v; want page b sent with t1", page, err)
	}
}

func TestPagesBreakAndResume(t *testing.T) {
	f := &fakeList{pages: map[string][]string{"": {"t1", "a"}, "t1": {"t2", "b"}, "t2": {"", "c"}}}
	p := newList(f, nil)
	for range p.Pages(context.Background()) {
		break
	}
	if len(f.inputs) != 1 {
		t.Fatalf("%d calls after breaking at the first page, want 1", len(f.inputs))
	}
	var names []string
	for name, err := range p.Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if strings.Join(names, ",") != "b,c" || len(f.inputs) != 3 {
		t.Errorf("resumed items %v in %d calls, want b,c in 3", names, len(f.inputs))
	}
}

func TestStopOnDuplicateToken(t *testing.T) {
	for _, stop := range []bool{true, false} {
		f := &fakeList{pages: map[string][]string{"": {"same", "a"}, "same": {"same", "b"}}}
		p := newList(f, nil, func(o *Options[int32]) { o.StopOnDuplicateToken = stop })
		pages := 0
		for _, err := range p.Pages(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			if pages++; pages == 4 {
				break
			}
		}
		want := 2
		if !stop {
			want = 4
		}
		if pages != want {
			t.Errorf("StopOnDuplicateToken=%v: %d pages, want %d", stop, pages, want)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	a, a2, b, empty := ptr("a"), ptr("a"), ptr("b"), ptr("")
	m := Map[map[string]int]()
	cases := []struct {
		name      string
		empty     bool
		same      bool
		wantEmpty bool
		wantSame  bool
	}{
		{"*string nil", StringPtr.empty(nil), StringPtr.same(nil, nil), true, false},
		{"*string empty", StringPtr.empty(empty), StringPtr.same(a, b), true, false},
		{"*string equal", StringPtr.empty(a), StringPtr.same(a, a2), false, true},
		{"string empty", String.empty(""), String.same("a", "b"), true, false},
		{"string equal", String.empty("a"), String.same("a", "a"), false, true},
		{"map empty", m.empty(map[string]int{}), m.same(nil, nil), true, false},
		{"map equal", m.empty(map[string]int{"k": 1}), m.same(map[string]int{"k": 1}, map[string]int{"k": 1}), false, true},
		{"map different", m.empty(nil), m.same(map[string]int{"k": 1}, map[string]int{"k": 2}), true, false},
	}
	for _, c := range cases {
		if c.empty != c.wantEmpty || c.same != c.wantSame {
			t.Errorf("%s: empty %v same %v, want %v %v", c.name, c.empty, c.same, c.wantEmpty, c.wantSame)
		}
	}
}

type keyInput struct {
	Start map[string]string
	Limit int64
}

type keyOutput struct {
	Page *keyPage
}

type keyPage struct {
	Last   map[string]string
	Counts map[string]int
}

var keySpec = Spec[*keyInput, *keyOutput, map[string]string]{
	Token:      Map[map[string]string](),
	InputToken: func(in *keyInput) *map[string]string { return &in.Start },
	OutputToken: func(out *keyOutput) map[string]string {
		if out.Page != nil {
			return out.Page.Last
		}
		return nil
	},
	PageSize: PageSizeValue(func(in *keyInput) *int64 { return &in.Limit }),
}

var keyItems = MapItems(func(out *keyOutput) map[string]int {
	if out.Page != nil {
		return out.Page.Counts
	}
	return nil
})

func TestMapTokenValuePageSizeAndNestedItems(t *testing.T) {
	var inputs []keyInput
	call := func(_ context.Context, in *keyInput, _ ...func(*callOptions)) (*keyOutput, error) {
		inputs = append(inputs, *in)
		if len(in.Start) == 0 {
			return &keyOutput{Page: &keyPage{Last: map[string]string{"k": "1"}, Counts: map[string]int{"a": 1, "b": 2}}}, nil
		}
		return &keyOutput{}, nil
	}
	p := NewItems(call, &keyInput{Limit: 5}, &keySpec, keyItems, []func(*Options[int64]){func(o *Options[int64]) { o.Limit-- }})
	var counts []int
	for n, err := range p.Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		counts = append(counts, n)
	}
	slices.Sort(counts)
	if !slices.Equal(counts, []int{1, 2}) || len(inputs) != 2 || p.HasMorePages() {
		t.Fatalf("counts %v in %d calls (more: %v), want [1 2] in 2", counts, len(inputs), p.HasMorePages())
	}
	if inputs[1].Start["k"] != "1" || inputs[0].Limit != 4 || inputs[1].Limit != 4 {
		t.Errorf("inputs %+v, want limit 4 and the second from key k=1", inputs)
	}
}

// TestNextPageAllocations checks that a page costs the paginator one
// allocation: the copy of the input it sends.
func TestNextPageAllocations(t *testing.T) {
	out := &listOutput{Next: ptr("again")}
	call := func(context.Context, *listInput, ...func(*callOptions)) (*listOutput, error) { return out, nil }
	p := NewItems(call, &listInput{}, &listSpec, listItems, []func(*Options[int32]){func(o *Options[int32]) { o.Limit = 5 }})
	ctx := context.Background()
	if n := testing.AllocsPerRun(100, func() {
		if _, err := p.NextPage(ctx); err != nil {
			t.Fatal(err)
		}
	}); n != 1 {
		t.Errorf("NextPage allocates %v times, want 1", n)
	}
}
