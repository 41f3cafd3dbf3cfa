package endpoints_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
	"github.com/smithygen/smithygen/templates/endpoints"
)

const tinyModel = `{
  "smithy": "2.0",
  "shapes": {
    "example#Svc": {"type": "service", "version": "1", "operations": [{"target": "example#Get"}],
      "traits": {"aws.api#service": {"sdkId": "Tiny"},
        "smithy.rules#endpointRuleSet": {"version": "1.0",
          "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "The region."},
                         "Bucket": {"type": "string", "documentation": "The bucket."},
                         "Flag": {"type": "boolean", "documentation": "A flag."}},
          "rules": [{"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}, {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
                     "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://tiny.{Region}.{P#dnsSuffix}"}}]},
                    {"type": "error", "conditions": [], "error": "Missing Region"}]}}},
    "example#Get": {"type": "operation", "input": {"target": "example#GetInput"},
      "traits": {"smithy.rules#staticContextParams": {"Flag": {"value": true}}}},
    "example#GetInput": {"type": "structure", "members": {
      "Bucket": {"target": "smithy.api#String", "traits": {"smithy.rules#contextParam": {"name": "Bucket"}}}}}
  }
}`

func tinyAPI(t *testing.T) *model.API {
	m, err := model.Load(&model.Source{Name: "tiny.json", Data: []byte(tinyModel)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	api, err := templates.BuildAPI(c, "example.com/tiny", "")
	if err != nil {
		t.Fatal(err)
	}
	return api
}

func renderDecls(t *testing.T, api *model.API, partitions []byte) string {
	decls, err := endpoints.Decls(api, partitions)
	if err != nil {
		t.Fatal(err)
	}
	f := jen.NewFilePathName(api.ImportPath, api.Package)
	for _, d := range decls {
		f.Add(d).Line()
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestDecls(t *testing.T) {
	src := renderDecls(t, tinyAPI(t), nil)
	for _, want := range []string{
		"type EndpointParameters struct", "Region *string", "Bucket *string", "Flag *bool",
		"func NewDefaultEndpointResolverV2() EndpointResolverV2",
		"func (in *GetInput) bindEndpointParams(p *EndpointParameters)",
		"p.Bucket = in.Bucket", "p.Flag = wire.Ptr(true)",
		`rules.NewRuleset(`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in:\n%s", want, src)
		}
	}
	// The static binding, more specific, is assigned after the member's.
	if strings.Index(src, "p.Flag = wire.Ptr(true)") < strings.Index(src, "p.Bucket = in.Bucket") {
		t.Error("static parameters are bound before context parameters")
	}
}

func TestDeclsPartitions(t *testing.T) {
	data, err := os.ReadFile(snapshotData)
	if err != nil {
		t.Fatal(err)
	}
	src := renderDecls(t, tinyAPI(t), data)
	if !strings.Contains(src, `dnsSuffix\":\"c2s.ic.gov`) || strings.Contains(src, "description") {
		t.Errorf("the partition data is not embedded compactly:\n%s", src)
	}
	if _, err := endpoints.Decls(tinyAPI(t), []byte(`{"partitions": []}`)); err == nil {
		t.Error("empty partition data accepted")
	}
}
