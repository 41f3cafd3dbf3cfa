package templates

import (
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

// customOptionFields are the protocol's additions to Options for the
// service.
func customOptionFields(a *model.API) []clientOptionField {
	var out []clientOptionField
	for _, o := range customization(a).Options {
		out = append(out, clientOptionField{o.Name, o.Type, o.Doc})
	}
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
