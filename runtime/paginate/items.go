package paginate

import (
	"context"
	"iter"
	"maps"
	"slices"
)

// ItemPaginator is a Paginator of an operation whose pages hold a list or
// map of items of type Item, which Items iterates over.
type ItemPaginator[CallOptions, In, Out, Tok, Item any] struct {
	Paginator[CallOptions, In, Out, Tok]
	items func(Out) []Item
}

// NewItems is New for an operation with items: items returns those of a
// page, nil when a structure on their path is nil (see MapItems for items
// held in a map).
func NewItems[CallOptions, I, O, Tok, Item any, Opts OptionsType[Opts]](call func(context.Context, *I, ...func(CallOptions)) (*O, error),
	params *I, spec *Spec[*I, *O, Tok], items func(*O) []Item, optFns []func(*Opts)) *ItemPaginator[CallOptions, *I, *O, Tok, Item] {
	if params == nil {
		params = new(I)
	}
	return &ItemPaginator[CallOptions, *I, *O, Tok, Item]{Paginator: newPaginator(call, params, clone[I], spec, optFns), items: items}
}

// Items returns an iterator over the items of the remaining pages, fetching
// pages as needed. An error is yielded with a zero item and ends the
// iteration; breaking out of the loop stops fetching. The items of a map
// are its values, without their keys, in unspecified order within a page.
func (p *ItemPaginator[CallOptions, In, Out, Tok, Item]) Items(ctx context.Context, optFns ...func(CallOptions)) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for p.HasMorePages() {
			page, err := p.NextPage(ctx, optFns...)
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			for _, item := range p.items(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// MapItems returns the items function of pages whose items are the values
// of the map get returns (nil when a structure on its path is nil).
func MapItems[Out any, M ~map[K]Item, K comparable, Item any](get func(Out) M) func(Out) []Item {
	return func(out Out) []Item { return slices.Collect(maps.Values(get(out))) }
}
