package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/cleanrooms"

	ours "github.com/smithygen/smithygen/bench/gen/cleanrooms"
)

// sizes are the page sizes compared.
var sizes = []int{0, 1, 100, 1000}

// page returns a ListMemberships response body with n membership summaries.
func page(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"membershipSummaries":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := fmt.Sprintf("%08x-1234-4abc-8def-%012x", i, i)
		fmt.Fprintf(&b, `{"id":"%[1]s","arn":"arn:aws:cleanrooms:us-east-1:123456789012:membership/%[1]s",`+
			`"collaborationArn":"arn:aws:cleanrooms:us-east-1:123456789012:collaboration/%[1]s","collaborationId":"%[1]s",`+
			`"collaborationCreatorAccountId":"123456789012","collaborationCreatorDisplayName":"Example creator display name",`+
			`"collaborationName":"Example collaboration number %[2]d","createTime":1.700000123456E9,"updateTime":1700000999.5,`+
			`"status":"ACTIVE","memberAbilities":["CAN_QUERY","CAN_RECEIVE_RESULTS","CAN_RUN_JOB"],`+
			`"mlMemberAbilities":{"customMLMemberAbilities":["CAN_RECEIVE_MODEL_OUTPUT","CAN_RECEIVE_INFERENCE_OUTPUT"]},`+
			`"paymentConfiguration":{"queryCompute":{"isResponsible":true},"machineLearning":{"modelTraining":{"isResponsible":false},`+
			`"modelInference":{"isResponsible":true}},"jobCompute":{"isResponsible":false}}}`, id, i)
	}
	b.WriteString(`],"nextToken":"token-for-the-next-page"}`)
	return b.Bytes()
}

// fakeClient answers every request with the same 200 JSON response.
type fakeClient struct{ body []byte }

func (f *fakeClient) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"Content-Type": {"application/json"}, "X-Amzn-Requestid": {"req-1"}},
		Body:          io.NopCloser(bytes.NewReader(f.body)),
		ContentLength: int64(len(f.body)),
		Request:       r,
	}, nil
}

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "bench"}, nil
})

func BenchmarkListMemberships(b *testing.B) {
	for _, n := range sizes {
		body := page(n)
		b.Run(fmt.Sprintf("items=%d/client=smithygen", n), func(b *testing.B) {
			c := ours.New(ours.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}})
			run(b, len(body), n, func(ctx context.Context) (int, error) {
				out, err := c.ListMemberships(ctx, &ours.ListMembershipsInput{})
				if err != nil {
					return 0, err
				}
				return len(out.MembershipSummaries), nil
			})
		})
		b.Run(fmt.Sprintf("items=%d/client=aws-sdk-go-v2", n), func(b *testing.B) {
			c := v2.New(v2.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}})
			run(b, len(body), n, func(ctx context.Context) (int, error) {
				out, err := c.ListMemberships(ctx, &v2.ListMembershipsInput{})
				if err != nil {
					return 0, err
				}
				return len(out.MembershipSummaries), nil
			})
		})
	}
}

func run(b *testing.B, size, want int, call func(context.Context) (int, error)) {
	ctx := context.Background()
	if got, err := call(ctx); err != nil || got != want {
		b.Fatalf("got %d items, err %v; want %d", got, err, want)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := call(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSameResult checks both clients decode the 100-item page to the same
// values, so the benchmark compares equal work.
func TestSameResult(t *testing.T) {
	body := page(100)
	ctx := context.Background()
	a, err := ours.New(ours.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}).
		ListMemberships(ctx, &ours.ListMembershipsInput{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := v2.New(v2.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}).
		ListMemberships(ctx, &v2.ListMembershipsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.MembershipSummaries) != len(v.MembershipSummaries) || *a.NextToken != *v.NextToken {
		t.Fatalf("different pages")
	}
	for i := range a.MembershipSummaries {
		x, y := a.MembershipSummaries[i], v.MembershipSummaries[i]
		if *x.Id != *y.Id || *x.Arn != *y.Arn || !x.CreateTime.Equal(*y.CreateTime) || string(x.Status) != string(y.Status) ||
			len(x.MemberAbilities) != len(y.MemberAbilities) || *x.PaymentConfiguration.QueryCompute.IsResponsible != *y.PaymentConfiguration.QueryCompute.IsResponsible ||
			!strings.EqualFold(*x.CollaborationName, *y.CollaborationName) {
			t.Fatalf("item %d differs:\n%+v\n%+v", i, x, y)
		}
	}
}
