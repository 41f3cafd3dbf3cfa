// Command report reads `go test -bench` output of BenchmarkListMemberships
// and prints smithygen against aws-sdk-go-v2 per page size, ending with the
// ratio at 1000 items.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
)

var line = regexp.MustCompile(`^BenchmarkListMemberships/items=(\d+)/client=(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op.*?\s([\d.]+) B/op\s+(\d+) allocs/op`)

type result struct{ ns, bytes, allocs float64 }

func main() {
	res := map[string]map[string]result{}
	var order []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if res[m[1]] == nil {
			res[m[1]] = map[string]result{}
			order = append(order, m[1])
		}
		res[m[1]][m[2]] = result{num(m[3]), num(m[4]), num(m[5])}
	}
	fmt.Printf("%-6s %-14s %12s %12s %10s\n", "items", "client", "time/op", "bytes/op", "allocs/op")
	for _, n := range order {
		for _, c := range []string{"smithygen", "aws-sdk-go-v2"} {
			r := res[n][c]
			fmt.Printf("%-6s %-14s %12s %12.0f %10.0f\n", n, c, dur(r.ns), r.bytes, r.allocs)
		}
	}
	a, b := res["1000"]["smithygen"], res["1000"]["aws-sdk-go-v2"]
	if a.ns == 0 || b.ns == 0 {
		fmt.Fprintln(os.Stderr, "report: no results for 1000 items")
		os.Exit(1)
	}
	fmt.Printf("ratio vs aws-sdk-go-v2 at 1000 items: time %.1fx, allocs %.1fx\n", b.ns/a.ns, b.allocs/a.allocs)
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
