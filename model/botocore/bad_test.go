package botocore_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/botocore"
)

// TestBadInput loads each broken service under testdata/botocore/bad (with
// the paginators or waiters beside it) and checks the error, file:line:col
// first.
func TestBadInput(t *testing.T) {
	dir := filepath.Join(testdata, "bad")
	cases := map[string]string{
		"missing_shape":      "service-2.json:5:59: shape com.amazonaws.bad#A$b: shape Missing is not defined",
		"missing_input":      "service-2.json:4:92: shape com.amazonaws.bad#Do: shape DoRequest is not defined",
		"unknown_location":   `service-2.json:5:76: shape com.amazonaws.bad#A$b: unknown location "body"`,
		"unknown_type":       `service-2.json:5:19: shape com.amazonaws.bad#A: unknown shape type "strin"`,
		"unknown_protocol":   `service-2.json:2:47: unknown protocol "soap"`,
		"required_member":    "service-2.json:5:45: shape com.amazonaws.bad#A: required member c is not a member",
		"not_json":           "service-2.json:4:14: invalid JSON: unexpected end of JSON input",
		"paginator_member":   `paginators-1.json:3:75: shape com.amazonaws.bad#List: paginator result_key "Entries" names no member: Entries is not a member of Out`,
		"paginator_op":       "paginators-1.json:3:5: operation Lists is not defined in ",
		"label_not_required": "service-2.json:7:78: shape com.amazonaws.bad#In$Id: Trait `httpLabel` cannot be applied to `com.amazonaws.bad#In$Id`.",
		"waiter_matcher":     `waiters-2.json:4:93: shape com.amazonaws.bad#List: waiter Done: unknown matcher "header"`,
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		want, ok := cases[e.Name()]
		if !ok {
			t.Errorf("%s has no case", e.Name())
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			_, err := model.LoadFiles(filepath.Join(dir, e.Name(), "service-2.json"))
			if err == nil {
				t.Fatal("loaded")
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if want := filepath.Join(dir, e.Name(), want); !strings.HasPrefix(first, want) {
				t.Errorf("got  %s\nwant %s", first, want)
			}
		})
	}
}

// TestSiblingWithoutService checks that a paginators file named on its own
// is an error, not ignored.
func TestSiblingWithoutService(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "paginators-1.json")
	if err := os.WriteFile(p, []byte(`{"pagination": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := model.LoadFiles(p)
	if err == nil || !strings.Contains(err.Error(), "needs the service-2.json of its directory") {
		t.Errorf("err = %v", err)
	}
}

// FuzzConvert checks that conversion never panics, that every error has a
// position in the input, and that what converts is JSON the loader reads
// without panicking.
func FuzzConvert(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdata, "*", "service-2.json"))
	more, _ := filepath.Glob(filepath.Join(testdata, "bad", "*", "service-2.json"))
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := botocore.Convert(botocore.Source{Name: "fuzz.json", Data: data}, nil, nil)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.json:") {
					t.Fatalf("error without position: %s", line)
				}
			}
			return
		}
		var srcs []*model.Source
		for i := range res.Docs {
			d := &res.Docs[i]
			if !json.Valid(d.JSON) {
				t.Fatalf("converted JSON is invalid: %s", d.JSON)
			}
			srcs = append(srcs, &model.Source{Name: d.Name, Data: d.JSON, PosFunc: d.Pos})
		}
		if _, err := model.Load(srcs...); err != nil && !strings.HasPrefix(err.Error(), "fuzz.json:") {
			t.Fatalf("load error without position: %v", err)
		}
	})
}
