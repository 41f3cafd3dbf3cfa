package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func validatorsFile(a *model.API) *jen.File { return nil }
