package botocore_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

// wireCase is one entry of testdata/wire_cases.json: an operation call,
// the input (or one per side where their Go types differ) and the
// responses to answer with. Pending names why the case cannot run yet; it
// must be removed once both sides generate a client.
type wireCase struct {
	Service   string          `json:"service"`
	Operation string          `json:"operation"`
	Pending   string          `json:"pending,omitempty"`
	Input     json.RawMessage `json:"input,omitempty"`
	Smithy    json.RawMessage `json:"smithyInput,omitempty"`
	Boto      json.RawMessage `json:"botoInput,omitempty"`
	Response  json.RawMessage `json:"response,omitempty"`
	Error     json.RawMessage `json:"error,omitempty"`
}

// TestSameWireBehaviour calls operations of the clients generated from the
// Smithy JSON and from botocore against a fake HTTP client: both must send
// the same request and decode the same output and errors. The cases are in
// testdata/wire_cases.json; a case for a service without a client yet is
// marked pending.
func TestSameWireBehaviour(t *testing.T) {
	work, ps := pairs(t)
	data, err := os.ReadFile(filepath.Join("testdata", "wire_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []wireCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	byName := map[string]*pair{}
	for _, p := range ps {
		byName[p.name] = p
	}
	var run []wireCase
	services := map[string]*pair{}
	for _, c := range cases {
		p := byName[c.Service]
		if p == nil {
			t.Errorf("%s: no such service in models/botocore", c.Service)
			continue
		}
		client := hasClient(p.smithy) && hasClient(p.boto)
		switch {
		case c.Pending != "" && client:
			t.Errorf("%s %s is pending (%s) but both sides now generate a client: remove pending", c.Service, c.Operation, c.Pending)
		case c.Pending != "":
			t.Logf("%s %s not run: %s", c.Service, c.Operation, c.Pending)
		case !client:
			t.Errorf("%s has no generated client on both sides", c.Service)
		default:
			run = append(run, c)
			services[c.Service] = p
		}
	}
	if len(run) < 3 {
		t.Fatalf("only %d wire cases run", len(run))
	}
	dir := filepath.Join(work, "wirecheck")
	cj, _ := json.MarshalIndent(run, "", "  ")
	if err := writeFile(filepath.Join(dir, "testdata", "cases.json"), cj); err != nil {
		t.Fatal(err)
	}
	src, err := wireTestSource(services)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "wire_test.go"), src); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "test", "-count=1", "-json", "./wirecheck")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -trimpath")
	out, _ := cmd.CombinedOutput()
	passed, logs := testEvents(out)
	for _, c := range run {
		name := c.Service + "/" + c.Operation
		if !passed[name] {
			t.Errorf("%s: %s", name, strings.TrimSpace(firstNonEmpty(logs[name], logs[""])))
		}
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func hasClient(s *side) bool {
	for _, f := range s.files {
		if f.Path == "api_client.go" {
			return true
		}
	}
	return false
}

// testEvents reads go test -json output: the subtests of TestWire that
// passed, and the output of each (the rest under "").
func testEvents(out []byte) (passed map[string]bool, logs map[string]string) {
	passed, logs = map[string]bool{}, map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal([]byte(line), &ev) != nil {
			logs[""] += line + "\n"
			continue
		}
		name, _ := strings.CutPrefix(ev.Test, "TestWire/")
		if ev.Test == "TestWire" || ev.Test == "" {
			name = ""
		}
		if !strings.HasPrefix(ev.Output, "=== ") {
			logs[name] += ev.Output
		}
		if ev.Action == "pass" && name != "" {
			passed[name] = true
		}
	}
	return passed, logs
}

// wireTestSource fills testdata/wire_test.go.tmpl for the services run:
// imports, client constructors and union member types.
func wireTestSource(services map[string]*pair) ([]byte, error) {
	tmpl, err := os.ReadFile(filepath.Join("testdata", "wire_test.go.tmpl"))
	if err != nil {
		return nil, err
	}
	var imports, clients, unions, names strings.Builder
	for _, name := range sortedPairs(services) {
		p := services[name]
		fmt.Fprintf(&clients, "%q: {\n", name)
		for i, s := range []*side{p.smithy, p.boto} {
			alias := name + "_" + []string{"smithy", "boto"}[i]
			fmt.Fprintf(&imports, "\t%s %q\n", alias, s.api.ImportPath)
			// botocore files carry no endpoint rules: both clients get the
			// same BaseEndpoint.
			fmt.Fprintf(&clients, "\tfunc(h *fakeHTTP) any { return %s.New(%s.Options{Region: \"us-east-1\", BaseEndpoint: aws.String(%q), HTTPClient: h, Credentials: creds, RetryMaxAttempts: 1}) },\n",
				alias, alias, "https://"+name+".example.com")
			used := false
			for _, n := range s.api.Types {
				if n.Kind != model.NamedUnion {
					continue
				}
				for _, f := range n.Fields {
					used = true
					fmt.Fprintf(&unions, "\t%q: reflect.TypeOf(%s_types.%s{}),\n", name+"/"+[]string{"smithy", "boto"}[i]+"/"+f.Name, alias, f.Name)
					fmt.Fprintf(&names, "\treflect.TypeOf(%s_types.%s{}): %q,\n", alias, f.Name, f.Member.Name)
				}
			}
			if used {
				fmt.Fprintf(&imports, "\t%s_types %q\n", alias, s.api.TypesPath)
			}
		}
		clients.WriteString("},\n")
	}
	src := strings.NewReplacer("IMPORTS", imports.String(), "CLIENTS", clients.String(), "UNIONS", unions.String(),
		"MEMBERNAMES", names.String()).Replace(string(tmpl))
	return []byte(src), nil
}

func sortedPairs(m map[string]*pair) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
