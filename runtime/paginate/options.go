package paginate

// Integer is the set of Go types of page sizes.
type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// Options configures the paginator of an operation that has a page size
// of type L. It is <Op>PaginatorOptions of a generated package.
type Options[L Integer] struct {
	// Limit is the page size sent with every request; it starts as the
	// input's page size. When the page size is optional (a pointer), a
	// Limit of zero or less leaves it unset so the service chooses.
	Limit L

	// StopOnDuplicateToken stops pagination when the service returns the
	// token it was just sent. Map tokens are compared with reflect.DeepEqual.
	StopOnDuplicateToken bool
}

// TokenOptions configures the paginator of an operation without a page
// size. It is <Op>PaginatorOptions of a generated package.
type TokenOptions struct {
	// StopOnDuplicateToken stops pagination when the service returns the
	// token it was just sent. Map tokens are compared with reflect.DeepEqual.
	StopOnDuplicateToken bool
}

// OptionsType is the constraint of the paginator options New accepts. Only
// Options and TokenOptions satisfy it.
type OptionsType[O any] interface {
	// withLimit returns the options with Limit set to n.
	withLimit(n int64) O
	settings() settings
}

// settings are paginator options as a paginator keeps them.
type settings struct {
	limit    int64
	hasLimit bool // the options have a Limit to send as the page size
	stop     bool
}

func (o Options[L]) withLimit(n int64) Options[L] {
	o.Limit = L(n)
	return o
}

func (o Options[L]) settings() settings {
	return settings{limit: int64(o.Limit), hasLimit: true, stop: o.StopOnDuplicateToken}
}

func (o TokenOptions) withLimit(int64) TokenOptions { return o }

func (o TokenOptions) settings() settings { return settings{stop: o.StopOnDuplicateToken} }

// PageSize is how a paginator reads and writes an input's page size
// member. Its zero value stands for an operation without a page size.
type PageSize[In any] struct {
	member pageSizeMember[In]
}

// pageSizeMember reads and writes the page size member of an input.
type pageSizeMember[In any] interface {
	get(In) (int64, bool)
	// setter returns the function that sets the page size of the inputs
	// a paginator sends to limit.
	setter(limit int64) func(In)
}

// PageSizePtr is an optional page size: member returns the address of the
// input's *L member. A paginator sends Limit when it is positive and no
// page size otherwise.
func PageSizePtr[In any, L Integer](member func(In) **L) PageSize[In] {
	return PageSize[In]{ptrPageSize[In, L](member)}
}

// PageSizeValue is a page size that is always sent: member returns the
// address of the input's L member. A paginator sends Limit as it is.
func PageSizeValue[In any, L Integer](member func(In) *L) PageSize[In] {
	return PageSize[In]{valuePageSize[In, L](member)}
}

type ptrPageSize[In any, L Integer] func(In) **L

func (m ptrPageSize[In, L]) get(in In) (int64, bool) {
	if v := *m(in); v != nil {
		return int64(*v), true
	}
	return 0, false
}

func (m ptrPageSize[In, L]) setter(limit int64) func(In) {
	if limit <= 0 {
		return func(in In) { *m(in) = nil }
	}
	v := L(limit)
	return func(in In) { *m(in) = &v }
}

type valuePageSize[In any, L Integer] func(In) *L

func (m valuePageSize[In, L]) get(in In) (int64, bool) { return int64(*m(in)), true }

func (m valuePageSize[In, L]) setter(limit int64) func(In) {
	v := L(limit)
	return func(in In) { *m(in) = v }
}
