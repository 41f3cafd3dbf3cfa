package mediastore

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	ours "github.com/smithygen/smithygen/integration/mediastore/gen/mediastoredata"
	"github.com/smithygen/smithygen/integration/mediastore/gen/mediastoredata/types"
)

const (
	mib      = 1 << 20
	heapCap  = 64 * mib
	getSize  = 1 << 30
	putSize  = 256 * mib
	retrySiz = 8 * mib
)

// pattern is a reader of n deterministic bytes: 64 KiB blocks, each
// starting with its index, so that lost, repeated or reordered data changes
// the checksum. It is not an io.Seeker and has no Len method.
type pattern struct {
	n, off int64
	block  [64 << 10]byte
}

func newPattern(n int64) *pattern {
	p := &pattern{n: n}
	for i := range p.block {
		p.block[i] = byte(i*7 + i>>8)
	}
	return p
}

func (p *pattern) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	size := int64(len(p.block))
	i := p.off % size
	if i == 0 {
		binary.BigEndian.PutUint64(p.block[:8], uint64(p.off/size))
	}
	k := copy(b, p.block[i:min(size, i+p.n-p.off)])
	p.off += int64(k)
	return k, nil
}

func checksum(r io.Reader) (uint32, int64, error) {
	h := crc32.NewIEEE()
	n, err := io.Copy(h, r)
	return h.Sum32(), n, err
}

// heapWatch samples the heap in use until stopped and reports its peak.
type heapWatch struct {
	stop chan struct{}
	done chan struct{}
	peak uint64
}

func watchHeap() *heapWatch {
	runtime.GC()
	w := &heapWatch{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			w.peak = max(w.peak, ms.HeapInuse)
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

func (w *heapWatch) end() uint64 {
	close(w.stop)
	<-w.done
	return w.peak
}

func client(t *testing.T, url string) *ours.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return ours.New(ours.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
		}),
		HTTPClient: &http.Client{Transport: tr},
	})
}

// GetObject hands over the 1 GiB body unread: reading it through keeps the
// heap under 64 MiB, and closing it early releases the connection.
func TestGetObject1GiB(t *testing.T) {
	want, _, _ := checksum(newPattern(getSize))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/videos/big.mp4" {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(getSize))
		w.Header().Set("Content-Type", "video/mp4")
		io.Copy(w, newPattern(getSize))
	}))
	defer srv.Close()
	c := client(t, srv.URL)
	heap := watchHeap()
	out, err := c.GetObject(context.Background(), &ours.GetObjectInput{Path: aws.String("videos/big.mp4")})
	if err != nil {
		heap.end()
		t.Fatal(err)
	}
	got, n, err := checksum(out.Body)
	out.Body.Close()
	peak := heap.end()
	if err != nil || n != getSize || got != want {
		t.Fatalf("read %d bytes, crc %08x (want %08x): %v", n, got, want, err)
	}
	if *out.ContentLength != getSize || *out.ContentType != "video/mp4" || out.StatusCode != 200 {
		t.Errorf("output %d %q %d", *out.ContentLength, *out.ContentType, out.StatusCode)
	}
	t.Logf("heap in use peaked at %.1f MiB", float64(peak)/mib)
	if peak >= heapCap {
		t.Fatalf("heap in use peaked at %d bytes, over %d", peak, heapCap)
	}
}

// uploads records what a PutObject server received.
type uploads struct {
	mu      sync.Mutex
	crcs    []uint32
	sizes   []int64
	headers []http.Header
	lengths []int64
	fail    atomic.Int32 // answer this many requests with a 500 first
}

func (u *uploads) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	crc, n, err := checksum(r.Body)
	u.mu.Lock()
	u.crcs, u.sizes = append(u.crcs, crc), append(u.sizes, n)
	u.headers, u.lengths = append(u.headers, r.Header.Clone()), append(u.lengths, r.ContentLength)
	u.mu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if u.fail.Add(-1) >= 0 {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"__type":"InternalServerError","Message":"try again"}`)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"ETag":"e1","StorageClass":"TEMPORAL"}`)
}

// A 256 MiB reader that cannot seek goes out chunked, UNSIGNED-PAYLOAD (the
// operation's @unsignedPayload), without being held in memory.
func TestPutObjectUnseekable256MiB(t *testing.T) {
	u := &uploads{}
	srv := httptest.NewServer(u)
	defer srv.Close()
	want, _, _ := checksum(newPattern(putSize))
	c := client(t, srv.URL)
	heap := watchHeap()
	out, err := c.PutObject(context.Background(), &ours.PutObjectInput{Path: aws.String("up/load.bin"), Body: newPattern(putSize)})
	peak := heap.end()
	if err != nil {
		t.Fatal(err)
	}
	if *out.ETag != "e1" || len(u.crcs) != 1 || u.crcs[0] != want || u.sizes[0] != putSize {
		t.Fatalf("ETag %v; server received %v bytes, crcs %08x (want %08x)", out.ETag, u.sizes, u.crcs, want)
	}
	h := u.headers[0]
	if h.Get("X-Amz-Content-Sha256") != "UNSIGNED-PAYLOAD" || u.lengths[0] != -1 || h.Get("Authorization") == "" {
		t.Errorf("X-Amz-Content-Sha256 %q, Content-Length %d, Authorization %q", h.Get("X-Amz-Content-Sha256"), u.lengths[0], h.Get("Authorization"))
	}
	t.Logf("heap in use peaked at %.1f MiB", float64(peak)/mib)
	if peak >= heapCap {
		t.Fatalf("heap in use peaked at %d bytes, over %d", peak, heapCap)
	}
}

// A seekable upload retried after a 500 is rewound to where the caller
// left it: both attempts send the same bytes, with their length.
func TestPutObjectSeekableRetried(t *testing.T) {
	path := filepath.Join(t.TempDir(), "upload.bin")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := io.WriteString(f, "header to skip"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, newPattern(retrySiz)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(int64(len("header to skip")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	want, _, _ := checksum(newPattern(retrySiz))
	u := &uploads{}
	u.fail.Store(1)
	srv := httptest.NewServer(u)
	defer srv.Close()
	out, err := client(t, srv.URL).PutObject(context.Background(), &ours.PutObjectInput{Path: aws.String("up/file.bin"), Body: f})
	if err != nil {
		t.Fatal(err)
	}
	if *out.ETag != "e1" || len(u.crcs) != 2 {
		t.Fatalf("%d requests", len(u.crcs))
	}
	for i := range 2 {
		if u.crcs[i] != want || u.sizes[i] != retrySiz || u.lengths[i] != retrySiz {
			t.Errorf("attempt %d: %d bytes (Content-Length %d), crc %08x, want %08x", i+1, u.sizes[i], u.lengths[i], u.crcs[i], want)
		}
	}
}

// An unseekable upload is not retried once sent: the 500 is returned.
func TestPutObjectUnseekableNotRetried(t *testing.T) {
	u := &uploads{}
	u.fail.Store(1)
	srv := httptest.NewServer(u)
	defer srv.Close()
	_, err := client(t, srv.URL).PutObject(context.Background(), &ours.PutObjectInput{Path: aws.String("a"), Body: newPattern(mib)})
	var ise *types.InternalServerError
	if !errors.As(err, &ise) || len(u.crcs) != 1 {
		t.Fatalf("error %v after %d requests", err, len(u.crcs))
	}
}
