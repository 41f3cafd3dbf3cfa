package templates

// clientCleanroomsTestSource tests the generated default model's client and
// ListTrainedModels paginator against a fake HTTPClient.
const clientCleanroomsTestSource = `package cleanroomsml_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"

	"PKGPATH"
)

const membership = "0f6f1a66-1cb4-4a3e-9d2d-6a0e2f9a1b2c"

func modelJSON(name string) string {
	return fmt.Sprintf("{\"name\":%q,\"createTime\":\"2024-01-02T03:04:05Z\",\"updateTime\":\"2024-01-02T03:04:05Z\"}", name)
}

// pagesServer answers by the request's nextToken: pages[token] is the
// response's next token and model names; the last token of pages has no
// next token unless listed.
func pagesServer(pages map[string][]string) *fakeHTTP {
	return &fakeHTTP{respond: func(n int, r *http.Request, _ string) *http.Response {
		p, ok := pages[r.URL.Query().Get("nextToken")]
		if !ok {
			return jsonResponse(400, "{\"message\":\"unknown token\"}", "X-Amzn-Errortype", "ValidationException")
		}
		var models []string
		for _, m := range p[1:] {
			models = append(models, modelJSON(m))
		}
		body := "{\"trainedModels\":[" + strings.Join(models, ",") + "]"
		if p[0] != "" {
			body += ",\"nextToken\":" + fmt.Sprintf("%q", p[0])
		}
		return jsonResponse(200, body+"}", "X-Amzn-Requestid", fmt.Sprintf("req-%d", n))
	}}
}

func newClient(f *fakeHTTP, optFns ...func(*cleanroomsml.Options)) *cleanroomsml.Client {
	return cleanroomsml.New(cleanroomsml.Options{Region: "us-east-1", HTTPClient: f,
		Credentials: aws.AnonymousCredentials{}, Retryer: fastRetryer()}, optFns...)
}

func input() *cleanroomsml.ListTrainedModelsInput {
	return &cleanroomsml.ListTrainedModelsInput{MembershipIdentifier: aws.String(membership)}
}

func query(t *testing.T, f *fakeHTTP, i int) (token, limit string) {
	r, _ := f.request(t, i)
	q := r.URL.Query()
	return q.Get("nextToken"), q.Get("maxResults")
}

func TestPaginatorThreadsTokenAndLimit(t *testing.T) {
	f := pagesServer(map[string][]string{"start": {"t1", "a"}, "t1": {"t2", "b"}, "t2": {"", "c"}})
	in := input()
	in.NextToken, in.MaxResults = aws.String("start"), aws.Int32(7)
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), in, func(o *cleanroomsml.ListTrainedModelsPaginatorOptions) {
		o.Limit++
	})
	var names []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.TrainedModels {
			names = append(names, aws.ToString(m.Name))
		}
	}
	if got := strings.Join(names, ","); got != "a,b,c" {
		t.Errorf("models %q, want a,b,c", got)
	}
	want := [][2]string{{"start", "8"}, {"t1", "8"}, {"t2", "8"}}
	if f.count() != len(want) {
		t.Fatalf("%d requests, want %d", f.count(), len(want))
	}
	for i, w := range want {
		if tok, lim := query(t, f, i); tok != w[0] || lim != w[1] {
			t.Errorf("request %d: nextToken=%q maxResults=%q, want %q %q", i+1, tok, lim, w[0], w[1])
		}
	}
	if in.NextToken == nil || *in.NextToken != "start" || *in.MaxResults != 7 {
		t.Error("paginator changed the caller's input")
	}
	if _, err := p.NextPage(ctx); err == nil {
		t.Error("NextPage after the last page: no error")
	}
	if f.count() != len(want) {
		t.Error("NextPage after the last page sent a request")
	}
}

func TestPaginatorLimitUnset(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"", "a"}})
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	if _, err := p.NextPage(ctx); err != nil {
		t.Fatal(err)
	}
	r, _ := f.request(t, 0)
	if q := r.URL.Query(); q.Has("maxResults") || q.Has("nextToken") {
		t.Errorf("query %q: want neither maxResults nor nextToken", r.URL.RawQuery)
	}
}

func TestPaginatorStopOnDuplicateToken(t *testing.T) {
	for _, stop := range []bool{true, false} {
		f := pagesServer(map[string][]string{"": {"same", "a"}, "same": {"same", "b"}})
		p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input(), func(o *cleanroomsml.ListTrainedModelsPaginatorOptions) {
			o.StopOnDuplicateToken = stop
		})
		pages := 0
		for _, err := range p.Pages(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			if pages++; pages == 4 {
				break
			}
		}
		want := 2
		if !stop {
			want = 4
		}
		if pages != want || f.count() != want {
			t.Errorf("StopOnDuplicateToken=%v: %d pages, %d requests, want %d", stop, pages, f.count(), want)
		}
	}
}

func TestItemsAcrossPages(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"t1", "a", "b"}, "t1": {"", "c"}})
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	var names []string
	for m, err := range p.Items(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, aws.ToString(m.Name))
	}
	if got := strings.Join(names, ","); got != "a,b,c" || f.count() != 2 {
		t.Errorf("items %q in %d requests, want a,b,c in 2", got, f.count())
	}
}

func TestIteratorEarlyBreak(t *testing.T) {
	pages := map[string][]string{"": {"t1", "a", "b"}, "t1": {"", "c"}}
	f := pagesServer(pages)
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	for _, err := range p.Items(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	if f.count() != 1 {
		t.Errorf("Items: %d requests after breaking at the first item, want 1", f.count())
	}
	f = pagesServer(pages)
	p = cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	for range p.Pages(ctx) {
		break
	}
	if f.count() != 1 {
		t.Errorf("Pages: %d requests after breaking at the first page, want 1", f.count())
	}
	if !p.HasMorePages() {
		t.Error("HasMorePages is false after one page of two")
	}
}

// failing serves the first page, then a ValidationException.
func failing() *fakeHTTP {
	return &fakeHTTP{respond: func(n int, r *http.Request, _ string) *http.Response {
		if n == 1 {
			return jsonResponse(200, "{\"nextToken\":\"t1\",\"trainedModels\":["+modelJSON("a")+"]}")
		}
		return jsonResponse(400, "{\"message\":\"bad token\"}", "X-Amzn-Errortype", "ValidationException")
	}}
}

func checkValidationError(t *testing.T, err error) {
	t.Helper()
	var oe *smithy.OperationError
	var ae smithy.APIError
	if !errors.As(err, &oe) || oe.Service() != "CleanRoomsML" || oe.Operation() != "ListTrainedModels" {
		t.Errorf("error %v: want a *smithy.OperationError of CleanRoomsML ListTrainedModels", err)
	}
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		t.Errorf("error %v: want a ValidationException", err)
	}
}

func TestPagesYieldsError(t *testing.T) {
	f := failing()
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	var got []string
	for page, err := range p.Pages(ctx) {
		switch {
		case err != nil:
			if page != nil {
				t.Error("page yielded with an error")
			}
			checkValidationError(t, err)
			got = append(got, "error")
		default:
			got = append(got, "page")
		}
	}
	if strings.Join(got, ",") != "page,error" || f.count() != 2 {
		t.Errorf("yielded %v in %d requests, want page,error in 2", got, f.count())
	}
}

func TestItemsYieldsError(t *testing.T) {
	f := failing()
	p := cleanroomsml.NewListTrainedModelsPaginator(newClient(f), input())
	var got []string
	for m, err := range p.Items(ctx) {
		if err != nil {
			checkValidationError(t, err)
			if m.Name != nil {
				t.Error("non-zero item yielded with an error")
			}
			got = append(got, "error")
			continue
		}
		got = append(got, aws.ToString(m.Name))
	}
	if strings.Join(got, ",") != "a,error" || f.count() != 2 {
		t.Errorf("yielded %v in %d requests, want a,error in 2", got, f.count())
	}
}

func TestValidationBeforeIO(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"", "a"}})
	c := newClient(f)
	bad := input()
	bad.MaxResults = aws.Int32(500)
	for name, in := range map[string]*cleanroomsml.ListTrainedModelsInput{"nil": nil, "missing id": {}, "range": bad} {
		_, err := c.ListTrainedModels(ctx, in)
		var oe *smithy.OperationError
		var invalid smithy.InvalidParamsError
		var invalidPtr *smithy.InvalidParamsError
		isInvalid := errors.As(err, &invalid) || errors.As(err, &invalidPtr)
		if !errors.As(err, &oe) || oe.Service() != "CleanRoomsML" || oe.Operation() != "ListTrainedModels" || !isInvalid {
			t.Errorf("%s: error %v (%T), want an OperationError wrapping invalid params", name, err, err)
		}
	}
	if f.count() != 0 {
		t.Errorf("%d requests sent for invalid inputs", f.count())
	}
}

func TestResultMetadataAndEndpoint(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"", "a"}})
	out, err := newClient(f).ListTrainedModels(ctx, input())
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-1" {
		t.Errorf("request ID %q, want req-1", id)
	}
	r, _ := f.request(t, 0)
	want := "https://cleanrooms-ml.us-east-1.amazonaws.com/memberships/" + membership + "/trained-models"
	if u := r.URL.Scheme + "://" + r.URL.Host + r.URL.Path; u != want || r.Method != "GET" {
		t.Errorf("%s %s, want GET %s", r.Method, u, want)
	}
}

func TestPerCallOptions(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"", "a"}})
	other := pagesServer(map[string][]string{"": {"", "b"}})
	c := newClient(f, func(o *cleanroomsml.Options) { o.BaseEndpoint = aws.String("http://base.example") })
	out, err := c.ListTrainedModels(ctx, input(), func(o *cleanroomsml.Options) {
		o.BaseEndpoint = aws.String("http://call.example/prefix")
		o.HTTPClient = other
	})
	if err != nil || aws.ToString(out.TrainedModels[0].Name) != "b" {
		t.Fatalf("per-call options: %v", err)
	}
	if _, err := c.ListTrainedModels(ctx, input()); err != nil {
		t.Fatal(err)
	}
	r, _ := other.request(t, 0)
	if r.URL.Host != "call.example" || !strings.HasPrefix(r.URL.Path, "/prefix/memberships/") {
		t.Errorf("per-call request sent to %s", r.URL)
	}
	if r, _ := f.request(t, 0); f.count() != 1 || r.URL.Host != "base.example" {
		t.Errorf("client request sent to %s (%d requests), want base.example", r.URL, f.count())
	}
	if got := aws.ToString(c.Options().BaseEndpoint); got != "http://base.example" {
		t.Errorf("per-call options changed the client's: %q", got)
	}
}

func TestRetryMaxAttempts(t *testing.T) {
	f := &fakeHTTP{respond: func(int, *http.Request, string) *http.Response {
		return jsonResponse(500, "{}", "X-Amzn-Errortype", "InternalServerException")
	}}
	c := newClient(f, func(o *cleanroomsml.Options) { o.RetryMaxAttempts = 2 })
	if _, err := c.ListTrainedModels(ctx, input()); err == nil || f.count() != 2 {
		t.Fatalf("client RetryMaxAttempts=2: %d attempts, error %v", f.count(), err)
	}
	_, err := c.ListTrainedModels(ctx, input(), func(o *cleanroomsml.Options) { o.RetryMaxAttempts = 3 })
	if err == nil || f.count() != 5 {
		t.Fatalf("per-call RetryMaxAttempts=3: %d attempts in total, want 5", f.count())
	}
}

func TestNewFromConfig(t *testing.T) {
	f := pagesServer(map[string][]string{"": {"", "a"}})
	retryers := 0
	cfg := aws.Config{Region: "eu-west-1", HTTPClient: f, Credentials: aws.AnonymousCredentials{},
		AppID: "my-app", BaseEndpoint: aws.String("http://cfg.example"), RetryMode: aws.RetryModeAdaptive,
		Retryer: func() aws.Retryer { retryers++; return fastRetryer() },
		ServiceOptions: []func(string, any){func(id string, o any) {
			if id == cleanroomsml.ServiceID {
				o.(*cleanroomsml.Options).RetryMaxAttempts = 4
			}
		}}}
	c := cleanroomsml.NewFromConfig(cfg, func(o *cleanroomsml.Options) { o.Region = "eu-west-2" })
	o := c.Options()
	if o.Region != "eu-west-2" || o.AppID != "my-app" || aws.ToString(o.BaseEndpoint) != "http://cfg.example" ||
		o.RetryMode != aws.RetryModeAdaptive || o.RetryMaxAttempts != 4 || retryers != 1 || o.Retryer.MaxAttempts() != 4 {
		t.Errorf("options %+v (retryer calls %d)", o, retryers)
	}
	if _, err := c.ListTrainedModels(ctx, input()); err != nil {
		t.Fatal(err)
	}
	r, _ := f.request(t, 0)
	if r.URL.Host != "cfg.example" || !strings.Contains(r.Header.Get("User-Agent"), "app/my-app") {
		t.Errorf("request to %s with User-Agent %q", r.URL.Host, r.Header.Get("User-Agent"))
	}
}

func TestDefaultRetryer(t *testing.T) {
	o := cleanroomsml.New(cleanroomsml.Options{Region: "us-east-1"}).Options()
	if o.Retryer == nil || o.Retryer.MaxAttempts() != 3 {
		t.Errorf("default retryer %v", o.Retryer)
	}
	o = cleanroomsml.New(cleanroomsml.Options{Region: "us-east-1", RetryMaxAttempts: 5}, func(o *cleanroomsml.Options) {
		if o.Retryer == nil {
			t.Error("functional options of New see no retryer")
		}
	}).Options()
	if o.Retryer.MaxAttempts() != 5 {
		t.Errorf("RetryMaxAttempts 5: retryer allows %d", o.Retryer.MaxAttempts())
	}
}

// The API interface and the per-operation interface accept substitutes.
type fakeAPI struct{ cleanroomsml.API }

func (fakeAPI) ListTrainedModels(_ context.Context, in *cleanroomsml.ListTrainedModelsInput, _ ...func(*cleanroomsml.Options)) (*cleanroomsml.ListTrainedModelsOutput, error) {
	if in.NextToken == nil {
		return &cleanroomsml.ListTrainedModelsOutput{NextToken: aws.String("x")}, nil
	}
	return &cleanroomsml.ListTrainedModelsOutput{}, nil
}

func TestSubstituteClient(t *testing.T) {
	var api cleanroomsml.API = fakeAPI{}
	p := cleanroomsml.NewListTrainedModelsPaginator(api, nil)
	n := 0
	for _, err := range p.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d pages from the substitute, want 2", n)
	}
}

// emptyPage answers every request with an empty page, allocating no more
// than an HTTP client must: the response and its body.
type emptyPage struct{ header http.Header }

type emptyPageBody struct{ done bool }

const emptyPageJSON = "{\"trainedModels\":[]}"

func (b *emptyPageBody) Read(p []byte) (int, error) {
	if b.done {
		return 0, io.EOF
	}
	b.done = true
	return copy(p, emptyPageJSON), nil
}

func (b *emptyPageBody) Close() error { return nil }

func (e emptyPage) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: e.header, ContentLength: int64(len(emptyPageJSON)), Body: &emptyPageBody{}}, nil
}

func benchmarkEmptyPage(b *testing.B, creds aws.CredentialsProvider) {
	f := emptyPage{http.Header{"Content-Type": {"application/json"}}}
	c := cleanroomsml.New(cleanroomsml.Options{Region: "us-east-1", HTTPClient: f, Credentials: creds})
	in := input()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.ListTrainedModels(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEmptyPageUnsigned(b *testing.B) { benchmarkEmptyPage(b, aws.AnonymousCredentials{}) }

func BenchmarkEmptyPageSigned(b *testing.B) {
	benchmarkEmptyPage(b, aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret", CanExpire: false}, nil
	})))
}
`
