package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/protocols"
)

// customization is the protocol's customization of a's client.
func customization(a *model.API) emit.ClientCustomization {
	p := protocols.Lookup(a.Protocol)
	if p == nil {
		return emit.ClientCustomization{}
	}
	return emit.CustomizationOf(p, a)
}

// optionFields are the fields of Options: the common ones and the
// protocol's additions for the service, sorted by name as aws-sdk-go-v2
// sorts them.
func optionFields(a *model.API) []clientOptionField {
	extra := customization(a).Options
	if len(extra) == 0 {
		return clientOptionFields
	}
	out := slices.Clone(clientOptionFields)
	for _, o := range extra {
		out = append(out, clientOptionField{o.Name, o.Type, o.Doc})
	}
	slices.SortStableFunc(out, func(x, y clientOptionField) int { return strings.Compare(x.name, y.name) })
	return out
}

// httpClientValue is the HTTP client the transport sends requests with:
// o.HTTPClient, or what the protocol's HTTPClientMethod makes of it.
func httpClientValue(a *model.API, o *jen.Statement) jen.Code {
	if m := customization(a).HTTPClientMethod; m != "" {
		return o.Dot(m).Call()
	}
	return o.Dot("HTTPClient")
}
