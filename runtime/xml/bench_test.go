package xml

import (
	stdxml "encoding/xml"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// The encoding/xml baselines decode the same bodies into tagged structures
// of the same shapes.

type stdObject struct {
	ChecksumAlgorithm []string   `xml:"ChecksumAlgorithm"`
	ChecksumType      string     `xml:"ChecksumType"`
	ETag              *string    `xml:"ETag"`
	Key               *string    `xml:"Key"`
	LastModified      *time.Time `xml:"LastModified"`
	Owner             *s3Owner   `xml:"Owner"`
	RestoreStatus     *s3RestoreStatus
	Size              *int64 `xml:"Size"`
	StorageClass      string `xml:"StorageClass"`
}

type stdListObjects struct {
	CommonPrefixes        []s3CommonPrefix `xml:"CommonPrefixes"`
	Contents              []stdObject      `xml:"Contents"`
	ContinuationToken     *string
	Delimiter             *string
	EncodingType          string
	IsTruncated           *bool
	KeyCount              *int32
	MaxKeys               *int32
	Name                  *string
	NextContinuationToken *string
	Prefix                *string
	StartAfter            *string
}

type stdListRoles struct {
	Result struct {
		IsTruncated bool      `xml:"IsTruncated"`
		Marker      *string   `xml:"Marker"`
		Roles       []iamRole `xml:"Roles>member"`
	} `xml:"ListRolesResult"`
}

var sizes = []int{1, 100, 1000}

func BenchmarkListObjectsV2(b *testing.B) {
	for _, n := range sizes {
		body := listObjectsBody(n)
		b.Run(fmt.Sprintf("runtime/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v listObjectsV2Output
				if err := DecodeBody(body, &v, decodeListObjectsV2Output); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding-xml/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v stdListObjects
				if err := stdxml.Unmarshal(body, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkListRoles(b *testing.B) {
	for _, n := range sizes {
		body := listRolesBody(n)
		b.Run(fmt.Sprintf("runtime/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v listRolesOutput
				if err := DecodeBody(body, &v, func(d *Decoder, v *listRolesOutput) error {
					return DecodeChild(d, "ListRolesResult", v, decodeListRolesOutput)
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding-xml/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v stdListRoles
				if err := stdxml.Unmarshal(body, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRawToken measures encoding/xml's tokenizer alone, without
// unmarshalling: the floor of any decoder built on it.
func BenchmarkRawToken(b *testing.B) {
	body := listObjectsBody(1000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		d := stdxml.NewDecoder(bytesReader(body))
		for {
			if _, err := d.RawToken(); err != nil {
				break
			}
		}
	}
}

// TestBenchmarkShapesAgree checks that the benchmarked decoders produce the
// same values as encoding/xml.
func TestBenchmarkShapesAgree(t *testing.T) {
	body := listObjectsBody(50)
	var got listObjectsV2Output
	if err := DecodeBody(body, &got, decodeListObjectsV2Output); err != nil {
		t.Fatal(err)
	}
	var want stdListObjects
	if err := stdxml.Unmarshal(body, &want); err != nil {
		t.Fatal(err)
	}
	if len(got.Contents) != 50 || len(want.Contents) != 50 {
		t.Fatalf("%d and %d objects", len(got.Contents), len(want.Contents))
	}
	for i := range got.Contents {
		g, w := got.Contents[i], want.Contents[i]
		if *g.Key != *w.Key || *g.ETag != *w.ETag || !g.LastModified.Equal(*w.LastModified) || *g.Size != *w.Size ||
			!reflect.DeepEqual(g.Owner, w.Owner) || g.StorageClass != w.StorageClass || !reflect.DeepEqual(g.ChecksumAlgorithm, w.ChecksumAlgorithm) {
			t.Fatalf("object %d: %+v, want %+v", i, g, w)
		}
	}
	if *got.KeyCount != 50 || !*got.IsTruncated || *got.Name != "example-bucket" || *got.CommonPrefixes[0].Prefix != "photos/2024/" {
		t.Errorf("output: %+v", got)
	}

	rolesBody := listRolesBody(20)
	var roles listRolesOutput
	if err := DecodeBody(rolesBody, &roles, func(d *Decoder, v *listRolesOutput) error {
		return DecodeChild(d, "ListRolesResult", v, decodeListRolesOutput)
	}); err != nil {
		t.Fatal(err)
	}
	var stdRoles stdListRoles
	if err := stdxml.Unmarshal(rolesBody, &stdRoles); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(roles.Roles, stdRoles.Result.Roles) || roles.IsTruncated != stdRoles.Result.IsTruncated ||
		*roles.Marker != *stdRoles.Result.Marker {
		t.Errorf("roles differ:\n%+v\n%+v", roles.Roles[0], stdRoles.Result.Roles[0])
	}
}
