package s3integration

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// objectInfo is what HeadObject and GetObject report of an object.
type objectInfo struct {
	Length      int64
	ContentType string
	ETag        string
	Metadata    map[string]string
}

// missingKey is the error of an access to a key that does not exist.
type missingKey struct {
	NoSuchKey bool   // the error is the client's *types.NoSuchKey
	Code      string // its ErrorCode
	HeadCode  string // HeadObject's error code (a 404 without body)
}

// client is the sequence's view of an S3 client.
type client interface {
	createBucket(ctx context.Context, bucket string) error
	putObject(ctx context.Context, bucket, key string, body []byte, meta map[string]string) (etag string, err error)
	headObject(ctx context.Context, bucket, key string) (objectInfo, error)
	getObject(ctx context.Context, bucket, key string) (objectInfo, []byte, error)
	// listKeys lists the bucket's keys page by page, pageSize at a time.
	listKeys(ctx context.Context, bucket string, pageSize int32) (keys []string, pages int, err error)
	deleteObjects(ctx context.Context, bucket string, keys []string) (deleted int, err error)
	missing(ctx context.Context, bucket, key string) (missingKey, error)
	deleteBucket(ctx context.Context, bucket string) error
}

// record is everything the sequence observed; two clients against the same
// server must record the same.
type record struct {
	PutETag   string
	Head      objectInfo
	Get       objectInfo
	GetSHA256 string
	Keys      []string
	Pages     int
	Deleted   int
	Missing   missingKey
}

const (
	bigKey    = "large/five-mib object.bin"
	smallKeys = 1200
	pageSize  = 500
)

var metadata = map[string]string{"owner": "integration", "purpose": "five mebibytes"}

// bigBody is 5 MiB of deterministic bytes.
func bigBody() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 5<<20)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// run sends the sequence through c in a new bucket and checks what the
// sequence itself defines; it returns the record to compare across clients.
func run(t *testing.T, c client, bucket string) record {
	t.Helper()
	ctx := context.Background()
	var rec record
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("CreateBucket", c.createBucket(ctx, bucket))
	body := bigBody()
	var err error
	rec.PutETag, err = c.putObject(ctx, bucket, bigKey, body, metadata)
	must("PutObject", err)
	want := []string{bigKey}
	for i := range smallKeys {
		key := fmt.Sprintf("small/key-%04d", i)
		_, err := c.putObject(ctx, bucket, key, []byte(key), nil)
		must("PutObject "+key, err)
		want = append(want, key)
	}
	slices.Sort(want)

	rec.Head, err = c.headObject(ctx, bucket, bigKey)
	must("HeadObject", err)
	if rec.Head.Length != int64(len(body)) || !reflect.DeepEqual(rec.Head.Metadata, metadata) {
		t.Errorf("HeadObject: length %d, metadata %v; want %d, %v", rec.Head.Length, rec.Head.Metadata, len(body), metadata)
	}
	var got []byte
	rec.Get, got, err = c.getObject(ctx, bucket, bigKey)
	must("GetObject", err)
	rec.GetSHA256 = sha(got)
	if rec.GetSHA256 != sha(body) || !bytes.Equal(got, body) {
		t.Errorf("GetObject: body of %d bytes with SHA-256 %s, want %s", len(got), rec.GetSHA256, sha(body))
	}

	rec.Keys, rec.Pages, err = c.listKeys(ctx, bucket, pageSize)
	must("ListObjectsV2", err)
	if !slices.Equal(rec.Keys, want) || rec.Pages != (len(want)+pageSize-1)/pageSize {
		t.Errorf("ListObjectsV2: %d keys in %d pages, want %d keys", len(rec.Keys), rec.Pages, len(want))
	}

	rec.Missing, err = c.missing(ctx, bucket, "small/no-such-key")
	must("missing key", err)
	if !rec.Missing.NoSuchKey || rec.Missing.Code != "NoSuchKey" {
		t.Errorf("missing key: %+v, want a *types.NoSuchKey", rec.Missing)
	}

	for i := 0; i < len(want); i += 1000 {
		n, err := c.deleteObjects(ctx, bucket, want[i:min(i+1000, len(want))])
		must("DeleteObjects", err)
		rec.Deleted += n
	}
	if rec.Deleted != len(want) {
		t.Errorf("DeleteObjects deleted %d, want %d", rec.Deleted, len(want))
	}
	must("DeleteBucket", c.deleteBucket(ctx, bucket))
	return rec
}

// TestSequence runs the sequence through the generated client and through
// aws-sdk-go-v2's against each server, and compares what they observed.
func TestSequence(t *testing.T) {
	servers := []struct {
		name  string
		start func(*testing.T) server
	}{{"gofakes3", gofakes3Server}, {"gofakes3 virtual-hosted", gofakes3VirtualServer}, {"s3rver", s3rverServer}}
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			srv := s.start(t)
			ours := run(t, newOurs(srv), "smithygen-bucket")
			theirs := run(t, newTheirs(srv), "aws-sdk-go-v2-bucket")
			if !reflect.DeepEqual(ours, theirs) {
				t.Errorf("the clients observed different results:\nsmithygen:     %+v\naws-sdk-go-v2: %+v", brief(ours), brief(theirs))
			}
		})
	}
}

// brief is a record without its key list, for messages.
func brief(r record) record {
	r.Keys = r.Keys[:min(len(r.Keys), 3)]
	return r
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
