package smithygen

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/templates"
)

// endpointCallServices are the services whose endpoint tests run through
// real client calls, one per protocol family.
var endpointCallServices = []string{"cleanroomsml", "dynamodb", "kms", "lambda", "sts", "cloudfront"}

// TestEndpointCalls sends, for every endpoint test of the sample services
// whose parameters are client settings (Region, FIPS, dual-stack,
// BaseEndpoint), one call through the generated client configured as the
// case says, and checks the URL it was sent to and the SigV4 scope it was
// signed for, or that it failed with the rules' error before any request.
// The clients build in the partition data the tests were written against,
// so that every case applies (see templates/endpoints' corpus test for
// the drift of newer data).
func TestEndpointCalls(t *testing.T) {
	partitions, err := os.ReadFile(filepath.Join("runtime", "rules", "testdata", "partitions-v1.38.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	work := scratchModule(t, "endpointcalls")
	total := 0
	for _, name := range endpointCallServices {
		path := filepath.Join(sharedDir(t), "models", "smithy", name+".json")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pkg := strings.ReplaceAll(name, "-", "")
		api := buildAPI(t, &model.Source{Name: path, Data: data}, "endpointcalls/"+pkg)
		files, err := templates.Generator{Partitions: partitions}.Files(api)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			writeOrFail(t, filepath.Join(work, pkg, f.Path), f.Data)
		}
		src, n, err := endpointCallsTest(api)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		writeOrFail(t, filepath.Join(work, pkg, "endpoint_calls_test.go"), src)
		total += n
	}
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if total < 150 {
		t.Errorf("only %d cases ran", total)
	}
	t.Logf("%d endpoint test cases through client calls", total)
}

// clientSettings maps the built-ins a client setting binds to the Options
// expression that sets them.
var clientSettings = map[string]func(v rt.Value) string{
	"AWS::Region": func(v rt.Value) string { s, _ := v.AsString(); return "o.Region = " + strconv.Quote(s) },
	"SDK::Endpoint": func(v rt.Value) string {
		s, _ := v.AsString()
		return "o.BaseEndpoint = aws.String(" + strconv.Quote(s) + ")"
	},
	"AWS::UseFIPS":      stateSetting("o.EndpointOptions.UseFIPSEndpoint", "aws.FIPSEndpointState"),
	"AWS::UseDualStack": stateSetting("o.EndpointOptions.UseDualStackEndpoint", "aws.DualStackEndpointState"),
}

func stateSetting(field, state string) func(v rt.Value) string {
	return func(v rt.Value) string {
		if b, _ := v.AsBool(); b {
			return field + " = " + state + "Enabled"
		}
		return field + " = " + state + "Disabled"
	}
}

// endpointCallsTest writes the test of an API's endpoint cases whose
// parameters are all client settings, calling an operation that binds no
// endpoint parameters and needs no input member; it returns the number of
// cases.
func endpointCallsTest(a *model.API) ([]byte, int, error) {
	rs, err := rules.Load(a.Closure.Service)
	if err != nil {
		return nil, 0, err
	}
	cases, err := rules.Tests(a.Closure.Service)
	if err != nil {
		return nil, 0, err
	}
	op := callableOp(a, rs)
	if op == nil {
		return nil, 0, fmt.Errorf("no operation without required members or endpoint bindings")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\t\"errors\"\n\t\"net/http\"\n\t\"strings\"\n\t\"testing\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n)\n\n", a.Package)
	b.WriteString("var endpointCases = []endpointCase{\n")
	n := 0
	for i, tc := range cases {
		settings, ok := caseSettings(rs, tc)
		if !ok || len(tc.Inputs) > 0 {
			continue
		}
		name, region := a.SigningName, ""
		for _, p := range tc.Params {
			if rs.Param(p.Name).BuiltIn == "AWS::Region" {
				region, _ = p.Value.AsString()
			}
		}
		if s := tc.Expect.Properties.Get("authSchemes.0"); s.Exists() {
			name = firstNonEmpty(s.Get("signingName").Str, name)
			region = firstNonEmpty(s.Get("signingRegion").Str, s.Get("signingRegionSet.0").Str, region)
		}
		fmt.Fprintf(&b, "\t{%d, %q, func(o *Options) { %s }, %q, %q, %q},\n", i, tc.Doc, strings.Join(settings, "; "),
			tc.Expect.URL, tc.Expect.Error, "/"+region+"/"+name+"/aws4_request")
		n++
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, endpointCallsTemplate, op.Name, op.Input.Name)
	return []byte(b.String()), n, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// caseSettings are the Options statements of a case whose parameters are
// all client settings.
func caseSettings(rs *rules.RuleSet, tc rules.TestCase) ([]string, bool) {
	var out []string
	for _, p := range tc.Params {
		set, ok := clientSettings[rs.Param(p.Name).BuiltIn]
		if !ok {
			return nil, false
		}
		out = append(out, set(p.Value))
	}
	return out, true
}

// callableOp is an operation that can be called with an empty input and
// binds no endpoint parameter, preferring List operations.
func callableOp(a *model.API, rs *rules.RuleSet) *model.Op {
	var best *model.Op
	for _, op := range a.Operations {
		bs, err := rs.Bindings(op.Shape)
		if err != nil || len(bs) > 0 || op.HostPrefix != "" || op.Shape.Traits.Has("smithy.api#optionalAuth") {
			continue
		}
		ok := true
		for _, f := range op.Input.Fields {
			ok = ok && !f.Check.Required && !f.Member.Traits.HTTPLabel
		}
		if ok && (best == nil || strings.HasPrefix(op.Name, "List") && !strings.HasPrefix(best.Name, "List")) {
			best = op
		}
	}
	return best
}

const endpointCallsTemplate = `type endpointCase struct {
	index              int
	doc                string
	settings           func(*Options)
	url, error, scope string
}

// TestEndpointCalls calls %[1]s once per endpoint test case.
func TestEndpointCalls(t *testing.T) {
	for _, c := range endpointCases {
		h := &endpointCapture{}
		client := New(Options{Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret"}, nil
		}), HTTPClient: h, RetryMaxAttempts: 1}, c.settings)
		_, err := client.%[1]s(context.Background(), &%[2]s{})
		switch {
		case c.error != "":
			if err == nil || !strings.Contains(err.Error(), c.error) || h.req != nil {
				t.Errorf("case %%d (%%s): error %%v, want %%q and no request", c.index, c.doc, err, c.error)
			}
		case h.req == nil:
			t.Errorf("case %%d (%%s): no request: %%v", c.index, c.doc, err)
		default:
			got := h.req.URL.Scheme + "://" + h.req.URL.Host + h.req.URL.EscapedPath()
			if !strings.HasPrefix(got, strings.TrimSuffix(c.url, "/")) {
				t.Errorf("case %%d (%%s): sent to %%s, want %%s", c.index, c.doc, got, c.url)
			}
			if auth := h.req.Header.Get("Authorization"); !strings.Contains(auth, c.scope) {
				t.Errorf("case %%d (%%s): signed %%q, want scope %%s", c.index, c.doc, auth, c.scope)
			}
		}
	}
}

// endpointCapture records the first request and fails it, ending the call.
type endpointCapture struct{ req *http.Request }

func (h *endpointCapture) Do(r *http.Request) (*http.Response, error) {
	if h.req == nil {
		h.req = r
	}
	return nil, errors.New("captured")
}
`
