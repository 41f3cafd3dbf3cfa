// Command report reads `go test -bench` output of the client benchmarks
// (Benchmark<Name>/items=N/client=smithygen|aws-sdk-go-v2) and prints, per
// benchmark, smithygen against aws-sdk-go-v2 per page size, then one ratio
// line per benchmark at 1000 items, ListMemberships last.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
)

var line = regexp.MustCompile(`^Benchmark(\w+)/items=(\d+)/client=(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op.*?\s([\d.]+) B/op\s+(\d+) allocs/op`)

type result struct{ ns, bytes, allocs float64 }

// bench holds one benchmark's results by page size and client.
type bench struct {
	name  string
	sizes []string
	res   map[string]map[string]result
}

// last is the benchmark whose ratio line ends the report.
const last = "ListMemberships"

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
	// ListMemberships last, the others in the order they ran.
	slices.SortStableFunc(benches, func(a, b *bench) int { return boolInt(a.name == last) - boolInt(b.name == last) })
	for _, b := range benches {
		fmt.Printf("%s\n%-6s %-14s %12s %12s %10s\n", b.name, "items", "client", "time/op", "bytes/op", "allocs/op")
		for _, n := range b.sizes {
			for _, c := range []string{"smithygen", "aws-sdk-go-v2"} {
				r := b.res[n][c]
				fmt.Printf("%-6s %-14s %12s %12.0f %10.0f\n", n, c, dur(r.ns), r.bytes, r.allocs)
			}
		}
	}
	failed := len(benches) == 0
	for _, b := range benches {
		a, v := b.res["1000"]["smithygen"], b.res["1000"]["aws-sdk-go-v2"]
		if a.ns == 0 || v.ns == 0 {
			fmt.Fprintf(os.Stderr, "report: %s has no results for 1000 items\n", b.name)
			failed = true
			continue
		}
		fmt.Printf("%s ratio vs aws-sdk-go-v2 at 1000 items: time %.1fx, allocs %.1fx\n", b.name, v.ns/a.ns, v.allocs/a.allocs)
	}
	if failed {
		os.Exit(1)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
