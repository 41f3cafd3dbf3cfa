package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/waiters"
)

// opFile emits an operation's file: its client method, input and output
// structs and, when paginated, its paginator, and its waiters.
func opFile(a *model.API, op *model.Op, client bool) (*jen.File, error) {
	f := emit.NewFile(a, "")
	if client {
		opMethod(f, a, op)
	}
	ioDecls(f, a, op, client)
	declared := client && paginatorDecls(f, a, op)
	ws, err := waiters.Decls(a, op, waiters.Env{Client: client, APIClientDeclared: declared})
	if err != nil {
		return nil, err
	}
	for _, w := range ws {
		f.Add(w)
	}
	return f, nil
}

// docFile emits the package documentation.
func docFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	lines := docLines(a.Closure.Service.Traits.Documentation)
	intro := "Package " + a.Package + " provides the API client, operations, and parameter types for " + serviceTitle(a) + "."
	f.PackageComment(intro)
	if len(lines) > 0 {
		f.PackageComment("")
		for _, l := range lines {
			f.PackageComment(commentLine(l))
		}
	}
	return f
}

func serviceTitle(a *model.API) string {
	if t := a.Closure.Service.Traits.Title; t != "" {
		return t
	}
	return a.ServiceID
}
