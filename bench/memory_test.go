package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	v2 "github.com/aws/aws-sdk-go-v2/service/cleanrooms"

	ours "github.com/smithygen/smithygen/bench/gen/cleanrooms"
)

// largeItems makes a ListMemberships page of about 93 MB.
const largeItems = 100_000

// BenchmarkLargePagePeakMemory runs one call with a 93 MB page per process
// and reports the memory the call needed beyond the page itself: the peak
// resident set during the call less the resident set before it, as a
// multiple of the body size (peak/body).
func BenchmarkLargePagePeakMemory(b *testing.B) {
	for _, client := range []string{"smithygen", "aws-sdk-go-v2"} {
		b.Run("client="+client, func(b *testing.B) {
			var ratio float64
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestLargePageChild$", "-test.v")
				cmd.Env = append(os.Environ(), "BENCH_LARGE_PAGE_CLIENT="+client)
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				_, after, ok := strings.Cut(string(out), "peak/body=")
				if !ok {
					b.Fatalf("no result in\n%s", out)
				}
				f, err := strconv.ParseFloat(strings.Fields(after)[0], 64)
				if err != nil {
					b.Fatal(err)
				}
				ratio = max(ratio, f)
			}
			b.ReportMetric(ratio, "peak/body")
		})
	}
}

// TestLargePageChild is the process BenchmarkLargePagePeakMemory runs.
func TestLargePageChild(t *testing.T) {
	client := os.Getenv("BENCH_LARGE_PAGE_CLIENT")
	if client == "" {
		t.Skip("run by BenchmarkLargePagePeakMemory")
	}
	body := bytes.Clone(page(largeItems))
	runtime.GC()
	debug.FreeOSMemory()
	before := statusKB(t, "VmRSS")
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Fatalf("resetting the peak resident set: %v", err)
	}
	ctx := context.Background()
	var n int
	switch client {
	case "smithygen":
		out, err := ours.New(ours.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}).
			ListMemberships(ctx, &ours.ListMembershipsInput{})
		if err != nil {
			t.Fatal(err)
		}
		n = len(out.MembershipSummaries)
	case "aws-sdk-go-v2":
		out, err := v2.New(v2.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}).
			ListMemberships(ctx, &v2.ListMembershipsInput{})
		if err != nil {
			t.Fatal(err)
		}
		n = len(out.MembershipSummaries)
	}
	peak := statusKB(t, "VmHWM")
	if n != largeItems {
		t.Fatalf("%d items", n)
	}
	fmt.Printf("body=%dMB peak/body=%.2f\n", len(body)>>20, float64(peak-before)*1024/float64(len(body)))
}

// statusKB reads a kB field of /proc/self/status.
func statusKB(t *testing.T, field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}
