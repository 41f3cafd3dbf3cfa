package idl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInlineIO(t *testing.T) {
	doc := convert(t, `$version: "2"
$operationInputSuffix: "Request"
$operationOutputSuffix: "Response"
namespace a
@mixin
structure Base { id: String }
resource R { identifiers: { rid: String } }
operation Op {
    input := for R with [Base] {
        $rid
        name: String = "n"
    }
    output :=
        /// Out.
        @sensitive
        {}
    errors: [E]
}
@error("client")
structure E {}
`)[0]
	shapes := at(doc, "shapes")
	if got := show(at(shapes, "a#Op")); got != `{"errors":[{"target":"a#E"}],"input":{"target":"a#OpRequest"},"output":{"target":"a#OpResponse"},"type":"operation"}` {
		t.Errorf("operation %s", got)
	}
	if got := show(at(shapes, "a#OpRequest")); got != `{"members":{"name":{"target":"smithy.api#String","traits":{"smithy.api#default":"n"}},"rid":{"target":"smithy.api#String"}},"mixins":[{"target":"a#Base"}],"traits":{"smithy.api#input":{}},"type":"structure"}` {
		t.Errorf("input %s", got)
	}
	if got := show(at(shapes, "a#OpResponse", "traits")); got != `{"smithy.api#documentation":"Out.","smithy.api#output":{},"smithy.api#sensitive":{}}` {
		t.Errorf("output traits %s", got)
	}
}

func TestElision(t *testing.T) {
	resource := "$version: \"2\"\nnamespace r\nresource Res { identifiers: { id: Id }, properties: { p: Blob } }\nstring Id\n"
	doc := convert(t, resource, `$version: "2"
namespace a
use r#Res
@mixin
structure M { m: Integer }
structure S for Res with [M, other#Unknown] {
    $id
    @required
    $p
    @documentation("d")
    $m
    $fromUnknown
}
`)[1]
	shapes := at(doc, "shapes")
	if got := show(at(shapes, "a#S", "members")); got != `{"id":{"target":"r#Id"},"p":{"target":"smithy.api#Blob","traits":{"smithy.api#required":{}}}}` {
		t.Errorf("members %s", got)
	}
	if got := show(at(shapes, "a#S$m")); got != `{"traits":{"smithy.api#documentation":"d"},"type":"apply"}` {
		t.Errorf("inherited member %s", got)
	}
	if at(shapes, "a#S$fromUnknown") != nil {
		t.Errorf("an elided member without traits must not produce an apply")
	}
	for _, src := range []string{
		"$version: \"2\"\nnamespace a\n@mixin\nstructure M {}\nstructure S with [M] { $nope }\n",
		"$version: \"2\"\nnamespace a\nstructure S { $nope }\n",
		"$version: \"2\"\nnamespace a\nstring NotRes\nstructure S for NotRes { $nope }\n",
	} {
		if e := convertErr(t, src); e.Line != 5 && e.Line != 3 && e.Line != 4 {
			t.Errorf("error %v", e)
		}
	}
}

func TestApply(t *testing.T) {
	docs := convert(t, `$version: "2"
namespace a
structure S { m: String }
apply S @tags(["a"])
apply S {
    @tags(["b"])
    @sensitive
}
apply S$m @required
apply b#Elsewhere @deprecated
apply b#Elsewhere @tags(["x"])
`)
	shapes := at(docs[0], "shapes")
	if got := show(at(shapes, "a#S")); got != `{"members":{"m":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}}},"traits":{"smithy.api#sensitive":{},"smithy.api#tags":["a","b"]},"type":"structure"}` {
		t.Errorf("shape %s", got)
	}
	if got := show(at(shapes, "b#Elsewhere")); got != `{"traits":{"smithy.api#deprecated":{},"smithy.api#tags":["x"]},"type":"apply"}` {
		t.Errorf("apply %s", got)
	}
	if e := convertErr(t, "namespace a\n@since(\"1\")\nstring S\napply S @since(\"2\")\n"); e.Line != 4 {
		t.Errorf("conflicting apply: %v", e)
	}
}

func TestShapeBodies(t *testing.T) {
	doc := convert(t, `$version: "2"
namespace a
service Svc {
    version: "2024-01-01"
    operations: [Op, "a#Op2"]
    resources: [Res]
    errors: [E]
    rename: { "b#X": "BX" }
}
resource Res {
    identifiers: { id: String }
    properties: { p: Integer }
    create: Op, put: Op, read: Op, update: Op, delete: Op, list: Op
    operations: [Op], collectionOperations: [Op], resources: [Child]
}
enum En { A
    B = "b"
}
intEnum IE {
    ONE = 1,
    @deprecated TWO = 2
}
map M { key: String, value: Integer }
set St { member: String }
union U { a: String }
document D
timestamp T with [TM]
`)[0]
	shapes := at(doc, "shapes")
	checks := map[string]string{
		"a#Svc": `{"errors":[{"target":"a#E"}],"operations":[{"target":"a#Op"},{"target":"a#Op2"}],"rename":{"b#X":"BX"},"resources":[{"target":"a#Res"}],"type":"service","version":"2024-01-01"}`,
		"a#Res": `{"collectionOperations":[{"target":"a#Op"}],"create":{"target":"a#Op"},"delete":{"target":"a#Op"},"identifiers":{"id":{"target":"smithy.api#String"}},"list":{"target":"a#Op"},"operations":[{"target":"a#Op"}],"properties":{"p":{"target":"smithy.api#Integer"}},"put":{"target":"a#Op"},"read":{"target":"a#Op"},"resources":[{"target":"a#Child"}],"type":"resource","update":{"target":"a#Op"}}`,
		"a#En":  `{"members":{"A":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"A"}},"B":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"b"}}},"type":"enum"}`,
		"a#IE":  `{"members":{"ONE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":1}},"TWO":{"target":"smithy.api#Unit","traits":{"smithy.api#deprecated":{},"smithy.api#enumValue":2}}},"type":"intEnum"}`,
		"a#M":   `{"key":{"target":"smithy.api#String"},"type":"map","value":{"target":"smithy.api#Integer"}}`,
		"a#St":  `{"member":{"target":"smithy.api#String"},"type":"set"}`,
		"a#U":   `{"members":{"a":{"target":"smithy.api#String"}},"type":"union"}`,
		"a#D":   `{"type":"document"}`,
		"a#T":   `{"mixins":[{"target":"a#TM"}],"type":"timestamp"}`,
	}
	for id, want := range checks {
		if got := show(at(shapes, id)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", id, got, want)
		}
	}
}

func TestShapeErrors(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
	}{
		{"unknown service property", "namespace a\nservice S { foo: 1 }\n", 2, 18},
		{"resource target not an ID", "namespace a\nresource R { read: 1 }\n", 2, 20},
		{"list member name", "namespace a\nlist L { item: String }\n", 2, 10},
		{"unknown operation property", "namespace a\noperation O { foo: Bar }\n", 2, 15},
		{"enum value type", "$version: \"2\"\nnamespace a\nenum E { A = 1 }\n", 3, 14},
		{"enum value on one line", "$version: \"2\"\nnamespace a\nenum E { A = \"a\" }\n", 3, 18},
		{"enum in 1.0", "$version: \"1.0\"\nnamespace a\nenum E { A }\n", 3, 1},
		{"inline io in 1.0", "namespace a\noperation O { input := {} }\n", 2, 21},
		{"default in 1.0", "namespace a\nstructure S { a: String = \"\" }\n", 2, 25},
		{"shapes on one line", "namespace a\nstring A string B\n", 2, 10},
		{"dangling traits", "namespace a\n@sensitive\n", 3, 1},
		{"member on same line as value", "$version: \"2\"\nnamespace a\nstructure S { a: String = \"\" b: String }\n", 3, 30},
		{"deep nesting", "metadata m = " + strings.Repeat("[", maxDepth+1) + "\n", 1, 14 + maxDepth},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := convertErr(t, c.src)
			if e.Line != c.line || e.Col != c.col {
				t.Errorf("error at %d:%d, want %d:%d: %v", e.Line, e.Col, c.line, c.col, e)
			}
		})
	}
}

func TestDocComments(t *testing.T) {
	doc := convert(t, `$version: "2"
namespace a
/// Line one.
///   Indented.
///No space.
// plain comment between
/// Last.
@deprecated
structure S {
    /// Member docs.
    a: String
    @required /// ignored: after traits
    b: String, /// ignored: not at the start of its line
    c: String
}
/// Dangling before apply.
apply S @sensitive
`)[0]
	if got := at(doc, "shapes", "a#S", "traits", "smithy.api#documentation"); got != "Line one.\n  Indented.\nNo space.\nLast." {
		t.Errorf("shape docs %q", got)
	}
	if got := at(doc, "shapes", "a#S", "members", "a", "traits", "smithy.api#documentation"); got != "Member docs." {
		t.Errorf("member docs %q", got)
	}
	if got := at(doc, "shapes", "a#S", "members", "b", "traits", "smithy.api#documentation"); got != nil {
		t.Errorf("docs after traits were applied: %q", got)
	}
	if got := at(doc, "shapes", "a#S", "members", "c", "traits"); got != nil {
		t.Errorf("a trailing comment became documentation: %v", got)
	}
}

func TestMetadataMerge(t *testing.T) {
	doc := convert(t, "metadata a = [1]\nmetadata \"a\" = [2]\nmetadata b = {x: 1}\nmetadata b = {x: 1}\n")[0]
	if got := show(at(doc, "metadata")); got != `{"a":[1,2],"b":{"x":1}}` {
		t.Errorf("metadata %s", got)
	}
	if e := convertErr(t, "metadata a = 1\nmetadata a = 2\n"); e.Line != 2 {
		t.Errorf("error %v", e)
	}
}

func TestErrorList(t *testing.T) {
	_, err := Convert([]Source{
		{Name: "x.smithy", Data: []byte("namespace a\nstring\n")},
		{Name: "y.smithy", Data: []byte("namespace a\n\n%\n")},
	})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want two errors, got %v", err)
	}
	if got := err.Error(); got != "x.smithy:2:7: Expected SPACE(' ') but found NEWLINE('\\n')\ny.smithy:3:1: Unexpected character: '%'" {
		t.Errorf("message %q", got)
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "x.smithy" {
		t.Errorf("errors.As did not reach the first error: %v", e)
	}
}

func TestPos(t *testing.T) {
	src := "$version: \"2\"\nnamespace a\n\nstructure S {\n    @since(\"é\") @required\n    n: String\n}\n"
	docs, err := Convert([]Source{{Name: "p.smithy", Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	d := &docs[0]
	find := func(s string) int {
		i := bytes.Index(d.JSON, []byte(s))
		if i < 0 {
			t.Fatalf("%s not in %s", s, d.JSON)
		}
		return i
	}
	cases := []struct {
		at        string
		line, col int
	}{
		{`"a#S"`, 4, 11},
		{`"smithy.api#required"`, 5, 17},
		{`"smithy.api#String"`, 6, 8},
		{`{}`, 5, 17},
		{`"é"`, 5, 12},
	}
	for _, c := range cases {
		line, col := d.Pos(find(c.at))
		if line != c.line || col != c.col {
			t.Errorf("%s: %d:%d, want %d:%d", c.at, line, col, c.line, c.col)
		}
	}
	if line, col := d.Pos(0); line != 0 || col != 0 {
		t.Errorf("offset 0 maps to %d:%d", line, col)
	}
}

func TestDeterministic(t *testing.T) {
	srcs := protocolSets(t)["restJson1"]
	a, err := Convert(srcs)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Convert(srcs)
	for i := range a {
		if !bytes.Equal(a[i].JSON, b[i].JSON) {
			t.Fatalf("%s: output differs between runs", a[i].Name)
		}
	}
}

// TestPreludeTable checks the embedded prelude names against Smithy's
// prelude file.
func TestPreludeTable(t *testing.T) {
	path := filepath.Join(sharedDir(t), "smithy-traits", "prelude.smithy")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Convert([]Source{{Name: path, Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := decodeJSON(docs[0].JSON)
	shapes := doc["shapes"].(map[string]any)
	for id, v := range shapes {
		name := strings.TrimPrefix(id, "smithy.api#")
		if typ := at(v, "type"); prelude[name] != typ {
			t.Errorf("%s: table says %q, prelude.smithy %q", name, prelude[name], typ)
		}
	}
	if len(shapes) != len(prelude) {
		t.Errorf("prelude.smithy defines %d shapes, table has %d", len(shapes), len(prelude))
	}
}
