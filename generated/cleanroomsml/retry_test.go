package cleanroomsml

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/smithygen/smithygen/generated/cleanroomsml/types"
)

// throttleThen answers ThrottlingException (429) to the first throttled
// requests and an empty page afterwards.
func throttleThen(throttled int) responder {
	return func(w http.ResponseWriter, _ *http.Request, n int) {
		if n <= throttled {
			write(w, 429, `{"message":"slow down"}`, "X-Amzn-Errortype", "ThrottlingException")
			return
		}
		write(w, 200, `{"trainedModels":[{"name":"after-retry"}]}`)
	}
}

func TestThrottledCallRetriedToSuccess(t *testing.T) {
	s := newFakeService(t, throttleThen(2))
	out, err := s.client().ListTrainedModels(context.Background(), validInput())
	if err != nil {
		t.Fatalf("call failed after retries: %v", err)
	}
	if n := s.hits(); n != 3 {
		t.Fatalf("server hits = %d, want 3", n)
	}
	if len(out.TrainedModels) != 1 || *out.TrainedModels[0].Name != "after-retry" {
		t.Errorf("output = %+v, want the page of the last attempt", out.TrainedModels)
	}
	first := s.request(t, 0)
	for i := range 3 {
		r := s.request(t, i)
		if got, want := r.Header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=3", i+1); got != want {
			t.Errorf("attempt %d: amz-sdk-request = %q, want %q", i+1, got, want)
		}
		if id := r.Header.Get("Amz-Sdk-Invocation-Id"); id == "" || id != first.Header.Get("Amz-Sdk-Invocation-Id") {
			t.Errorf("attempt %d: invocation ID %q differs from the first attempt's", i+1, id)
		}
		if got, want := r.Header.Get("Authorization"), resign(t, r); got != want {
			t.Errorf("attempt %d: Authorization = %q, recomputed %q", i+1, got, want)
		}
	}
}

func TestValidationExceptionNotRetried(t *testing.T) {
	s := newFakeService(t, reply(400, `{"message":"no"}`, "X-Amzn-Errortype", "ValidationException"))
	_, err := s.client().ListTrainedModels(context.Background(), validInput())
	mustAs[*types.ValidationException](t, err)
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

func TestRetryMaxAttempts(t *testing.T) {
	withClientOption := func(fn func(*Options)) func(*fakeService) *Client {
		return func(s *fakeService) *Client { return s.client(fn) }
	}
	tests := []struct {
		name   string
		client func(*fakeService) *Client
		call   []func(*Options)
		want   int
	}{
		{"client option", withClientOption(func(o *Options) { o.RetryMaxAttempts = 2 }), nil, 2},
		{"call option", withClientOption(func(o *Options) { o.RetryMaxAttempts = 2 }),
			[]func(*Options){func(o *Options) { o.RetryMaxAttempts = 5 }}, 5},
		{"no retryer", withClientOption(noRetries), nil, 1},
		{"aws.Config", func(s *fakeService) *Client {
			return NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(s.URL),
				Credentials: staticCredentials(), HTTPClient: s.Client(), Retryer: fastRetryer, RetryMaxAttempts: 4})
		}, nil, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeService(t, throttleThen(100))
			_, err := tc.client(s).ListTrainedModels(context.Background(), validInput(), tc.call...)
			checkOperationError(t, err)
			mustAs[*types.ThrottlingException](t, err)
			if n := s.hits(); n != tc.want {
				t.Errorf("server hits = %d, want %d", n, tc.want)
			}
			if tc.want > 1 {
				if me := mustAs[*retry.MaxAttemptsError](t, err); me.Attempt != tc.want {
					t.Errorf("MaxAttemptsError.Attempt = %d, want %d", me.Attempt, tc.want)
				}
			}
		})
	}
}

func TestCancelledContextBeforeCall(t *testing.T) {
	s := newFakeService(t, reply(200, `{"trainedModels":[]}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.client().ListTrainedModels(ctx, validInput())
	checkOperationError(t, err)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v is not context.Canceled", err)
	}
	if n := s.hits(); n != 0 {
		t.Errorf("server hits = %d, want 0", n)
	}
}

func TestCancelledContextDuringCall(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := newFakeService(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		cancel()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		write(w, 503, `{"message":"late"}`)
	})
	_, err := s.client().ListTrainedModels(ctx, validInput())
	checkOperationError(t, err)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v is not context.Canceled", err)
	}
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1 (no retry after cancellation)", n)
	}
}
