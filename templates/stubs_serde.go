package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func serializersFile(a *model.API) *jen.File   { return nil }
func deserializersFile(a *model.API) *jen.File { return nil }
