package botocore_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path"
	"strings"

	"github.com/smithygen/smithygen/templates"
)

// listing is the exported API of generated files at go doc -all level,
// without documentation: one entry per exported declaration, field,
// interface method and method, keyed by its qualified name ("types.Foo",
// "types.Foo.Bar", "Client.ListFoo"), valued by its Go type (and a
// constant's value).
func listing(files []templates.File) (map[string]string, error) {
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		prefix := ""
		if dir := path.Dir(f.Path); dir != "." {
			prefix = dir + "."
		}
		for _, d := range file.Decls {
			listDecl(out, fset, prefix, d)
		}
	}
	return out, nil
}

func listDecl(out map[string]string, fset *token.FileSet, prefix string, d ast.Decl) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() {
			return
		}
		key := prefix + d.Name.Name
		if d.Recv != nil {
			recv := receiverName(d.Recv.List[0].Type)
			if !ast.IsExported(recv) {
				return
			}
			key = prefix + recv + "." + d.Name.Name
		}
		out[key] = "func" + strings.TrimPrefix(node(fset, d.Type), "func")
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					listType(out, fset, prefix+s.Name.Name, s)
				}
			case *ast.ValueSpec:
				for i, n := range s.Names {
					if !n.IsExported() {
						continue
					}
					desc := d.Tok.String()
					if s.Type != nil {
						desc += " " + node(fset, s.Type)
					}
					if i < len(s.Values) {
						desc += " = " + node(fset, s.Values[i])
					}
					out[prefix+n.Name] = desc
				}
			}
		}
	}
}

func listType(out map[string]string, fset *token.FileSet, key string, s *ast.TypeSpec) {
	params := ""
	if s.TypeParams != nil {
		params = node(fset, s.TypeParams)
	}
	switch t := s.Type.(type) {
	case *ast.StructType:
		out[key] = "struct" + params
		for _, f := range t.Fields.List {
			typ := node(fset, f.Type)
			if len(f.Names) == 0 {
				out[key+"."+strings.TrimPrefix(typ, "*")] = "embedded " + typ
			}
			for _, n := range f.Names {
				if n.IsExported() {
					out[key+"."+n.Name] = typ
				}
			}
		}
	case *ast.InterfaceType:
		out[key] = "interface" + params
		for _, m := range t.Methods.List {
			for _, n := range m.Names {
				out[key+"."+n.Name] = "func" + strings.TrimPrefix(node(fset, m.Type), "func")
			}
			if len(m.Names) == 0 {
				out[key+"."+node(fset, m.Type)] = "embedded"
			}
		}
	default:
		eq := " "
		if s.Assign.IsValid() {
			eq = " = "
		}
		out[key] = "type" + params + eq + node(fset, s.Type)
	}
}

func receiverName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

func node(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	_ = printer.Fprint(&b, fset, n)
	return b.String()
}
