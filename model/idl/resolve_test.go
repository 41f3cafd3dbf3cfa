package idl

import (
	"strings"
	"testing"
)

func TestRelativeResolution(t *testing.T) {
	a := `$version: "2"
namespace a
use b#Imported
use b#String
structure S {
    imported: Imported
    local: Local
    otherFile: InOtherFile
    prelude: Integer
    shadowed: String
    unknown: Missing
    member: Local$m
    absolute: c#X
}
structure Local { m: Blob }
`
	other := "$version: \"2\"\nnamespace a\nstring InOtherFile\nstring Integer2\n"
	doc := convert(t, a, other)[0]
	members := at(doc, "shapes", "a#S", "members").(map[string]any)
	want := map[string]string{
		"imported": "b#Imported", "local": "a#Local", "otherFile": "a#InOtherFile",
		"prelude": "smithy.api#Integer", "shadowed": "b#String", "unknown": "a#Missing",
		"member": "a#Local$m", "absolute": "c#X",
	}
	for name, target := range want {
		if got := at(members, name, "target"); got != target {
			t.Errorf("%s: target %v, want %s", name, got, target)
		}
	}
}

func TestNamespaceShadowsPrelude(t *testing.T) {
	doc := convert(t, "namespace a\nstring String\nlist L { member: String }\n@trait\nstring since\n@since(\"1\")\nstring X\n")[0]
	if got := at(doc, "shapes", "a#L", "member", "target"); got != "a#String" {
		t.Errorf("member target %v", got)
	}
	if got := at(doc, "shapes", "a#X", "traits", "a#since"); got != "1" {
		t.Errorf("trait not resolved to the namespace: %v", at(doc, "shapes", "a#X", "traits"))
	}
}

func TestSyntacticShapeIDs(t *testing.T) {
	doc := convert(t, `metadata m = {String: String, list: [Integer, "Integer"], t: true}
namespace a
@tags([Local])
@deprecated(message: String)
string Local
`)[0]
	if got := show(at(doc, "metadata", "m")); got != `{"String":"smithy.api#String","list":["smithy.api#Integer","Integer"],"t":true}` {
		t.Errorf("metadata %s", got)
	}
	traits := at(doc, "shapes", "a#Local", "traits")
	if got := show(traits); got != `{"smithy.api#deprecated":{"message":"smithy.api#String"},"smithy.api#tags":["a#Local"]}` {
		t.Errorf("traits %s", got)
	}
	e := convertErr(t, "metadata m = NotInPrelude\n")
	if !strings.Contains(e.Msg, "smithy.api#NotInPrelude") || e.Col != 14 {
		t.Errorf("unexpected error %v", e)
	}
}

func TestUseConflicts(t *testing.T) {
	e := convertErr(t, "namespace a\nuse b#X\nuse c#X\n")
	if e.Line != 3 {
		t.Errorf("error %v", e)
	}
	e = convertErr(t, "namespace a\nuse b#X\nstring X\n")
	if e.Line != 3 || !strings.Contains(e.Msg, "b#X") {
		t.Errorf("error %v", e)
	}
}

func TestDuplicateShapes(t *testing.T) {
	_, err := Convert([]Source{
		{Name: "one.smithy", Data: []byte("namespace a\nstring X\n")},
		{Name: "two.smithy", Data: []byte("namespace a\n\nstring X\n")},
	})
	e, ok := err.(*Error)
	if !ok || e.File != "two.smithy" || e.Line != 3 || !strings.Contains(e.Msg, "one.smithy:2:8") {
		t.Fatalf("error %v", err)
	}
}

func TestAnnotationTraitValues(t *testing.T) {
	defs := `namespace defs
@trait structure obj {}
@trait map mp { key: String, value: String }
@trait list lst { member: String }
@trait set st { member: String }
@trait string str
@trait integer num
`
	use := `namespace a
use defs#obj
use defs#mp
use defs#lst
use defs#st
use defs#str
use defs#num
@obj @mp @lst @st @str @num() @tags @sensitive @documentation @other#unknown
string X
`
	doc := convert(t, defs, use)[1]
	want := `{"defs#lst":[],"defs#mp":{},"defs#num":null,"defs#obj":{},"defs#st":[],"defs#str":null,` +
		`"other#unknown":{},"smithy.api#documentation":null,"smithy.api#sensitive":{},"smithy.api#tags":[]}`
	if got := show(at(doc, "shapes", "a#X", "traits")); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestTraitForms(t *testing.T) {
	doc := convert(t, `namespace a
@tags(["x"])
@deprecated(since: "1", message: "m")
@externalDocumentation("Home": "https://example.com")
@range(
    min: 1
    max: 10,
)
@documentation("""
    text""")
@smithy.api#since("2")
@internal()
string X
`)[0]
	want := `{"smithy.api#deprecated":{"message":"m","since":"1"},"smithy.api#documentation":"text",` +
		`"smithy.api#externalDocumentation":{"Home":"https://example.com"},"smithy.api#internal":{},` +
		`"smithy.api#range":{"max":10,"min":1},"smithy.api#since":"2","smithy.api#tags":["x"]}`
	if got := show(at(doc, "shapes", "a#X", "traits")); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRepeatedTraits(t *testing.T) {
	doc := convert(t, "namespace a\n@tags([\"a\"]) @tags([\"b\"]) @sensitive @sensitive\nstring X\n")[0]
	if got := show(at(doc, "shapes", "a#X", "traits")); got != `{"smithy.api#sensitive":{},"smithy.api#tags":["a","b"]}` {
		t.Errorf("got %s", got)
	}
	e := convertErr(t, "namespace a\n@since(\"1\")\n@since(\"2\")\nstring X\n")
	if e.Line != 3 || !strings.Contains(e.Msg, "since") {
		t.Errorf("error %v", e)
	}
	e = convertErr(t, "namespace a\n@trait document doc\n@doc([1])\n@doc([2])\nstring X\n")
	if e.Line != 4 {
		t.Errorf("arrays of a document trait must conflict: %v", e)
	}
}
