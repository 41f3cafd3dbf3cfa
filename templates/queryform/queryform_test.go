package queryform

import (
	"testing"

	"github.com/smithygen/smithygen/model"
)

const service = `{"smithy": "2.0", "shapes": {
  "ex#Svc": {"type": "service", "version": "2020-01-01", "operations": [{"target": "ex#Op"}],
    "traits": {"aws.protocols#awsQuery": {}}},
  "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}, "errors": [{"target": "ex#Bad"}]},
  "ex#OpInput": {"type": "structure", "members": {
    "plain": {"target": "smithy.api#String"},
    "renamed": {"target": "smithy.api#String", "traits": {"smithy.api#xmlName": "xmlRenamed"}},
    "ec2": {"target": "smithy.api#String", "traits": {"smithy.api#xmlName": "xmlEc2", "aws.protocols#ec2QueryName": "Ec2Name"}}}},
  "ex#Bad": {"type": "structure", "members": {},
    "traits": {"smithy.api#error": "client", "aws.protocols#awsQueryError": {"code": "Bad.Code", "httpResponseCode": 400}}}
}}`

func build(t *testing.T, b model.Bindings) *model.API {
	t.Helper()
	m, err := model.Load(&model.Source{Name: "svc.json", Data: []byte(service)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Shape("ex#Svc"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, "example.com/svc", "", b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestKeys(t *testing.T) {
	a := build(t, model.Bindings{Protocol: "aws.protocols#awsQuery", QueryErrorCodes: true})
	want := map[bool]map[string]string{
		false: {"plain": "plain", "renamed": "xmlRenamed", "ec2": "xmlEc2"},
		true:  {"plain": "Plain", "renamed": "XmlRenamed", "ec2": "Ec2Name"},
	}
	for ec2, keys := range want {
		c := NewEncoders(a, nil, ec2)
		for _, f := range a.Operations[0].Input.Fields {
			if got := c.Key(f.Member); got != keys[f.Member.Name] {
				t.Errorf("ec2 %v: key of %s = %q, want %q", ec2, f.Member.Name, got, keys[f.Member.Name])
			}
		}
	}
	if code := a.Operations[0].Errors[0].ErrorCode; code != "Bad.Code" {
		t.Errorf("ErrorCode %q, want the awsQueryError code", code)
	}
	if code := build(t, model.Bindings{Protocol: "aws.protocols#restXml"}).Operations[0].Errors[0].ErrorCode; code != "Bad" {
		t.Errorf("ErrorCode without QueryErrorCodes %q, want the shape name", code)
	}
}
