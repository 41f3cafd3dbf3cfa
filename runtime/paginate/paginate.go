// Package paginate is the runtime of generated paginators. It gives every
// paginated operation aws-sdk-go-v2's paginator API (New<Op>Paginator,
// HasMorePages, NextPage, <Op>PaginatorOptions with Limit and
// StopOnDuplicateToken) plus Pages and Items iterators, while a generated
// package declares only aliases and a Spec per operation:
//
//	type ListThingsPaginatorOptions = paginate.Options[int32]
//	type ListThingsPaginator = paginate.ItemPaginator[*Options, *ListThingsInput, *ListThingsOutput, *string, types.Thing]
//
//	func NewListThingsPaginator(client ListThingsAPIClient, params *ListThingsInput, optFns ...func(*ListThingsPaginatorOptions)) *ListThingsPaginator {
//		return paginate.NewItems(client.ListThings, params, &paginatorListThings, itemsListThings, optFns)
//	}
//
// The Spec says how the operation's input and output carry the token (a
// *string, string or map) and, when it has one, the page size. Operations
// without a page size use TokenOptions instead of Options; operations
// without items get a Paginator (no Items method) from New.
//
// Code that uses a generated package needs none of this: it calls
// New<Op>Paginator and ranges over Pages or Items, or loops on HasMorePages
// and NextPage. A paginator is not safe for concurrent use.
package paginate

import (
	"context"
	"errors"
	"iter"
)

// Spec describes how an operation paginates. In and Out are pointers to its
// input and output structures, and Tok is the Go type of its input token.
// Specs are package-level values of generated code, shared by all the
// paginators of the operation.
type Spec[In, Out, Tok any] struct {
	// Token says when a token ends pagination and when two tokens are
	// equal: StringPtr, String or Map.
	Token TokenKind[Tok]
	// InputToken returns the address of the input's token member.
	InputToken func(In) *Tok
	// OutputToken returns the output's next token, or the zero token when
	// a structure on its path is nil.
	OutputToken func(Out) Tok
	// PageSize is the input's page size member; its zero value means the
	// operation has none.
	PageSize PageSize[In]
}

// Paginator fetches the pages of an operation one call at a time. The
// first call sends the input's own token; each later call sends the token
// of the previous page, until a page returns no token. CallOptions, In and
// Out are pointers to the client's options (which NextPage passes to
// every call) and to the operation's input and output structures.
type Paginator[CallOptions, In, Out, Tok any] struct {
	call     func(context.Context, In, ...func(CallOptions)) (Out, error)
	params   In
	clone    func(In) In // copies params for a call
	spec     *Spec[In, Out, Tok]
	next     Tok
	setLimit func(In) // nil: the page size is sent as params have it
	stop     bool
	first    bool
}

// New returns a paginator that calls call with params (nil means an empty
// input) and the options set by optFns. The options start with Limit set
// to the input's page size, when the input sets one.
func New[CallOptions, I, O, Tok any, Opts OptionsType[Opts]](call func(context.Context, *I, ...func(CallOptions)) (*O, error),
	params *I, spec *Spec[*I, *O, Tok], optFns []func(*Opts)) *Paginator[CallOptions, *I, *O, Tok] {
	if params == nil {
		params = new(I)
	}
	p := newPaginator(call, params, clone[I], spec, optFns)
	return &p
}

// clone returns a copy of *v.
func clone[T any](v *T) *T { return new(*v) }

// newPaginator is New for In and Out of pointer types, so that its code is
// shared by all operations.
func newPaginator[CallOptions, In, Out, Tok any, Opts OptionsType[Opts]](call func(context.Context, In, ...func(CallOptions)) (Out, error),
	params In, clone func(In) In, spec *Spec[In, Out, Tok], optFns []func(*Opts)) Paginator[CallOptions, In, Out, Tok] {
	var opts Opts
	size := spec.PageSize.member
	if size != nil {
		if n, ok := size.get(params); ok {
			opts = opts.withLimit(n)
		}
	}
	for _, fn := range optFns {
		fn(&opts)
	}
	s := opts.settings()
	p := Paginator[CallOptions, In, Out, Tok]{call: call, params: params, clone: clone, spec: spec,
		next: *spec.InputToken(params), stop: s.stop, first: true}
	if s.hasLimit && size != nil {
		p.setLimit = size.setter(s.limit)
	}
	return p
}

// errNoMorePages is returned by NextPage after the last page.
var errNoMorePages = errors.New("no more pages available")

// HasMorePages reports whether more pages are available: before the first
// page, and while the last page returned a non-empty token.
func (p *Paginator[CallOptions, In, Out, Tok]) HasMorePages() bool {
	return p.first || !p.spec.Token.empty(p.next)
}

// NextPage retrieves the next page, or returns an error when there is none.
// The input sent is a copy of the paginator's params with the current
// token and Limit set; params itself is never changed. A failed call
// leaves the paginator as it was, so NextPage may be called again.
func (p *Paginator[CallOptions, In, Out, Tok]) NextPage(ctx context.Context, optFns ...func(CallOptions)) (Out, error) {
	var none Out
	if !p.HasMorePages() {
		return none, errNoMorePages
	}
	params := p.clone(p.params)
	*p.spec.InputToken(params) = p.next
	if p.setLimit != nil {
		p.setLimit(params)
	}
	out, err := p.call(ctx, params, optFns...)
	if err != nil {
		return none, err
	}
	p.first = false
	prev := p.next
	p.next = p.spec.OutputToken(out)
	if p.stop && p.spec.Token.same(prev, p.next) {
		var none Tok
		p.next = none
	}
	return out, nil
}

// Pages returns an iterator over the remaining pages. An error is yielded
// with a nil page and ends the iteration; breaking out of the loop stops
// fetching. Ranging again resumes where the last iteration ended.
func (p *Paginator[CallOptions, In, Out, Tok]) Pages(ctx context.Context, optFns ...func(CallOptions)) iter.Seq2[Out, error] {
	return func(yield func(Out, error) bool) {
		for p.HasMorePages() {
			page, err := p.NextPage(ctx, optFns...)
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}
