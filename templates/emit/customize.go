package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// OptionField is a documented field of a client's Options.
type OptionField struct {
	Name string
	Type jen.Code
	Doc  []string
}

// ClientCustomization is what a protocol adds to the client of one service.
type ClientCustomization struct {
	// Options are fields added to Options.
	Options []OptionField
	// HTTPClientMethod, when set, names a method of Options that the
	// protocol's files declare, func (o Options) <name>() HTTPClient: the
	// client sends requests through the HTTP client it returns (typically
	// o.HTTPClient wrapped with the service's response checks) instead of
	// o.HTTPClient.
	HTTPClientMethod string
}

// Customizer is implemented by protocols that customize the clients of
// some services, as the AWS SDKs do (keyed by the service's SDK ID).
type Customizer interface {
	ClientCustomization(a *model.API) ClientCustomization
}

// CustomizationOf returns p's customization of a's client; the zero value
// when p customizes nothing.
func CustomizationOf(p Protocol, a *model.API) ClientCustomization {
	if c, ok := p.(Customizer); ok {
		return c.ClientCustomization(a)
	}
	return ClientCustomization{}
}
