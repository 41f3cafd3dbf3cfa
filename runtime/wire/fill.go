package wire

import "time"

// The Fill functions carry out Smithy's client error correction for the
// required members a response left unset: each nil member it is given
// becomes its type's zero value ("", false, 0, the Unix epoch, an empty
// blob, list or map). One call covers the members of one type.

// Fill points each nil *p at a new zero T.
func Fill[T any](ps ...**T) {
	for _, p := range ps {
		if *p == nil {
			*p = new(T)
		}
	}
}

// FillTime points each nil *p at the Unix epoch in UTC.
func FillTime(ps ...**time.Time) {
	for _, p := range ps {
		if *p == nil {
			*p = Ptr(time.Unix(0, 0).UTC())
		}
	}
}

// FillList sets each nil *p to an empty list (or blob).
func FillList[S ~[]E, E any](ps ...*S) {
	for _, p := range ps {
		if *p == nil {
			*p = S{}
		}
	}
}

// FillMap sets each nil *p to an empty map.
func FillMap[M ~map[K]V, K comparable, V any](ps ...*M) {
	for _, p := range ps {
		if *p == nil {
			*p = M{}
		}
	}
}
