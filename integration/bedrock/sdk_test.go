package bedrock

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime/types"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// sdkEvents reads a ConverseStream from srv with aws-sdk-go-v2's client.
func sdkEvents(t *testing.T, url string) ([]string, error) {
	c := sdk.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(url)})
	out, err := c.ConverseStream(context.Background(), &sdk.ConverseStreamInput{ModelId: aws.String("m"),
		Messages: []sdktypes.Message{{Role: sdktypes.ConversationRoleUser,
			Content: []sdktypes.ContentBlock{&sdktypes.ContentBlockMemberText{Value: "Hello"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	defer s.Close()
	var got []string
	for ev := range s.Events() {
		got = append(got, render(ev))
	}
	return got, s.Err()
}

// The same server answers aws-sdk-go-v2's client and the generated one
// with the same events and the same modeled error.
func TestSameEventsAsSDK(t *testing.T) {
	for name, c := range map[string]eventstreamtest.Converse{
		"complete":  {Deltas: eventstreamtest.Deltas(25), InputTokens: 7, OutputTokens: 25, LatencyMs: 88, StopReason: "max_tokens"},
		"throttled": {Deltas: eventstreamtest.Deltas(25), ThrottleAfter: 9},
	} {
		t.Run(name, func(t *testing.T) {
			srv := converseServer(t, c)
			want, wantErr := sdkEvents(t, srv.URL)
			out, err := client(t, srv).ConverseStream(context.Background(), input)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			s := out.GetStream()
			for ev := range s.Events() {
				got = append(got, render(ev))
			}
			if len(got) != len(want) || len(got) < 10 {
				t.Fatalf("%d events, aws-sdk-go-v2 %d (%v)", len(got), len(want), wantErr)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("event %d:\n got %s\nwant %s", i, got[i], want[i])
				}
			}
			gotErr := s.Err()
			if (gotErr == nil) != (wantErr == nil) {
				t.Fatalf("Err %v, aws-sdk-go-v2 %v", gotErr, wantErr)
			}
			if wantErr != nil {
				var g *types.ThrottlingException
				var w *sdktypes.ThrottlingException
				var ga, wa smithy.APIError
				if !errors.As(gotErr, &g) || !errors.As(wantErr, &w) || !errors.As(gotErr, &ga) || !errors.As(wantErr, &wa) {
					t.Fatalf("Err %T, aws-sdk-go-v2 %T", gotErr, wantErr)
				}
				if ga.ErrorCode() != wa.ErrorCode() || ga.ErrorMessage() != wa.ErrorMessage() || ga.ErrorFault() != wa.ErrorFault() {
					t.Errorf("error %s %q %v, aws-sdk-go-v2 %s %q %v", ga.ErrorCode(), ga.ErrorMessage(), ga.ErrorFault(),
						wa.ErrorCode(), wa.ErrorMessage(), wa.ErrorFault())
				}
			}
			s.Close()
		})
	}
}
