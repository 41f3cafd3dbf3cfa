package types
type X struct{}
