package templates

import (
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// docBlock is the doc comment of a generated type or member: the
// documentation (else fallback), each note as its own paragraph, then a
// Deprecated paragraph when dep is set. Every line is a line comment, so
// documentation text cannot end the comment early.
func docBlock(html, fallback string, dep *model.Deprecated, notes ...string) *jen.Statement {
	lines := docLines(html)
	if len(lines) == 0 && fallback != "" {
		lines = []string{fallback}
	}
	for _, n := range notes {
		lines = docParagraph(lines, n)
	}
	if dep != nil {
		lines = docParagraph(lines, "Deprecated: "+deprecationText(dep))
	}
	s := &jen.Statement{}
	for _, l := range lines {
		for _, part := range strings.Split(l, "\n") {
			s.Comment(commentLine(strings.TrimRight(part, " \t"))).Line()
		}
	}
	return s
}

// commentLine spells one doc comment line for jennifer: "//" alone for a
// blank line and "//" directly before an indented code line, as gofmt
// leaves them.
func commentLine(l string) string {
	if l == "" || l[0] == '\t' {
		return "//" + l
	}
	return l
}

// docParagraph appends text to lines, separated by a blank line, ahead of
// the link definitions that end a doc comment (gofmt keeps them last).
func docParagraph(lines []string, text string) []string {
	k := len(lines)
	for k > 0 && linkDef.MatchString(lines[k-1]) {
		k--
	}
	defs := lines[k:]
	body := lines[:k:k]
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	if len(body) > 0 {
		body = append(body, "")
	}
	body = append(body, text)
	if len(defs) > 0 {
		body = append(append(body, ""), defs...)
	}
	return body
}

// linkDef matches a doc comment link definition, "[text]: URL".
var linkDef = regexp.MustCompile(`^\[[^\]]+\]: \S+$`)

func deprecationText(dep *model.Deprecated) string {
	if msg := strings.TrimSpace(dep.Message); msg != "" {
		return msg
	}
	return "This has been deprecated."
}

// structFields declares struct fields, each after a blank line and its doc
// comment as aws-sdk-go-v2 lays them out.
func structFields(fs []*model.Field) []jen.Code {
	var out []jen.Code
	for _, f := range fs {
		out = append(out, jen.Line().Add(memberDoc(f)).Id(f.Name).Add(emit.TypeCode(f.Type)))
	}
	return out
}

// memberDoc documents a member, noting required ones as aws-sdk-go-v2 does.
func memberDoc(f *model.Field) *jen.Statement {
	var notes []string
	if f.Check.Required {
		notes = append(notes, "This member is required.")
	}
	return docBlock(f.Doc, "", f.Deprecated, notes...)
}
