package botocore_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
)

const testdata = "../testdata/botocore"

func load(t *testing.T, paths ...string) *model.Model {
	t.Helper()
	m, err := model.LoadFiles(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// traitJSON returns a trait's value as compact JSON, or "" when absent.
func traitJSON(ts *model.Traits, id string) string {
	tr, ok := ts.Get(id)
	if !ok {
		return ""
	}
	var b strings.Builder
	compact(&b, tr.Value)
	return b.String()
}

func compact(b *strings.Builder, v gjson.Result) {
	switch {
	case v.IsObject():
		b.WriteByte('{')
		first := true
		v.ForEach(func(k, e gjson.Result) bool {
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(k.Raw + ":")
			compact(b, e)
			return true
		})
		b.WriteByte('}')
	case v.IsArray():
		b.WriteByte('[')
		for i, e := range v.Array() {
			if i > 0 {
				b.WriteByte(',')
			}
			compact(b, e)
		}
		b.WriteByte(']')
	default:
		b.WriteString(v.Raw)
	}
}

// TestFeatures loads a botocore service that uses each setting the loader
// converts, with its paginators and waiters beside it, and checks the IR.
func TestFeatures(t *testing.T) {
	m := load(t, filepath.Join(testdata, "features", "service-2.json"))
	ns := "com.amazonaws.widgets#"
	shape := func(name string) *model.Shape {
		s := m.Shape(ns + name)
		if s == nil {
			t.Fatalf("no shape %s", name)
		}
		return s
	}
	member := func(s, name string) *model.MemberShape {
		mem := shape(s).Member(name)
		if mem == nil {
			t.Fatalf("no member %s$%s", s, name)
		}
		return mem
	}
	check := func(what string, ts *model.Traits, id, want string) {
		t.Helper()
		if got := traitJSON(ts, id); got != want {
			t.Errorf("%s %s = %s, want %s", what, id, orAbsent(got), orAbsent(want))
		}
	}
	svcs := m.Services()
	if len(svcs) != 1 || svcs[0].ID != ns+"Widgets" || svcs[0].Version != "2024-01-01" || len(svcs[0].Operations) != 4 {
		t.Fatalf("services = %v", svcs)
	}
	svc := &svcs[0].Traits
	check("service", svc, "aws.api#service", `{"sdkId":"Widgets","endpointPrefix":"widgets"}`)
	check("service", svc, "aws.auth#sigv4", `{"name":"widget-signer"}`)
	check("service", svc, "aws.protocols#restJson1", `{}`)
	check("service", svc, "smithy.api#title", `"Example Widgets"`)
	check("service", svc, "smithy.api#documentation", `"<p>Widgets.</p>"`)

	get := &shape("GetWidget").Traits
	check("GetWidget", get, "smithy.api#http", `{"method":"GET","uri":"/widgets/{WidgetId}/{Path+}","code":200}`)
	check("GetWidget", get, "smithy.api#readonly", `{}`)
	check("GetWidget", get, "smithy.api#endpoint", `{"hostPrefix":"data-"}`)
	if errs := shape("GetWidget").Errors; len(errs) != 2 || errs[0].Name() != "NotFound" {
		t.Errorf("GetWidget errors = %v", errs)
	}
	for _, c := range []struct{ member, trait, want string }{
		{"WidgetId", "smithy.api#httpLabel", `{}`},
		{"WidgetId", "smithy.api#required", `{}`},
		{"Path", "smithy.api#httpLabel", `{}`},
		{"Trace", "smithy.api#httpHeader", `"X-Trace"`},
		{"Meta", "smithy.api#httpPrefixHeaders", `"X-Meta-"`},
		{"Filters", "smithy.api#httpQueryParams", `{}`},
		{"Since", "smithy.api#httpQuery", `"since"`},
		{"Since", "smithy.api#timestampFormat", `"date-time"`},
		{"Policy", "smithy.api#httpHeader", `"X-Policy"`},
	} {
		check("GetWidgetRequest$"+c.member, &member("GetWidgetRequest", c.member).Traits, c.trait, c.want)
	}
	check("GetWidgetRequest", &shape("GetWidgetRequest").Traits, "smithy.api#input", `{}`)
	check("Policy", &shape("Policy").Traits, "smithy.api#mediaType", `"application/json"`)
	check("WidgetId", &shape("WidgetId").Traits, "smithy.api#length", `{"min":1,"max":64}`)
	check("WidgetId", &shape("WidgetId").Traits, "smithy.api#pattern", `"^[a-z]+$"`)
	check("Count", &shape("Count").Traits, "smithy.api#range", `{"min":0,"max":10}`)

	out := "GetWidgetResponse"
	check(out, &shape(out).Traits, "smithy.api#output", `{}`)
	check(out+"$Status", &member(out, "Status").Traits, "smithy.api#httpResponseCode", `{}`)
	check(out+"$Color", &member(out, "Color").Traits, "smithy.api#jsonName", `"colour"`)
	// Every member is optional, whatever "box" says: botocore clients send
	// only the members a caller sets.
	for _, m := range []string{"Count", "Weight", "Flag"} {
		check(out+"$"+m, &member(out, m).Traits, "smithy.api#default", ``)
		check(m, &shape(m).Traits, "smithy.api#default", ``)
	}

	color := shape("Color")
	if color.Type != model.Enum || len(color.Members) != 3 || color.Members[1].Name != "dark_blue" ||
		traitJSON(&color.Members[2].Traits, "smithy.api#enumValue") != `"ml.m5.large"` {
		t.Errorf("Color = %s with %d members", color.Type, len(color.Members))
	}
	size := shape("Size")
	if size.Type != model.String || len(size.Traits.Enum) != 2 || size.Traits.Enum[0].Value != "1x" {
		t.Errorf("Size = %s %v: values that cannot be named keep the enum trait", size.Type, size.Traits.Enum)
	}

	put := &shape("PutWidget").Traits
	check("PutWidget", put, "smithy.api#http", `{"method":"PUT","uri":"/widgets","code":201}`)
	check("PutWidget", put, "smithy.api#idempotent", `{}`)
	check("PutWidget", put, "smithy.api#deprecated", `{"message":"use PutWidget2"}`)
	if o := shape("PutWidget").Output; o == nil || !o.IsUnit() {
		t.Errorf("PutWidget output = %v, want smithy.api#Unit", o)
	}
	in := "PutWidgetRequest"
	check(in+"$Token", &member(in, "Token").Traits, "smithy.api#idempotencyToken", `{}`)
	check(in+"$Count", &member(in, "Count").Traits, "smithy.api#default", ``)
	check(in+"$Body", &member(in, "Body").Traits, "smithy.api#httpPayload", `{}`)
	check(in+"$Body", &member(in, "Body").Traits, "smithy.api#default", `""`)
	check("Stream", &shape("Stream").Traits, "smithy.api#streaming", `{}`)
	check("Stream", &shape("Stream").Traits, "smithy.api#requiresLength", `{}`)

	check("ListWidgets", &shape("ListWidgets").Traits, "smithy.api#paginated",
		`{"inputToken":"NextToken","outputToken":"NextToken","pageSize":"MaxResults","items":"Widgets"}`)

	events := shape("WidgetEvents")
	if events.Type != model.Union || !events.Traits.Streaming {
		t.Errorf("WidgetEvents = %s, streaming %v", events.Type, events.Traits.Streaming)
	}
	check("Changed$Data", &member("Changed", "Data").Traits, "smithy.api#eventPayload", `{}`)
	check("StreamWidgetsResponse$Events", &member("StreamWidgetsResponse", "Events").Traits, "smithy.api#httpPayload", `{}`)

	check("NotFound", &shape("NotFound").Traits, "smithy.api#error", `"client"`)
	check("NotFound", &shape("NotFound").Traits, "smithy.api#httpError", `404`)
	check("Internal", &shape("Internal").Traits, "smithy.api#error", `"server"`)
	check("Internal", &shape("Internal").Traits, "smithy.api#retryable", `{}`)
	if shape("Choice").Type != model.Union || shape("Doc").Type != model.Document {
		t.Errorf("Choice = %s, Doc = %s", shape("Choice").Type, shape("Doc").Type)
	}
	check("Widget", &shape("Widget").Traits, "smithy.api#sensitive", `{}`)
	check("Widget$Id", &member("Widget", "Id").Traits, "smithy.api#deprecated", `{}`)

	check("GetWidget", get, "smithy.waiters#waitable", `{"WidgetExists":{"documentation":"Waits for the widget.","acceptors":[`+
		`{"state":"success","matcher":{"success":true}},`+
		`{"state":"retry","matcher":{"errorType":"NotFound"}},`+
		`{"state":"failure","matcher":{"output":{"path":"Color","expected":"RED","comparator":"stringEquals"}}},`+
		`{"state":"success","matcher":{"output":{"path":"Widgets[].Id","expected":"x","comparator":"allStringEquals"}}}],"minDelay":5},`+
		`"WidgetGone":{"acceptors":[{"state":"success","matcher":{"success":false}}],"minDelay":200,"maxDelay":200}}`)
	// Size keeps Smithy 1.0's enum trait, which 2.0 deprecates.
	wantWarnings := []string{
		filepath.Join(testdata, "features", "waiters-2.json") + ":20:9: shape " + ns + "GetWidget: warning: waiter WidgetGone: a status matcher for 404",
		filepath.Join(testdata, "features", "service-2.json") + ":129:40: shape " + ns + "Size: warning: The enum trait is deprecated.",
	}
	if len(m.Warnings) != len(wantWarnings) {
		t.Fatalf("warnings = %v", m.Warnings)
	}
	for i, w := range m.Warnings {
		if !strings.HasPrefix(w.Error(), wantWarnings[i]) {
			t.Errorf("warning %d = %v, want %s…", i, w, wantWarnings[i])
		}
	}
}

func orAbsent(s string) string {
	if s == "" {
		return "(absent)"
	}
	return s
}

// TestJSONProtocol loads an awsJson1_0 service: targetPrefix names the
// service, operations have no http trait, error codes become awsQueryError
// for a query-compatible service.
func TestJSONProtocol(t *testing.T) {
	m := load(t, filepath.Join(testdata, "jsonrpc", "service-2.json"))
	ns := "com.amazonaws.simplequeue#"
	svc := m.Shape(ns + "QueueService_20200202")
	if svc == nil {
		t.Fatalf("no service named after targetPrefix: %v", m.Services())
	}
	if len(svc.Traits.Protocols) != 2 || svc.Traits.Protocols[0].ID != "aws.protocols#awsJson1_0" {
		t.Errorf("protocols = %v", svc.Traits.Protocols)
	}
	if traitJSON(&svc.Traits, "aws.auth#sigv4") != `{"name":"queue"}` || !svc.Traits.Has("aws.protocols#awsQueryCompatible") {
		t.Errorf("service traits = %v", svc.Traits.All)
	}
	send := m.Shape(ns + "Send")
	if send.Traits.HTTP != nil || traitJSON(&send.Traits, "smithy.api#auth") != `[]` {
		t.Errorf("Send traits = %v", send.Traits.All)
	}
	if got := traitJSON(&m.Shape(ns+"TooBig").Traits, "aws.protocols#awsQueryError"); got != `{"code":"Queue.TooBig","httpResponseCode":413}` {
		t.Errorf("awsQueryError = %s", got)
	}
	if got := traitJSON(&m.Shape(ns+"SendInput").Member("Body").Traits, "smithy.api#jsonName"); got != `"body"` {
		t.Errorf("jsonName = %s", got)
	}
}
