package restxml

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

// s3Model is an S3-like service (sdkId S3) of two operations; ruleSet and
// bind are spliced in: the service's endpoint rule set trait, and the
// Bucket members' contextParam trait.
const s3Model = `{"smithy": "2.0", "shapes": {
	"com.example#S3": {"type": "service", "version": "1", "operations": [{"target": "com.example#ListObjects"}, {"target": "com.example#GetObject"}],
		"traits": {"aws.api#service": {"sdkId": "S3"}, "aws.protocols#restXml": {"noErrorWrapping": true}, "aws.auth#sigv4": {"name": "s3"} %s}},
	"com.example#ListObjects": {"type": "operation", "input": {"target": "com.example#ListObjectsInput"},
		"traits": {"smithy.api#http": {"method": "GET", "uri": "/{Bucket}?list-type=2"}}},
	"com.example#ListObjectsInput": {"type": "structure", "members": {
		"Bucket": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {} %s}}}},
	"com.example#GetObject": {"type": "operation", "input": {"target": "com.example#GetObjectInput"},
		"traits": {"smithy.api#http": {"method": "GET", "uri": "/{Bucket}/{Key+}"}}},
	"com.example#GetObjectInput": {"type": "structure", "members": {
		"Bucket": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {} %s}},
		"Key": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}}}}
}}`

const ruleSet = `, "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {
	"Bucket": {"type": "String", "required": false, "documentation": "The bucket."}},
	"rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://example.com"}}]}`

const bindBucket = `, "smithy.rules#contextParam": {"name": "Bucket"}`

// serializers generates serializers.go of s3Model.
func serializers(t *testing.T, rules, bind string) string {
	t.Helper()
	shared := os.Getenv("SMITHY_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "..", "shared")
	}
	path := filepath.Join(t.TempDir(), "s3.json")
	if err := os.WriteFile(path, fmt.Appendf(nil, s3Model, rules, bind, bind), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := model.LoadFiles(path, filepath.Join(shared, "smithy-traits"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Shape("com.example#S3"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, "example.com/s3", "", Protocol{}.Bindings())
	if err != nil {
		t.Fatal(err)
	}
	files, err := Protocol{}.Files(a)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := files[0].File.Render(&b); err != nil {
		t.Fatal(err)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestBucketAddressing checks who addresses S3's bucket: the endpoint when
// the rules bind it (the bucket label leaves the path, and nothing is
// left of ListObjects' path), path-style in the serializer otherwise.
func TestBucketAddressing(t *testing.T) {
	for _, tc := range []struct {
		name, rules, bind string
		pathStyle         bool
	}{
		{"rules binding Bucket", ruleSet, bindBucket, false},
		{"rules not binding Bucket", ruleSet, "", true},
		{"no rules", "", bindBucket, true},
	} {
		src := serializers(t, tc.rules, tc.bind)
		if got := strings.Count(src, "s3shared.PathStyle(r, *in.Bucket)"); got != map[bool]int{true: 2}[tc.pathStyle] {
			t.Errorf("%s: %d PathStyle calls:\n%s", tc.name, got, src)
		}
		if strings.Contains(src, "{Bucket}") || strings.Count(src, `httpbinding.MissingLabel("Bucket")`) != 2 {
			t.Errorf("%s: the bucket label is not removed and checked:\n%s", tc.name, src)
		}
		if !strings.Contains(src, `r.Path = ""`) || !strings.Contains(src, `r.Path = "/" + httpbinding.EscapeLabel(*in.Key, true)`) {
			t.Errorf("%s: paths:\n%s", tc.name, src)
		}
	}
}
