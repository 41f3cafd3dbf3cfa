package xml

import (
	"bytes"
	stdxml "encoding/xml"
	"errors"
	"io"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

var fuzzSeeds = []string{
	`<a><b>plain</b><c x="1" y='&lt;'/><d>&#65;&amp;<![CDATA[<x>]]><!--c--><?p?></d></a>`,
	`<?xml version="1.0" encoding="UTF-8"?><p:R xmlns:p="urn:p" xmlns="urn:d"><p:x>1</p:x><y/></p:R>`,
	"<a>l1\r\nl2\r</a>",
	`<ErrorResponse><Error><Type>Sender</Type><Code>C</Code><Message>M</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
	`<Response><Errors><Error><Code>C</Code></Error></Errors><RequestID>r</RequestID></Response>`,
	`<Error><Code>NoSuchKey</Code><RequestId>1</RequestId><HostId>h</HostId></Error>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
	`<a><b></a>`,
}

// node is an element as encoding/xml reads it.
type node struct {
	name     string
	text     string
	children []*node
}

// stdTree parses doc with encoding/xml, reporting false when it refuses it
// or the document is outside what both decoders accept alike.
func stdTree(doc []byte) (*node, bool) {
	if bytes.Contains(doc, []byte("<!")) && !bytes.Contains(doc, []byte("<![CDATA[")) && !bytes.Contains(doc, []byte("<!--")) {
		return nil, false
	}
	d := stdxml.NewDecoder(bytes.NewReader(doc))
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		switch tok := tok.(type) {
		case stdxml.StartElement:
			n := &node{name: tok.Name.Local}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root != nil {
				return nil, false
			} else {
				root = n
			}
			stack = append(stack, n)
		case stdxml.EndElement:
			stack = stack[:len(stack)-1]
		case stdxml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		case stdxml.Directive:
			return nil, false
		}
	}
	return root, root != nil
}

// compare drives d along the tree n and reports the first difference.
func compare(t *testing.T, d *Decoder, n *node) error {
	if string(d.Name()) != n.name {
		t.Fatalf("element %q, encoding/xml read %q", d.Name(), n.name)
	}
	if len(n.children) == 0 {
		s, err := d.Str()
		if err == nil && s != n.text {
			t.Fatalf("<%s> text %q, encoding/xml read %q", n.name, s, n.text)
		}
		return err
	}
	it := d.Children()
	var err error
	i := 0
	for err == nil && it.Next() {
		if i >= len(n.children) {
			t.Fatalf("<%s> has more children than encoding/xml read", n.name)
		}
		err = compare(t, d, n.children[i])
		i++
	}
	if err = it.Done(err); err == nil && i != len(n.children) {
		t.Fatalf("<%s>: %d children, encoding/xml read %d", n.name, i, len(n.children))
	}
	return err
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(listObjectsBody(2))
	f.Add(listRolesBody(2))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if err := walk(NewDecoder(doc)); err != nil && !errors.As(err, new(*Error)) {
			t.Fatalf("error %v is not an *Error", err)
		}
		tree, ok := stdTree(doc)
		if !ok {
			return
		}
		d := NewDecoder(doc)
		if ok, err := d.Root(); ok && err == nil {
			if err := compare(t, d, tree); err != nil && !errors.As(err, new(*Error)) {
				t.Fatalf("error %v is not an *Error", err)
			}
		}
	})
}

func FuzzReadError(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), 400)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		info, err := ReadError(&transport.Response{StatusCode: status, Body: body})
		if err != nil {
			if !errors.As(err, new(*smithy.DeserializationError)) {
				t.Fatalf("error %v is not a *smithy.DeserializationError", err)
			}
			return
		}
		var v struct{}
		err = DecodeErrorBody(info, &v, func(d *Decoder, _ *struct{}) error { return walkElem(d) })
		if err != nil {
			t.Fatalf("the <Error> element read once fails again: %v", err)
		}
		_ = info.Generic()
	})
}
