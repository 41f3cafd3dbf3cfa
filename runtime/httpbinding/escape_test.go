package httpbinding

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"
)

func TestEscapeLabel(t *testing.T) {
	tests := []struct {
		in     string
		greedy bool
		want   string
	}{
		{"abc-._~XYZ09", false, "abc-._~XYZ09"},
		{"a b/c", false, "a%20b%2Fc"},
		{"a b/c", true, "a%20b/c"},
		{"1985-04-12T23:20:50.52Z", false, "1985-04-12T23%3A20%3A50.52Z"},
		{"ü&=+", false, "%C3%BC%26%3D%2B"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := EscapeLabel(tt.in, tt.greedy); got != tt.want {
			t.Errorf("EscapeLabel(%q, %v) = %q, want %q", tt.in, tt.greedy, got, tt.want)
		}
	}
}

func TestQuery(t *testing.T) {
	var q Query
	q.AddKey("flag")
	q.Add("b", "x y")
	q.Add("a", "")
	q.Add("b", "2/3")
	if got, want := q.Encode(), "flag&b=x%20y&a=&b=2%2F3"; got != want {
		t.Errorf("Encode() = %q, want %q", got, want)
	}
	if !q.Has("a") || !q.Has("flag") || q.Has("c") {
		t.Errorf("Has: a=%v flag=%v c=%v", q.Has("a"), q.Has("flag"), q.Has("c"))
	}
	var empty Query
	if empty.Encode() != "" {
		t.Errorf("empty query = %q", empty.Encode())
	}
}

func TestMissingLabel(t *testing.T) {
	var serr *smithy.SerializationError
	if err := MissingLabel("id"); !errors.As(err, &serr) {
		t.Fatalf("MissingLabel() = %T, want *smithy.SerializationError", err)
	}
}
