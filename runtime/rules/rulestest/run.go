package rulestest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// SnapshotEnv names the file of the partition data the endpoint tests were
// written against, which generated endpoint tests read.
const SnapshotEnv = "SMITHYGEN_SNAPSHOT_PARTITIONS"

// Case is one endpoint test case of a generated client: each Params entry
// returns the client's EndpointParameters (as any), bound from the case's
// parameters or from an operation call.
type Case struct {
	Doc    string
	Params []func() (any, error)
	Expect Expect
}

// Resolver is a generated EndpointResolverV2, resolving EndpointParameters
// passed as any.
type Resolver[P any] interface {
	ResolveEndpoint(ctx context.Context, params P) (smithyendpoints.Endpoint, error)
}

// SnapshotPartitions returns the partitions.json that SnapshotEnv names.
func SnapshotPartitions(t *testing.T) string {
	path := os.Getenv(SnapshotEnv)
	if path == "" {
		t.Fatalf("%s is not set", SnapshotEnv)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Run resolves every case with the default resolver and with one built on
// the snapshot partition data and prints a line per case:
//
//	ENDPOINTCASE <pkg> <index> <ok|FAIL> <ok|FAIL> <message>
//
// A parameter binding error counts as the resolution's error.
func Run[P any](t *testing.T, pkg string, cases []Case, ctx context.Context, def, snapshot Resolver[P]) {
	for i, c := range cases {
		var msgs []string
		verdict := [2]string{"ok", "ok"}
		for j, r := range []Resolver[P]{def, snapshot} {
			for _, bind := range c.Params {
				var ep smithyendpoints.Endpoint
				p, err := bind()
				if err == nil {
					ep, err = r.ResolveEndpoint(ctx, p.(P))
				}
				if err := Check(ep, err, c.Expect); err != nil {
					verdict[j] = "FAIL"
					if j == 0 || len(msgs) == 0 {
						msgs = append(msgs, err.Error())
					}
				}
			}
		}
		msg := strings.ReplaceAll(strings.Join(msgs, "; "), "\n", " ")
		fmt.Printf("ENDPOINTCASE %s %d %s %s %s: %s\n", pkg, i, verdict[0], verdict[1], c.Doc, msg)
	}
}
