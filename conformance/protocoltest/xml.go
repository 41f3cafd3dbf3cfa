package protocoltest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// xmlNode is an element of a document being compared: its qualified name
// as written, its attributes (namespace declarations included) sorted, and
// its children; text is kept, trimmed, only for elements without children.
type xmlNode struct {
	name     string
	attrs    []string // "name=value"
	text     string
	children []*xmlNode
}

// XMLEqual reports how two XML documents differ: element names and
// prefixes, attributes and namespace declarations in any order, child
// elements in order (or, failing that, in any order), and the text of
// elements without children with the white space around it trimmed. The
// prolog, comments and white space between elements do not matter.
func XMLEqual(got, want []byte) error {
	g, err := parseXML(got)
	if err != nil {
		return fmt.Errorf("invalid XML: %w", err)
	}
	w, err := parseXML(want)
	if err != nil {
		return fmt.Errorf("expected body is invalid XML: %w", err)
	}
	return diffNode("/", g, w)
}

func parseXML(b []byte) (*xmlNode, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var root *xmlNode
	var stack []*xmlNode
	var text strings.Builder
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: qname(t.Name)}
			for _, a := range t.Attr {
				n.attrs = append(n.attrs, qname(a.Name)+"="+a.Value)
			}
			slices.Sort(n.attrs)
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
			text.Reset()
		case xml.EndElement:
			n := stack[len(stack)-1]
			if len(n.children) == 0 {
				n.text = strings.TrimSpace(text.String())
			}
			stack = stack[:len(stack)-1]
			text.Reset()
		case xml.CharData:
			text.Write(t)
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func diffNode(path string, g, w *xmlNode) error {
	path += w.name
	if g.name != w.name {
		return fmt.Errorf("%s: element %s, want %s", path, g.name, w.name)
	}
	if !slices.Equal(g.attrs, w.attrs) {
		return fmt.Errorf("%s: attributes %q, want %q", path, g.attrs, w.attrs)
	}
	if g.text != w.text {
		return fmt.Errorf("%s: text %q, want %q", path, g.text, w.text)
	}
	if len(g.children) != len(w.children) {
		return fmt.Errorf("%s: %d child elements, want %d", path, len(g.children), len(w.children))
	}
	var first error
	for i := range g.children {
		if err := diffNode(path+"/", g.children[i], w.children[i]); err != nil {
			first = err
			break
		}
	}
	if first == nil {
		return nil
	}
	// Map entries have no order: children match in any order, as
	// smithy-go's XML comparison (which sorts elements) lets them.
	used := make([]bool, len(g.children))
	for _, wc := range w.children {
		found := false
		for i, gc := range g.children {
			if !used[i] && diffNode(path+"/", gc, wc) == nil {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return first
		}
	}
	return nil
}

// FormEqual reports how two application/x-www-form-urlencoded bodies
// differ as sets of key and value pairs: order does not matter, and keys
// and values compare decoded.
func FormEqual(got, want []byte) error {
	g, err := formPairs(string(got))
	if err != nil {
		return fmt.Errorf("invalid form: %w", err)
	}
	w, err := formPairs(string(want))
	if err != nil {
		return fmt.Errorf("expected body is an invalid form: %w", err)
	}
	if missing, extra := pairDiff(g, w), pairDiff(w, g); len(missing)+len(extra) > 0 {
		return fmt.Errorf("form lacks %q and has unexpected %q", missing, extra)
	}
	return nil
}

// formPairs splits a form into decoded "key=value" pairs, sorted; line
// breaks (which the protocol tests add for readability) are ignored.
func formPairs(s string) ([]string, error) {
	s = strings.NewReplacer("\n", "", "\r", "").Replace(s)
	var out []string
	for _, p := range strings.Split(s, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			return nil, err
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			return nil, err
		}
		out = append(out, dk+"="+dv)
	}
	slices.Sort(out)
	return out, nil
}

// pairDiff lists the pairs of want missing from got, as often as missing.
func pairDiff(got, want []string) []string {
	count := map[string]int{}
	for _, p := range got {
		count[p]++
	}
	var out []string
	for _, p := range want {
		if count[p] == 0 {
			out = append(out, p)
			continue
		}
		count[p]--
	}
	return out
}
