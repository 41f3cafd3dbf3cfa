# Generate the default client, run the tests, and check generated code is fresh.
GO ?= go
SMITHY_SHARED ?= $(abspath ../shared)
export SMITHY_SHARED

.PHONY: generate test check corpus conformance bench fuzz

generate:
	$(GO) generate ./...

test:
	$(GO) vet ./...
	$(GO) test ./...

check:
	$(GO) run ./cmd/gen -check

corpus:
	SMITHYGEN_CORPUS=all $(GO) test -run TestCorpus -count=1 -v -timeout 60m .

# Smithy's restJson1 protocol tests against generated clients. The test binary
# runs directly so that its summary, "N passed, M failed, K skipped", is the
# last line of output.
conformance:
	@dir="$$(mktemp -d)" && trap 'rm -rf "$$dir"' EXIT && \
		$(GO) test -c -o "$$dir/conformance.test" ./conformance && \
		cd conformance && "$$dir/conformance.test" -test.count=1 -test.timeout=30m -test.v -test.run '^TestConformance$$'

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./model/... ./cmd/gen
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/cleanrooms.json -out bench/gen/cleanrooms
	cd bench && $(GO) mod tidy && $(GO) test -run TestSameResult -bench BenchmarkListMemberships -benchmem -count 1 . | tee bench.out | $(GO) run ./report

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 20s ./model
	$(GO) test -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime 20s ./model/idl
	$(GO) test -run '^$$' -fuzz '^FuzzTranslate$$' -fuzztime 10s ./model/pattern
	$(GO) test -run '^$$' -fuzz '^FuzzLines$$' -fuzztime 10s ./templates/godoc
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 10s ./model/jmespath
	$(GO) test -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime 10s ./templates/waiters
