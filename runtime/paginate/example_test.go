package paginate_test

import (
	"context"
	"fmt"

	"github.com/smithygen/smithygen/runtime/paginate"
)

// Options, ListThingsInput and ListThingsOutput stand for a generated
// package's client options and an operation's input and output.
type Options struct{}

type ListThingsInput struct {
	NextToken  *string
	MaxResults *int32
}

type ListThingsOutput struct {
	Things    []string
	NextToken *string
}

// The declarations a generated package has for a paginated operation.
type (
	ListThingsPaginatorOptions = paginate.Options[int32]
	ListThingsPaginator        = paginate.ItemPaginator[*Options, *ListThingsInput, *ListThingsOutput, *string, string]
)

var (
	paginatorListThings = paginate.Spec[*ListThingsInput, *ListThingsOutput, *string]{
		Token:       paginate.StringPtr,
		InputToken:  func(in *ListThingsInput) **string { return &in.NextToken },
		OutputToken: func(out *ListThingsOutput) *string { return out.NextToken },
		PageSize:    paginate.PageSizePtr(func(in *ListThingsInput) **int32 { return &in.MaxResults }),
	}
	itemsListThings = func(out *ListThingsOutput) []string { return out.Things }
)

func NewListThingsPaginator(client *fakeClient, params *ListThingsInput, optFns ...func(*ListThingsPaginatorOptions)) *ListThingsPaginator {
	return paginate.NewItems(client.ListThings, params, &paginatorListThings, itemsListThings, optFns)
}

// fakeClient serves two pages of at most MaxResults things.
type fakeClient struct{}

func (fakeClient) ListThings(_ context.Context, in *ListThingsInput, _ ...func(*Options)) (*ListThingsOutput, error) {
	if in.NextToken == nil {
		next := "page2"
		return &ListThingsOutput{Things: []string{"a", "b"}[:*in.MaxResults], NextToken: &next}, nil
	}
	return &ListThingsOutput{Things: []string{"c"}}, nil
}

func Example() {
	p := NewListThingsPaginator(&fakeClient{}, &ListThingsInput{}, func(o *ListThingsPaginatorOptions) {
		o.Limit = 2
	})
	for thing, err := range p.Items(context.Background()) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(thing)
	}
	// Output:
	// a
	// b
	// c
}
