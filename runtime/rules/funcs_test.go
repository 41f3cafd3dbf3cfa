package rules

import (
	"net/url"
	"reflect"
	"testing"
)

func TestParseURL(t *testing.T) {
	// The examples of the standard library's parseURL.
	cases := []struct {
		in   string
		want *urlRecord
	}{
		{"https://example.com", &urlRecord{"https", "example.com", "", "/", false}},
		{"https://example.com:8443?foo=bar&faz=baz", nil},
		{"http://example.com:80/foo/bar", &urlRecord{"http", "example.com:80", "/foo/bar", "/foo/bar/", false}},
		{"https://127.0.0.1", &urlRecord{"https", "127.0.0.1", "", "/", true}},
		{"https://[fe80::1]", &urlRecord{"https", "[fe80::1]", "", "/", true}},
		{"ftp://example.com", nil},
		{"not a url", nil},
	}
	for _, c := range cases {
		v := parseURL(c.in)
		if c.want == nil {
			if v.IsSet() {
				t.Errorf("parseURL(%q) = %+v, want unset", c.in, v)
			}
			continue
		}
		if v.kind != URL || *(*urlRecord)(v.p) != *c.want {
			t.Errorf("parseURL(%q) = %+v, want %+v", c.in, v, c.want)
		}
	}
}

func TestSubstring(t *testing.T) {
	cases := []struct {
		in          string
		start, stop int
		rev         bool
		want        string
		ok          bool
	}{
		{"abcdefg", 0, 4, false, "abcd", true},
		{"abcdefg", 0, 4, true, "defg", true},
		{"abc", 0, 4, false, "", false},
		{"abcdef", 2, 2, false, "", false},
		{"ab\u00e9cd", 0, 2, false, "", false},
		{"--x-s3", 0, 2, true, "s3", true},
	}
	for _, c := range cases {
		v := substring(c.in, c.start, c.stop, c.rev)
		if s, ok := v.AsString(); ok != c.ok || s != c.want {
			t.Errorf("substring(%q, %d, %d, %v) = %q %v, want %q %v", c.in, c.start, c.stop, c.rev, s, ok, c.want, c.ok)
		}
	}
}

func TestURIEncode(t *testing.T) {
	in := "a-Z_0.~ /:,?#[]{}|@! $&'()*+;=%<>\"^`\\é"
	want := "a-Z_0.~%20%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C%C3%A9"
	if got := uriEncode(in); got != want {
		t.Errorf("uriEncode = %q, want %q", got, want)
	}
}

func TestHostLabels(t *testing.T) {
	cases := []struct {
		in           string
		sub, label   bool
		sub2, label2 bool // isVirtualHostableS3Bucket(in, sub)
	}{
		{"us-east-1", false, true, false, true},
		{"a.b", true, true, true, true},
		{"a.b", false, false, false, false},
		{"-a", false, false, false, false},
		{"a b", false, false, false, false},
		{"bucket.name", true, true, true, true},
		{"Bucket", false, true, false, false},
		{"192.168.0.1", true, true, true, false},
		{"ab", false, true, false, false},
		{"a..b", true, false, true, false},
	}
	for _, c := range cases {
		if got := isValidHostLabel(c.in, c.sub); got != c.label {
			t.Errorf("isValidHostLabel(%q, %v) = %v", c.in, c.sub, got)
		}
		if got := isVirtualHostableS3Bucket(c.in, c.sub2); got != c.label2 {
			t.Errorf("isVirtualHostableS3Bucket(%q, %v) = %v", c.in, c.sub2, got)
		}
	}
}

func TestParseARN(t *testing.T) {
	v := parseARN("arn:aws:s3:us-west-2:123456789012:accesspoint/my:ap")
	r := (*arnRecord)(v.p)
	want := &arnRecord{"aws", "s3", "us-west-2", "123456789012", []string{"accesspoint", "my", "ap"}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("parseARN = %+v, want %+v", r, want)
	}
	for _, bad := range []string{"arn:aws:s3", "arn::s3:r:a:res", "arn:aws::r:a:res", "arn:aws:s3:r:a:", "urn:aws:s3:r:a:x"} {
		if parseARN(bad).IsSet() {
			t.Errorf("parseARN(%q) is set", bad)
		}
	}
	if got := index(attr(v, AttrResourceID), -1); !got.Equal(Str("ap")) {
		t.Errorf("resourceId[-1] = %+v", got)
	}
	if index(attr(v, AttrResourceID), 3).IsSet() {
		t.Error("resourceId[3] is set")
	}
}

func TestPartitionLookup(t *testing.T) {
	p, err := DefaultPartitions()
	if err != nil {
		t.Fatal(err)
	}
	for region, want := range map[string]string{
		"us-east-1": "aws", "cn-north-1": "aws-cn", "us-gov-west-1": "aws-us-gov",
		"us-iso-east-1": "aws-iso", "eu-west-9": "aws", "mars-east-1": "aws", "aws-global": "aws",
	} {
		if got := p.Lookup(region); got == nil || got.Name != want {
			t.Errorf("Lookup(%q) = %+v, want %s", region, got, want)
		}
	}
	if _, err := ParsePartitions([]byte(`{"partitions": [{"id": "x", "regionRegex": "(", "outputs": {}}]}`)); err == nil {
		t.Error("a bad regionRegex parsed")
	}
}

func FuzzParseEndpointURL(f *testing.F) {
	for _, s := range []string{"https://example.com", "http://a.b:80/x/y", "https://a..b", "https://a:b:c", "https://-a.b/", "http://x_y", "https://[::1]:443", "https://h/p%20q", "https://a/b?c", "HTTPS://A", "https://a:", "https://a.b/c/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, werr := url.Parse(s)
		got, gerr := parseEndpointURL(s)
		if werr == nil && gerr == nil {
			g, w := *got, *want
			g.User, w.User = nil, nil
			if g != w || got.User.String() != want.User.String() {
				t.Fatalf("%q: parseEndpointURL = %+v; url.Parse = %+v", s, got, want)
			}
		}
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%q: parseEndpointURL = %+v, %v; url.Parse = %+v, %v", s, got, gerr, want, werr)
		}
	})
}
