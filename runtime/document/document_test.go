package document

import (
	"encoding/json"
	"testing"
)

func TestLazyDocument(t *testing.T) {
	d := NewLazyDocument(map[string]any{"a": []int{1, 2}})
	b, err := d.MarshalSmithyDocument()
	if err != nil || string(b) != `{"a":[1,2]}` {
		t.Errorf("MarshalSmithyDocument() = %s, %v", b, err)
	}
	var v struct{ A []int }
	if err := d.UnmarshalSmithyDocument(&v); err != nil || len(v.A) != 2 || v.A[1] != 2 {
		t.Errorf("UnmarshalSmithyDocument() = %+v, %v", v, err)
	}
	if _, err := NewLazyDocument(func() {}).MarshalSmithyDocument(); err == nil {
		t.Error("unmarshalable value accepted")
	}
}

func TestFromJSON(t *testing.T) {
	raw := []byte(`{"n":12345678901234567890,"s":"x"}`)
	d, err := FromJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	raw[2] = 'X'
	var v map[string]any
	if err := d.UnmarshalSmithyDocument(&v); err != nil {
		t.Fatal(err)
	}
	if n, ok := v["n"].(json.Number); !ok || n.String() != "12345678901234567890" || v["s"] != "x" {
		t.Errorf("decoded %#v", v)
	}
	b, _ := d.MarshalSmithyDocument()
	b[0] = '['
	if again, _ := d.MarshalSmithyDocument(); again[0] != '{' {
		t.Error("document shares memory with its callers")
	}
	if _, err := FromJSON([]byte(`{"a":`)); err == nil {
		t.Error("invalid JSON accepted")
	}
}
