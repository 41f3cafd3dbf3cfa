package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadModels loads each bad model under testdata/bad and checks the
// diagnostics, file:line:col included.
func TestBadModels(t *testing.T) {
	d := "testdata/bad/"
	cases := []struct {
		files []string
		want  []string
	}{
		{[]string{"truncated.json"}, []string{"truncated.json:4:31: invalid JSON: unexpected end of JSON input"}},
		{[]string{"trailing_comma.json"}, []string{"trailing_comma.json:6:3: invalid JSON: invalid character '}' looking for beginning of object key string"}},
		{[]string{"top_array.json"}, []string{"top_array.json:1:1: a model must be a JSON object"}},
		{[]string{"shapes_not_object.json"}, []string{`shapes_not_object.json:3:3: "shapes" must be an object`}},
		{[]string{"missing_type.json"}, []string{`missing_type.json:4:5: shape ex#A: missing "type" string`}},
		{[]string{"unknown_type.json"}, []string{`unknown_type.json:4:22: shape ex#A: unknown shape type "strin"`}},
		{[]string{"dangling_member.json"}, []string{"dangling_member.json:7:25: shape ex#A$b: member shape targets an unresolved shape `ex#Missing`"}},
		{[]string{"dangling_input.json"}, []string{"dangling_input.json:6:27: shape ex#Op: operation shape has an `input` relationship to an unresolved shape `ex#Nope`"}},
		{[]string{"member_targets_operation.json"}, []string{"member_targets_operation.json:8:26: shape ex#A$op: Members cannot target operation shapes, but found (operation: `ex#Op`)"}},
		{[]string{"member_targets_service.json"}, []string{"member_targets_service.json:7:28: shape ex#L$member: Members cannot target service shapes, but found (service: `ex#Svc`)"}},
		{[]string{"mixin_cycle.json"}, []string{"mixin_cycle.json:4:5: shape ex#A: Unable to resolve mixins; cycles detected between this shape and [ex#B]"}},
		{[]string{"undefined_mixin.json"}, []string{"undefined_mixin.json:4:5: shape ex#A: Cannot apply mixin to ex#A: ex#Gone not found"}},
		{[]string{"mixin_without_trait.json"}, []string{"mixin_without_trait.json:5:5: shape ex#A: Attempted to use ex#M as a mixin, but it is not marked with the mixin trait"}},
		{[]string{"length_min_string.json"}, []string{"length_min_string.json:7:9: shape ex#A: trait smithy.api#length: expected field min of type number"}},
		{[]string{"documentation_number.json"}, []string{"documentation_number.json:6:18: shape ex#A: trait smithy.api#documentation: expected a string"}},
		{[]string{"http_method_number.json"}, []string{"http_method_number.json:7:9: shape ex#Op: trait smithy.api#http: expected field method of type string"}},
		{[]string{"conflict_a.json", "conflict_b.json"}, []string{"conflict_b.json:4:5: shape ex#A: conflicting shape definition (also defined at testdata/bad/conflict_a.json:4:5)"}},
		{[]string{"duplicate_shape.json"}, []string{"duplicate_shape.json:5:5: shape ex#A: conflicting shape definition"}},
		{[]string{"duplicate_member.json"}, []string{`duplicate_member.json:8:9: shape ex#A: duplicate member "x"`}},
		{[]string{"relative_id.json"}, []string{"relative_id.json:4:5: shape A: not an absolute shape ID"}},
		{[]string{"apply_undefined.json"}, []string{"apply_undefined.json:4:45: shape ex#Nope: Trait `sensitive` applied to unknown shape `ex#Nope`"}},
		{[]string{"member_no_target.json"}, []string{`member_no_target.json:7:14: shape ex#A$x: a member must be an object with a "target" string`}},
		{[]string{"error_not_structure.json"}, []string{"error_not_structure.json:7:29: shape ex#Op: operation shape `error` relationships must target a structure shape, but found (string: `ex#S`)"}},
		{[]string{"service_binds_resource_as_operation.json"}, []string{"service_binds_resource_as_operation.json:8:33: shape ex#Svc: service shape `operation` relationships must target a operation shape, but found (resource: `ex#R`)"}},
		{[]string{"several_errors.json"}, []string{
			"several_errors.json:7:25: shape ex#A$a: member shape targets an unresolved shape `ex#X`",
			"several_errors.json:8:25: shape ex#A$b: member shape targets an unresolved shape `ex#Y`"}},
		{[]string{"paginated_not_object.json"}, []string{"paginated_not_object.json:6:18: shape ex#Op: trait smithy.api#paginated: expected an object"}},
		{[]string{"enum_value_object.json"}, []string{"enum_value_object.json:7:55: shape ex#E$A: trait smithy.api#enumValue: expected a string or an integer"}},
		{[]string{"bad_version.json"}, []string{`bad_version.json:2:3: unsupported Smithy version "3.0"`}},
		{[]string{"list_missing_member.json"}, []string{`list_missing_member.json:4:5: shape ex#L: missing "member" member`}},
		{[]string{"meta_a.json", "meta_b.json"}, []string{`meta_b.json:3:16: metadata key "owner" conflicts with the value at testdata/bad/meta_a.json:3:16`}},
		{[]string{"prelude_conflict.json"}, []string{"prelude_conflict.json:4:5: shape smithy.api#String: conflicting shape definition"}},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		t.Run(c.files[0], func(t *testing.T) {
			var paths []string
			for _, f := range c.files {
				paths = append(paths, d+f)
				covered[f] = true
			}
			_, err := LoadFiles(paths...)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			if len(list) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(c.want), err)
			}
			for i, w := range c.want {
				if got := list[i].Error(); !strings.HasPrefix(got, d+w) {
					t.Errorf("error %d:\n got %s\nwant %s", i, got, d+w)
				}
			}
		})
	}
	all, _ := filepath.Glob(d + "*.json")
	for _, f := range all {
		if !covered[filepath.Base(f)] {
			t.Errorf("%s has no case", f)
		}
	}
}

// FuzzLoad checks the loader never panics and that a model it accepts also
// prints and reloads.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/bad/*.json")
	files = append(files, "builtin/cleanroomsml.json")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(&Source{Name: "fuzz.json", Data: data})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.json:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		if _, err := Load(&Source{Name: "ast.json", Data: m.AST()}); err != nil {
			t.Fatalf("AST output does not reload: %v", err)
		}
		for _, s := range m.Services() {
			_, _ = m.Closure(s)
		}
	})
}
