package emit

import "github.com/dave/jennifer/jen"

// KeyedValues is a composite literal of key, value pairs, one a line, in
// the order given (jen.Dict sorts its keys).
func KeyedValues(kv ...jen.Code) *jen.Statement {
	var elems []jen.Code
	for i := 0; i+1 < len(kv); i += 2 {
		elems = append(elems, jen.Line().Add(kv[i]).Op(":").Add(kv[i+1]))
	}
	return jen.Values(append(elems, jen.Line())...)
}

// OneLine is a function body written on one line.
func OneLine(stmt jen.Code) *jen.Statement {
	return jen.Custom(jen.Options{Open: "{", Close: "}"}, stmt)
}

// SetErr is "lv, err = expr".
func SetErr(lv, expr jen.Code) jen.Code { return jen.List(lv, jen.Err()).Op("=").Add(expr) }
