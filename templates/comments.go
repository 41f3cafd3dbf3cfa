package templates

import "github.com/smithygen/smithygen/templates/godoc"

// docLines converts documentation HTML to doc comment lines.
func docLines(html string) []string { return godoc.Lines(html) }
