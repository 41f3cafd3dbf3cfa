package pattern

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// ECMAScript character class escapes (\d, \w, \s) and the dot.
var (
	digitSet = newSet(runeRange{'0', '9'})
	wordSet  = newSet(runeRange{'0', '9'}, runeRange{'A', 'Z'}, runeRange{'_', '_'}, runeRange{'a', 'z'})
	spaceSet = newSet(
		runeRange{'\t', '\r'}, runeRange{' ', ' '}, runeRange{0xA0, 0xA0},
		runeRange{0x1680, 0x1680}, runeRange{0x2000, 0x200A}, runeRange{0x2028, 0x2029},
		runeRange{0x202F, 0x202F}, runeRange{0x205F, 0x205F}, runeRange{0x3000, 0x3000},
		runeRange{0xFEFF, 0xFEFF})
	lineTerminators = newSet(runeRange{'\n', '\n'}, runeRange{'\r', '\r'}, runeRange{0x2028, 0x2029})
	dotSet          = lineTerminators.complement()
)

// posixSets are Java's US-ASCII POSIX classes (\p{Print} and friends), which
// AWS models use although ECMAScript lacks them.
var posixSets = map[string]runeSet{
	"Lower":  newSet(runeRange{'a', 'z'}),
	"Upper":  newSet(runeRange{'A', 'Z'}),
	"ASCII":  newSet(runeRange{0, 0x7F}),
	"Alpha":  newSet(runeRange{'a', 'z'}, runeRange{'A', 'Z'}),
	"Digit":  digitSet,
	"Alnum":  newSet(runeRange{'a', 'z'}, runeRange{'A', 'Z'}, runeRange{'0', '9'}),
	"Punct":  newSet(runeRange{'!', '/'}, runeRange{':', '@'}, runeRange{'[', '`'}, runeRange{'{', '~'}),
	"Graph":  newSet(runeRange{'!', '~'}),
	"Print":  newSet(runeRange{' ', '~'}),
	"Blank":  newSet(runeRange{' ', ' '}, runeRange{'\t', '\t'}),
	"Cntrl":  newSet(runeRange{0, 0x1F}, runeRange{0x7F, 0x7F}),
	"XDigit": newSet(runeRange{'0', '9'}, runeRange{'a', 'f'}, runeRange{'A', 'F'}),
	"Space":  newSet(runeRange{'\t', '\r'}, runeRange{' ', ' '}),
}

// longCategories maps ECMAScript's long general category names to short ones.
var longCategories = map[string]string{
	"Letter": "L", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe",
	"Initial_Punctuation": "Pi", "Final_Punctuation": "Pf", "Other_Punctuation": "Po",
	"Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk",
	"Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "Format": "Cf",
	"Private_Use": "Co", "Unassigned": "Cn",
}

var (
	tableMu    sync.Mutex
	tableCache = map[string]runeSet{}
)

// cachedSet memoizes expensive set constructions by key.
func cachedSet(key string, build func() runeSet) runeSet {
	tableMu.Lock()
	s, ok := tableCache[key]
	tableMu.Unlock()
	if ok {
		return s
	}
	s = build()
	tableMu.Lock()
	tableCache[key] = s
	tableMu.Unlock()
	return s
}

func tableSet(t *unicode.RangeTable) runeSet {
	var rs []runeRange
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			rs = append(rs, runeRange{lo, hi})
			return
		}
		for r := lo; r <= hi; r += stride {
			rs = append(rs, runeRange{r, r})
		}
	}
	for _, r := range t.R16 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range t.R32 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return newSet(rs...)
}

// categorySet returns a general category by short name. C and Cn include
// unassigned code points, as in ECMAScript; the result is nil if unknown.
func categorySet(name string) runeSet {
	return cachedSet("gc="+name, func() runeSet {
		switch name {
		case "C":
			return assignedSet().complement().union(tableSet(unicode.C))
		case "Cn":
			return assignedSet().complement()
		}
		if t, ok := unicode.Categories[name]; ok {
			return tableSet(t)
		}
		return nil
	})
}

func assignedSet() runeSet {
	return cachedSet("assigned", func() runeSet {
		var s runeSet
		for _, c := range []string{"L", "M", "N", "P", "S", "Z", "C"} {
			s = s.union(tableSet(unicode.Categories[c]))
		}
		return s
	})
}

// propertySet resolves the name of a \p{...} escape: ECMAScript general
// categories, scripts and binary properties, plus Java's POSIX classes and
// Is-prefixed names.
func propertySet(name string) (runeSet, error) {
	if s, ok := posixSets[name]; ok {
		return s, nil
	}
	key, value, hasKey := strings.Cut(name, "=")
	switch {
	case hasKey && (key == "General_Category" || key == "gc"):
		if s := generalCategory(value); s != nil {
			return s, nil
		}
	case hasKey && (key == "Script" || key == "sc"):
		if t, ok := unicode.Scripts[value]; ok {
			return cachedSet("sc="+value, func() runeSet { return tableSet(t) }), nil
		}
	case hasKey:
	default:
		if s := lonePropertySet(name); s != nil {
			return s, nil
		}
		if java, ok := strings.CutPrefix(name, "Is"); ok {
			if s := lonePropertySet(java); s != nil {
				return s, nil
			}
		}
	}
	return nil, fmt.Errorf("unknown Unicode property \\p{%s}", name)
}

func generalCategory(name string) runeSet {
	if short, ok := longCategories[name]; ok {
		name = short
	}
	return categorySet(name)
}

// lonePropertySet resolves a property name without "key=": a general
// category, Any, a binary property or a script (names compared loosely).
func lonePropertySet(name string) runeSet {
	if s := generalCategory(name); s != nil {
		return s
	}
	if name == "Any" {
		return universe
	}
	t := looseTables()[looseName(name)]
	if t == nil {
		return nil
	}
	return cachedSet("prop="+looseName(name), func() runeSet { return tableSet(t) })
}

var looseTables = sync.OnceValue(func() map[string]*unicode.RangeTable {
	m := map[string]*unicode.RangeTable{}
	// Scripts first so that a binary property of the same loose name wins.
	for _, tables := range []map[string]*unicode.RangeTable{unicode.Scripts, unicode.Properties} {
		for key, t := range tables {
			m[looseName(key)] = t
		}
	}
	return m
})

// looseName lowercases a property name and drops separators, so that Java's
// "Whitespace" finds Unicode's "White_Space".
func looseName(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s))
}

// foldableSet holds the code points that have other case variants.
func foldableSet() runeSet {
	return cachedSet("foldable", func() runeSet {
		var rs []runeRange
		for r := rune(0); r <= 0x1FFFF; r++ {
			if unicode.SimpleFold(r) != r {
				rs = append(rs, runeRange{r, r})
			}
		}
		return newSet(rs...)
	})
}

// foldSet closes s under Unicode simple case folding, as ECMAScript's
// ignoreCase does in Unicode mode.
func foldSet(s runeSet) runeSet {
	var extra []runeRange
	for _, rg := range s.intersect(foldableSet()) {
		for r := rg.lo; r <= rg.hi; r++ {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				extra = append(extra, runeRange{f, f})
			}
		}
	}
	return s.union(newSet(extra...))
}
