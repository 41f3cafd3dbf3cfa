package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func typesFile(a *model.API) *jen.File                { return nil }
func enumsFile(a *model.API) *jen.File                { return nil }
func errorsFile(a *model.API) *jen.File               { return nil }
func ioDecls(f *jen.File, a *model.API, op *model.Op) {}
