package otel_test

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/smithy-go/middleware"

	"github.com/smithygen/smithygen/runtime/transport"
)

// sdkOnlyIDs are the middleware of aws-sdk-go-v2's stack that the generated
// client's stack leaves out (README, "Middleware stack").
var sdkOnlyIDs = []string{"legacyEndpointContextSetter", "setOperationInput", "ResolveEndpoint",
	"SetCredentialSourceMiddleware", "RecursionDetection", "RetryMetricsHeader", "disableHTTPS",
	"setLegacyContextSigningOptions", "ErrorCloseResponseBody", "CloseResponseBody"}

// TestStackIDs checks that the generated client's stack (with interceptors)
// has the IDs transport.StackMiddlewareIDs lists, in aws-sdk-go-v2's order,
// and lacks only sdkOnlyIDs.
func TestStackIDs(t *testing.T) {
	var lists [2]map[string][]string
	for i, c := range clients {
		cfg := config(okHTTP())
		cfg.APIOptions = append(cfg.APIOptions, func(s *middleware.Stack) error {
			lists[i] = map[string][]string{"Initialize": s.Initialize.List(), "Serialize": s.Serialize.List(),
				"Build": s.Build.List(), "Finalize": s.Finalize.List(), "Deserialize": s.Deserialize.List()}
			return nil
		})
		(&hooks{}).register(&cfg.Interceptors)
		if err := c.call(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	var missing []string
	for step, sdkIDs := range lists[1] {
		ours := lists[0][step]
		if !slices.Equal(ours, transport.StackMiddlewareIDs[step]) {
			t.Errorf("%s: stack %v, StackMiddlewareIDs %v", step, ours, transport.StackMiddlewareIDs[step])
		}
		var common []string
		for _, id := range sdkIDs {
			if slices.Contains(ours, id) {
				common = append(common, id)
			} else {
				missing = append(missing, id)
			}
		}
		if !slices.Equal(common, ours) {
			t.Errorf("%s: %v is not aws-sdk-go-v2's %v less some", step, ours, sdkIDs)
		}
	}
	slices.Sort(missing)
	want := slices.Sorted(slices.Values(sdkOnlyIDs))
	if !slices.Equal(missing, want) {
		t.Errorf("aws-sdk-go-v2 only: %v, want %v", missing, want)
	}
}
