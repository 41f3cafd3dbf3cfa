package naming

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A minimal view of a Smithy JSON AST model, enough to name its shapes.

type model struct {
	Shapes map[string]shape `json:"shapes"`
}

type shape struct {
	Type    string                     `json:"type"`
	Members members                    `json:"members"`
	Traits  map[string]json.RawMessage `json:"traits"`
	Input   *target                    `json:"input"`
	Output  *target                    `json:"output"`
}

type target struct {
	Target string `json:"target"`
}

type member struct {
	Name   string
	Traits map[string]json.RawMessage `json:"traits"`
}

// members keeps the model order of a shape's members.
type members []member

func (ms *members) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var m member
		if err := dec.Decode(&m); err != nil {
			return err
		}
		m.Name = tok.(string)
		*ms = append(*ms, m)
	}
	return nil
}

func (ms members) names() []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}

// sharedDir returns the shared reference directory: $SMITHY_SHARED, or
// ../shared next to the module root.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

func loadModel(t *testing.T, path string) model {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m model
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func shortName(id string) string { return id[strings.IndexByte(id, '#')+1:] }

// sortedIDs returns the model's shape ids in a stable order.
func (m model) sortedIDs() []string {
	ids := make([]string, 0, len(m.Shapes))
	for id := range m.Shapes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// ioStructs maps operation input and output shape ids to their struct name
// and kind.
func (m model) ioStructs() map[string]ioStruct {
	out := map[string]ioStruct{}
	for id, s := range m.Shapes {
		if s.Type != "operation" {
			continue
		}
		if s.Input != nil {
			out[s.Input.Target] = ioStruct{InputType(shortName(id)), Input}
		}
		if s.Output != nil {
			out[s.Output.Target] = ioStruct{OutputType(shortName(id)), Output}
		}
	}
	return out
}

type ioStruct struct {
	name string
	kind Kind
}

// enumMembers returns the members of an enum, intEnum or enum-trait string
// shape; ok is false for other shapes.
func enumMembers(s shape) (out []EnumMember, ok bool, err error) {
	switch {
	case s.Type == "enum" || s.Type == "intEnum":
		for _, m := range s.Members {
			v, err := enumValue(m)
			if err != nil {
				return nil, false, err
			}
			out = append(out, EnumMember{Name: m.Name, Value: v})
		}
		return out, true, nil
	case s.Type == "string" && s.Traits["smithy.api#enum"] != nil:
		var defs []struct{ Name, Value string }
		if err := json.Unmarshal(s.Traits["smithy.api#enum"], &defs); err != nil {
			return nil, false, err
		}
		for _, d := range defs {
			out = append(out, EnumMember{Name: d.Name, Value: d.Value})
		}
		return out, true, nil
	}
	return nil, false, nil
}

func enumValue(m member) (string, error) {
	raw, ok := m.Traits["smithy.api#enumValue"]
	if !ok {
		return m.Name, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("member %s: unexpected enumValue %s", m.Name, raw)
}

// v2Value formats an enum value the way the v2 testdata spells it: quoted
// for string enums, bare for intEnums.
func v2Value(s shape, value string) string {
	if s.Type == "intEnum" {
		return value
	}
	return strconv.Quote(value)
}

// structKind returns the kind and Go type name of a structure shape.
func structKind(id string, s shape, io map[string]ioStruct) (string, Kind) {
	if x, ok := io[id]; ok {
		return x.name, x.kind
	}
	if s.Traits["smithy.api#error"] != nil {
		return Exported(shortName(id)), Error
	}
	return Exported(shortName(id)), Plain
}
