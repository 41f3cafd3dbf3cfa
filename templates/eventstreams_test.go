package templates

import "testing"

func TestAWSJSONEventStreamsPackage(t *testing.T) {
	generated(t).wantPassed(t, "awsjsonevents", "events_test.go")
}
