// Command report reads `go test -bench` output of the client benchmarks
// (Benchmark<Name>/items=N/client=C) and prints smithygen against
// aws-sdk-go-v2 per benchmark and page size, then a ratio line per
// benchmark at its largest page; ListMemberships's line comes last and
// unprefixed.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
)

var line = regexp.MustCompile(`^Benchmark(\w+)/items=(\d+)/client=(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op.*?\s([\d.]+) B/op\s+(\d+) allocs/op`)

type result struct{ ns, bytes, allocs float64 }

// bench is one benchmark's results by page size, in the order they ran.
type bench struct {
	name  string
	sizes []string
	res   map[string]map[string]result
}

func main() {
	var benches []*bench
	byName := map[string]*bench{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		b := byName[m[1]]
		if b == nil {
			b = &bench{name: m[1], res: map[string]map[string]result{}}
			byName[m[1]] = b
			benches = append(benches, b)
		}
		if b.res[m[2]] == nil {
			b.res[m[2]] = map[string]result{}
			b.sizes = append(b.sizes, m[2])
		}
		b.res[m[2]][m[3]] = result{num(m[4]), num(m[5]), num(m[6])}
	}
	// ListMemberships last.
	if lm := byName["ListMemberships"]; lm != nil {
		out := benches[:0:0]
		for _, b := range benches {
			if b != lm {
				out = append(out, b)
			}
		}
		benches = append(out, lm)
	}
	fmt.Printf("%-16s %-6s %-14s %12s %12s %10s\n", "benchmark", "items", "client", "time/op", "bytes/op", "allocs/op")
	for _, b := range benches {
		for _, n := range b.sizes {
			for _, c := range []string{"smithygen", "aws-sdk-go-v2"} {
				r := b.res[n][c]
				fmt.Printf("%-16s %-6s %-14s %12s %12.0f %10.0f\n", b.name, n, c, dur(r.ns), r.bytes, r.allocs)
			}
		}
	}
	failed := false
	for _, b := range benches {
		n := b.sizes[0]
		for _, s := range b.sizes {
			if num(s) > num(n) {
				n = s
			}
		}
		x, y := b.res[n]["smithygen"], b.res[n]["aws-sdk-go-v2"]
		if x.ns == 0 || y.ns == 0 {
			fmt.Fprintf(os.Stderr, "report: %s: no results of both clients for %s items\n", b.name, n)
			failed = true
			continue
		}
		prefix := b.name + ": "
		if b.name == "ListMemberships" {
			prefix = ""
		}
		fmt.Printf("%sratio vs aws-sdk-go-v2 at %s items: time %.1fx, allocs %.1fx\n", prefix, n, y.ns/x.ns, y.allocs/x.allocs)
	}
	if byName["ListMemberships"] == nil {
		fmt.Fprintln(os.Stderr, "report: no results for ListMemberships")
		failed = true
	}
	if failed {
		os.Exit(1)
	}
}

func num(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }

func dur(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
