package conformance

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
)

// s3Cases are the client cases of the restXml suite's AmazonS3 service,
// loaded as the suite loads them.
func s3Cases(t *testing.T) []Case {
	t.Helper()
	m := loadSuite(t, sharedDir(t, moduleRoot(t)), "restXml")
	for _, s := range testServices(t, "restXml", m) {
		if s.closure.Service.ID == "com.amazonaws.s3#AmazonS3" {
			return s.cases
		}
	}
	t.Fatal("no AmazonS3 service in the restXml suite")
	return nil
}

// TestEndpointTraitsApplied checks that the suite's AmazonS3 has S3's rule
// set, its client context parameters and the real operations' bindings.
func TestEndpointTraitsApplied(t *testing.T) {
	cases := s3Cases(t)
	svc := cases[0].Service
	rs, err := rules.Load(svc)
	if err != nil || rs == nil || rs.Param("ForcePathStyle") == nil {
		t.Fatalf("rule set %v, %v", rs, err)
	}
	if _, ok := svc.Traits.Get(rules.ClientContextParamsTrait); !ok {
		t.Error("no client context parameters")
	}
	bound := map[string][]string{}
	for _, c := range cases {
		bs, err := rs.Bindings(c.Op)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, b := range bs {
			names = append(names, b.Param.Name)
		}
		bound[c.Op.Name()] = names
	}
	want := map[string]string{
		"ListObjectsV2":       "Bucket Prefix",
		"DeleteObjectTagging": "Bucket",
		"GetObject":           "Bucket Key",
		"GetBucketLocation":   "Bucket UseS3ExpressControlEndpoint",
	}
	for op, w := range want {
		if got := strings.Join(bound[op], " "); got != w {
			t.Errorf("%s binds %q, want %q", op, got, w)
		}
	}
}

// TestEndpointTraitsKeepTestModel checks that traits are applied only to
// members the test model has, never in place of traits it sets, and that
// a real model without the service or its rule set is an error.
func TestEndpointTraitsKeepTestModel(t *testing.T) {
	shared := sharedDir(t, moduleRoot(t))
	pt := filepath.Join(shared, "protocol-tests")
	raw, err := model.LoadFiles(filepath.Join(pt, "restXml"), filepath.Join(pt, "shared-types.smithy"),
		filepath.Join(pt, "aws-config.smithy"), filepath.Join(shared, "smithy-traits"))
	if err != nil {
		t.Fatal(err)
	}
	applied := loadSuite(t, shared, "restXml")
	real := []byte(`{"smithy":"2.0","shapes":{
		"com.amazonaws.s3#AmazonS3":{"type":"service","traits":{"smithy.rules#endpointRuleSet":{"version":"1.0"}}},
		"com.amazonaws.s3#GetObject":{"type":"operation","input":{"target":"com.amazonaws.s3#Other"}},
		"com.amazonaws.s3#Other":{"type":"structure","members":{
			"Bucket":{"target":"smithy.api#String","traits":{"smithy.rules#contextParam":{"name":"Other"}}},
			"Missing":{"target":"smithy.api#String","traits":{"smithy.rules#contextParam":{"name":"Missing"}}}}}}}`)
	for _, tc := range []struct {
		m    *model.Model
		want []string // shapes the document applies traits to
	}{
		{raw, []string{"com.amazonaws.s3#AmazonS3", "com.amazonaws.s3#GetObjectRequest$Bucket"}},
		{applied, nil},
	} {
		c, err := tc.m.Closure(tc.m.Shape("com.amazonaws.s3#AmazonS3"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := EndpointTraits(c, real)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for id := range gjson.GetBytes(doc, "shapes").Map() {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("applied to %q, want %q:\n%s", got, tc.want, doc)
		}
		if tc.m == raw && gjson.GetBytes(doc, `shapes.com\.amazonaws\.s3#GetObjectRequest$Bucket.traits.smithy\.rules#contextParam.name`).Str != "Other" {
			t.Errorf("GetObjectRequest$Bucket: %s", doc)
		}
	}
	c, err := raw.Closure(raw.Shape("com.amazonaws.s3#AmazonS3"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`{"shapes":{}}`, `{"shapes":{"com.amazonaws.s3#AmazonS3":{"type":"service"}}}`, `not json`} {
		if _, err := EndpointTraits(c, []byte(bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// TestConfigOf maps the AWS configuration of S3's cases to Options and
// rejects settings the generated tests cannot express.
func TestConfigOf(t *testing.T) {
	byID := map[string]*Case{}
	for _, c := range s3Cases(t) {
		byID[c.ID] = &c
	}
	render := func(stmts []jen.Code) string {
		var b strings.Builder
		for _, s := range stmts {
			fmt.Fprintf(&b, "%#v\n", s)
		}
		return b.String()
	}
	for id, want := range map[string][2]string{
		"S3DefaultAddressing":                        {"", ""},
		"S3PathAddressing":                           {"o.UsePathStyle = true", ""},
		"S3VirtualHostDualstackAccelerateAddressing": {"o.UsePathStyle = false|aws.DualStackEndpointStateEnabled|o.UseAccelerate = true", ""},
		"S3OperationAddressingPreferred":             {"o.UsePathStyle = true", "o.UsePathStyle = false"},
	} {
		c := byID[id]
		if c == nil {
			t.Fatalf("no case %s", id)
		}
		cfg, err := configOf(c)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if cfg.region != "us-west-2" || !cfg.rulesEndpoint {
			t.Errorf("%s: region %q, endpoint from the rules %v", id, cfg.region, cfg.rulesEndpoint)
		}
		for i, stmts := range [][]jen.Code{cfg.client, cfg.call} {
			got := render(stmts)
			for _, w := range strings.Split(want[i], "|") {
				if !strings.Contains(got, w) || (w == "") != (got == "") {
					t.Errorf("%s: scope %d sets %q, want %q", id, i, got, want[i])
				}
			}
		}
	}

	base := byID["S3DefaultAddressing"]
	for _, vp := range []string{
		`{"clockTime": 1}`,
		`{"scopedConfig": {"environment": {"AWS_DEFAULT_REGION": "us-east-1"}}}`,
		`{"scopedConfig": {"client": {"retry_config": {"mode": "standard"}}}}`,
		`{"scopedConfig": {"client": {"s3": {"addressing_style": "sideways"}}}}`,
		`{"scopedConfig": {"operation": {"s3": {"use_arn_region": true}}}}`,
	} {
		c := *base
		c.Value = gjson.Parse(`{"vendorParamsShape": "` + AWSConfigShape + `", "vendorParams": ` + vp + `}`)
		if _, err := configOf(&c); err == nil {
			t.Errorf("%s accepted", vp)
		}
	}
}
