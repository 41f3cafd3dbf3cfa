package cleanroomsml

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/runtime/transport"
)

// cutBody answers the first requests with the headers of a 200 and part of
// its body, then closes the connection; later requests get page.
func cutBody(t *testing.T, cut int, page string) responder {
	return func(w http.ResponseWriter, _ *http.Request, n int) {
		if n > cut {
			write(w, 200, page)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Amzn-Requestid: cut-%d\r\nContent-Length: %d\r\n\r\n%s",
			n, len(page), page[:len(page)/2])
		buf.Flush()
	}
}

const onePage = `{"trainedModels":[{"name":"whole"}]}`

// TestTruncatedReadRetried checks that ListTrainedModels, which is
// @readonly, is sent again when its response body is cut off, and that the
// retry metadata shows both attempts.
func TestTruncatedReadRetried(t *testing.T) {
	s := newFakeService(t, cutBody(t, 1, onePage))
	out, err := s.client().ListTrainedModels(context.Background(), validInput())
	if err != nil {
		t.Fatalf("call failed: %v", err)
	}
	if len(out.TrainedModels) != 1 || *out.TrainedModels[0].Name != "whole" || s.hits() != 2 {
		t.Fatalf("output %+v after %d requests, want the second attempt's page", out.TrainedModels, s.hits())
	}
	results, ok := transport.GetAttemptResults(out.ResultMetadata)
	if !ok || len(results.Results) != 2 {
		t.Fatalf("attempt results %+v, %v; want 2", results, ok)
	}
	first := results.Results[0]
	var be *transport.ResponseBodyError
	if !first.Retried || !errors.As(first.Err, &be) || !be.Idempotent {
		t.Errorf("first attempt: retried %v, err %v; want a retried *transport.ResponseBodyError", first.Retried, first.Err)
	}
	if results.Results[1].Err != nil {
		t.Errorf("second attempt failed: %v", results.Results[1].Err)
	}
}

// TestTruncatedReadExhaustsAttempts checks that a body cut off on every
// attempt counts against RetryMaxAttempts and fails with the typed error.
func TestTruncatedReadExhaustsAttempts(t *testing.T) {
	s := newFakeService(t, cutBody(t, 10, onePage))
	_, err := s.client(func(o *Options) { o.RetryMaxAttempts = 2 }).ListTrainedModels(context.Background(), validInput())
	checkOperationError(t, err)
	be := mustAs[*transport.ResponseBodyError](t, err)
	if s.hits() != 2 || !be.Idempotent || !strings.Contains(err.Error(), "response body did not arrive whole") {
		t.Errorf("%d requests, error %v", s.hits(), err)
	}
}

// TestResponseSizeLimit checks the client-wide and per-call body limits.
func TestResponseSizeLimit(t *testing.T) {
	s := newFakeService(t, reply(200, onePage))
	c := s.client(func(o *Options) { o.MaxResponseBodyBytes = int64(len(onePage)) })
	if _, err := c.ListTrainedModels(context.Background(), validInput()); err != nil {
		t.Fatalf("body at the limit: %v", err)
	}
	_, err := c.ListTrainedModels(context.Background(), validInput(), func(o *Options) { o.MaxResponseBodyBytes = 10 })
	tl := mustAs[*transport.ResponseTooLargeError](t, err)
	if tl.Limit != 10 || tl.ContentLength != int64(len(onePage)) {
		t.Errorf("error %+v", tl)
	}
	if s.hits() != 2 {
		t.Errorf("%d requests: the limit error must not be retried", s.hits())
	}
}
