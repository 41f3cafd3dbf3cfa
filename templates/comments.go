package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// docLines converts documentation HTML to doc comment lines.
func docLines(html string) []string {
	if html == "" {
		return nil
	}
	return []string{html}
}

// docComment is the doc comment of a declaration: the documentation, else
// fallback, then a Deprecated paragraph when dep is set.
func docComment(html, fallback string, dep *model.Deprecated) *jen.Statement {
	lines := docLines(html)
	if len(lines) == 0 && fallback != "" {
		lines = []string{fallback}
	}
	if dep != nil {
		msg := strings.TrimSpace(dep.Message)
		if msg == "" {
			msg = "This has been deprecated."
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, "Deprecated: "+msg)
	}
	if len(lines) == 0 {
		return &jen.Statement{}
	}
	return jen.Comment(strings.Join(lines, "\n")).Line()
}
