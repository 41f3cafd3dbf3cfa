package naming

// Unique returns names with clashes resolved, in order and deterministically.
// A name keeps its spelling when it is the first of its spelling and not
// reserved; otherwise "_" is appended until it matches neither a reserved
// name, a name already returned, nor any name in the input (so names that
// are unique in the input keep their spelling).
func Unique(names []string, reserved ...string) []string {
	original := make(map[string]bool, len(names))
	for _, n := range names {
		original[n] = true
	}
	taken := make(map[string]bool, len(names)+len(reserved))
	for _, r := range reserved {
		taken[r] = true
	}
	out := make([]string, len(names))
	for i, n := range names {
		if taken[n] {
			n += "_"
			for taken[n] || original[n] {
				n += "_"
			}
		}
		taken[n] = true
		out[i] = n
	}
	return out
}
