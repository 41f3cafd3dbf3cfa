package templates

import "testing"

func TestSerdeTestModelPackage(t *testing.T) {
	generated(t).wantPassed(t, "serde", "restjson_test.go")
}

func TestSerdeDefaultModelPackage(t *testing.T) {
	generated(t).wantPassed(t, "cleanroomsml", "restjson_test.go")
}
