package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func clientFile(a *model.API) *jen.File                      { return nil }
func opMethod(f *jen.File, a *model.API, op *model.Op)       {}
func paginatorDecls(f *jen.File, a *model.API, op *model.Op) {}
