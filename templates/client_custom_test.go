package templates

import (
	"bytes"
	"path/filepath"
	"regexp"
	"testing"
)

// TestResponseChecksumOption checks that DynamoDB's client, and no other,
// gets the option of its response checksum, sorted among the Options
// fields, and sends requests through the checking HTTP client.
func TestResponseChecksumOption(t *testing.T) {
	shared := sharedData(t)
	fields := regexp.MustCompile(`(?m)^\t(\w+) `)
	for _, c := range []struct {
		model string
		want  bool
	}{{"dynamodb.json", true}, {"sqs.json", false}, {"cleanrooms.json", false}} {
		a := buildAPI(t, modulePath+"/x", readSource(t, filepath.Join(shared, "models", "smithy", c.model)))
		files, err := Files(a)
		if err != nil {
			t.Fatal(err)
		}
		var client, custom []byte
		for _, f := range files {
			switch f.Path {
			case "api_client.go":
				client = f.Data
			case "customizations.go":
				custom = f.Data
			}
		}
		start := bytes.Index(client, []byte("type Options struct {"))
		end := bytes.Index(client[start:], []byte("\n}\n"))
		var names []string
		for _, m := range fields.FindAllSubmatch(client[start:start+end], -1) {
			names = append(names, string(m[1]))
		}
		has := bytes.Contains(client, []byte("DisableValidateResponseChecksum bool"))
		if has != c.want || (custom != nil) != c.want {
			t.Errorf("%s: option %v, customizations.go %v; want %v", c.model, has, custom != nil, c.want)
		}
		for i := 1; i < len(names); i++ {
			if names[i-1] > names[i] {
				t.Errorf("%s: Options fields not sorted: %v", c.model, names)
			}
		}
		sends := regexp.MustCompile(`HTTPClient:\s+o\.checkedHTTPClient\(\),`).Match(client)
		if sends != c.want {
			t.Errorf("%s: transport HTTP client checked %v, want %v", c.model, sends, c.want)
		}
	}
}
