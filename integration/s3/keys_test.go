package s3integration

import (
	"context"
	"slices"
	"testing"
)

// oddKeys are object keys whose paths S3 takes as they are: dot segments,
// repeated and trailing slashes, spaces, reserved characters, percent signs
// and non-ASCII letters.
var oddKeys = []string{
	"dir/./dot.txt",
	"dir/../up.txt",
	"../lead.txt",
	"a//double",
	"trailing/",
	"space key.txt",
	"plus+sign&amp=;,.txt",
	"tilde~'quote'(paren)",
	"percent%2Fliteral",
	"ünïcødé/€uro.txt",
}

// keyResults are what a client observed of oddKeys: each key's body read
// back, and the listing.
type keyResults struct {
	Bodies map[string]string
	Listed []string
}

// roundTrip writes each key with its own name as body, reads it back and
// lists the bucket.
func roundTrip(t *testing.T, c client, bucket string) keyResults {
	t.Helper()
	ctx := context.Background()
	if err := c.createBucket(ctx, bucket); err != nil {
		t.Fatalf("CreateBucket: %v", err)
	}
	res := keyResults{Bodies: map[string]string{}}
	for _, k := range oddKeys {
		if _, err := c.putObject(ctx, bucket, k, []byte(k), nil); err != nil {
			t.Fatalf("PutObject %q: %v", k, err)
		}
	}
	for _, k := range oddKeys {
		_, b, err := c.getObject(ctx, bucket, k)
		if err != nil {
			t.Fatalf("GetObject %q: %v", k, err)
		}
		res.Bodies[k] = string(b)
		if string(b) != k {
			t.Errorf("GetObject %q: body %q", k, b)
		}
	}
	var err error
	res.Listed, _, err = c.listKeys(ctx, bucket, 1000)
	if err != nil {
		t.Fatalf("ListObjectsV2: %v", err)
	}
	want := slices.Sorted(slices.Values(oddKeys))
	if !slices.Equal(res.Listed, want) {
		t.Errorf("ListObjectsV2: %q, want %q", res.Listed, want)
	}
	if _, err := c.deleteObjects(ctx, bucket, oddKeys); err != nil {
		t.Fatalf("DeleteObjects: %v", err)
	}
	if err := c.deleteBucket(ctx, bucket); err != nil {
		t.Fatalf("DeleteBucket: %v", err)
	}
	return res
}

// TestOddKeys sends keys that a path-cleaning or double-escaping client
// would change through both clients, path-style and virtual-hosted, to
// gofakes3 behind the SigV4 check: every request must be signed as sent
// and every key must come back as it was written.
func TestOddKeys(t *testing.T) {
	for _, start := range []func(*testing.T) server{gofakes3Server, gofakes3VirtualServer} {
		srv := start(t)
		t.Run(srv.name, func(t *testing.T) {
			ours := roundTrip(t, newOurs(srv), "smithygen-keys")
			theirs := roundTrip(t, newTheirs(srv), "aws-sdk-go-v2-keys")
			if !slices.Equal(ours.Listed, theirs.Listed) {
				t.Errorf("listings differ:\nsmithygen:     %q\naws-sdk-go-v2: %q", ours.Listed, theirs.Listed)
			}
		})
	}
}
