# Generate the default client, run the tests, and check generated code is fresh.
GO ?= go
SMITHY_SHARED ?= $(abspath ../shared)
export SMITHY_SHARED

.PHONY: generate test check corpus conformance bench fuzz endpoints bench-endpoints integration integration-clients integration-dynamodb chaos-dynamodb dynamodb-client streams size gen-bedrock gen-mediastore

generate:
	$(GO) generate ./...

# The root module, then the test modules that need no server.
TEST_MODULES = integration/otel integration/apiparity

test:
	$(GO) vet ./...
	$(GO) test ./...
	for m in $(TEST_MODULES); do (cd $$m && $(GO) vet ./... && $(GO) test ./...) || exit 1; done

check:
	$(GO) run ./cmd/gen -check

corpus:
	SMITHYGEN_CORPUS=all $(GO) test -run TestCorpus -count=1 -v -timeout 60m .

# Smithy's protocol tests of every protocol against generated clients: a line
# per protocol, then the total. The test binary
# runs directly so that its summary, "N passed, M failed, K skipped", is the
# last line of output.
conformance:
	@dir="$$(mktemp -d)" && trap 'rm -rf "$$dir"' EXIT && \
		$(GO) test -c -o "$$dir/conformance.test" ./conformance && \
		cd conformance && "$$dir/conformance.test" -test.count=1 -test.timeout=30m -test.v -test.run '^TestConformance$$'

# Server-backed tests in their own modules: the generated S3 client against
# gofakes3 and s3rver (installed here from npm), the generated SNS client
# against goaws, each compared with aws-sdk-go-v2's client. With CI set, a
# server that cannot be started fails the tests instead of skipping them.
integration: integration-clients
	cd integration/s3/s3rver && npm ci --no-audit --no-fund
	cd integration/s3 && $(GO) test -count=1 -v ./...
	cd integration/sns && $(GO) test -count=1 -v ./...

# The generated clients of the integration modules (not committed).
integration-clients:
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/s3.json -out integration/s3/gen/s3
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/sns.json -out integration/sns/gen/sns

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./model/... ./cmd/gen
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/bedrock-runtime.json -out bench/eventstream/gen/bedrockruntime
	cd bench/eventstream && $(GO) test -run TestSameEvents -bench . -benchmem -count 1 .
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/cleanrooms.json -out bench/gen/cleanrooms
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/s3.json -out bench/gen/s3
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/iam.json -out bench/gen/iam
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/dynamodb.json -out bench/gen/dynamodb
	cd bench && $(GO) mod tidy && $(GO) test -run 'TestSame' -bench 'Benchmark(ListObjectsV2|ListRoles|Query|GetItem|ListMemberships)$$' -benchmem -count 1 . | tee bench.out | $(GO) run ./report

# What a program pays for a client (module size/): binary growth over a
# LoadDefaultConfig-only program with 1 and 20 Clean Rooms operations and 1
# Connect operation called, compile time and lines of the generated
# cleanrooms package; each next to aws-sdk-go-v2's client of the service.
size:
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/cleanrooms.json -out size/gen/cleanrooms
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/connect.json -out size/gen/connect
	cd size && $(GO) vet ./... && $(GO) test -count=1 -v -timeout 20m . > size.out; rc=$$?; \
		grep -E '^(size:|compile:|lines:|--- |ok|FAIL|\s+size_test)' size.out; rm -f size.out; exit $$rc

# Every endpoint test of the shared models through generated resolvers
# (also part of go test ./...); ends with "N passed, M failed, K drift".
endpoints:
	$(GO) test -count=1 -v -run '^TestEndpointCorpus$$' ./templates/endpoints | grep -E '^(endpoint tests:|--- |ok|FAIL)'

# Endpoint resolution against aws-sdk-go-v2's (cleanrooms, dynamodb), and
# the size of programs linking one and two resolvers of each.
bench-endpoints:
	cd bench/endpoints && $(GO) run ./generate $(SMITHY_SHARED)/models/smithy/cleanrooms.json $(SMITHY_SHARED)/models/smithy/dynamodb.json && \
		$(GO) test -run TestSameEndpoints -bench BenchmarkResolve -benchmem -count 1 . && \
		dir="$$(mktemp -d)" && trap 'rm -rf "$$dir"' EXIT && for p in v2one v2two oursone ourstwo; do \
			$(GO) build -ldflags='-s -w' -o "$$dir/$$p" ./size/$$p && echo "size/$$p: $$(wc -c < "$$dir/$$p") bytes (stripped)"; done

# Streaming bodies and event streams through generated clients, in modules
# of their own: MediaStore Data (a 1 GiB download and a 256 MiB upload under
# a 64 MiB heap, retried uploads) and Bedrock Runtime (ConverseStream against
# a local event stream server and aws-sdk-go-v2's client).
streams: gen-mediastore gen-bedrock
	cd integration/mediastore && $(GO) test -count=1 ./...
	cd integration/bedrock && $(GO) test -count=1 ./...

gen-mediastore:
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/mediastore-data.json -out integration/mediastore/gen/mediastoredata

gen-bedrock:
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/bedrock-runtime.json -out integration/bedrock/gen/bedrockruntime

# Fuzz budgets are execution counts, not durations: with Go 1.26 a
# -fuzztime duration can end in a spurious "context deadline exceeded"
# (go.dev/issue/75804, fixed in Go 1.27). Each count is about ten to twenty
# seconds on a two-core machine.
fuzz: integration-clients gen-bedrock
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 150000x ./model
	$(GO) test -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime 300000x ./model/idl
	$(GO) test -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime 200000x ./model/botocore
	$(GO) test -run '^$$' -fuzz '^FuzzTranslate$$' -fuzztime 40000x ./model/pattern
	$(GO) test -run '^$$' -fuzz '^FuzzLines$$' -fuzztime 50000x ./templates/godoc
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 250000x ./runtime/xml
	$(GO) test -run '^$$' -fuzz '^FuzzReadError$$' -fuzztime 300000x ./runtime/xml
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 400000x ./runtime/rules
	$(GO) test -run '^$$' -fuzz '^FuzzEval$$' -fuzztime 150000x ./model/rules
	$(GO) test -run '^$$' -fuzz '^FuzzReader$$' -fuzztime 8000x ./runtime/eventstream
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 500000x ./model/jmespath
	$(GO) test -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime 80000x ./templates/waiters
	cd integration/s3 && $(GO) test -run '^$$' -fuzz '^FuzzResponse$$' -fuzztime 60000x .
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 300000x ./runtime/json
	$(GO) test -run '^$$' -fuzz '^FuzzSkip$$' -fuzztime 200000x ./runtime/json
	$(GO) test -run '^$$' -fuzz '^FuzzScalars$$' -fuzztime 8000x ./runtime/json
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/dynamodb.json -out fuzz/gen/dynamodb
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/cleanroomsml.json -out fuzz/gen/cleanroomsml
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/iam.json -out fuzz/gen/iam
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/protocol-tests/ec2Query -model $(SMITHY_SHARED)/protocol-tests/shared-types.smithy \
		-model $(SMITHY_SHARED)/protocol-tests/aws-config.smithy -model $(SMITHY_SHARED)/smithy-traits \
		-service aws.protocoltests.ec2#AwsEc2 -package ec2 -out fuzz/gen/ec2
	cd fuzz && $(GO) vet ./... && $(GO) test -count=1 . && \
		$(GO) test -run '^$$' -fuzz '^FuzzDynamoDB$$' -fuzztime 80000x . && \
		$(GO) test -run '^$$' -fuzz '^FuzzCleanRoomsML$$' -fuzztime 80000x . && \
		$(GO) test -run '^$$' -fuzz '^FuzzIAM$$' -fuzztime 50000x . && \
		$(GO) test -run '^$$' -fuzz '^FuzzEC2$$' -fuzztime 100000x .

# DynamoDB end to end: the generated client and aws-sdk-go-v2's against
# dynalite, installed by npm into integration/dynamodb/node_modules; the
# client is generated into integration/dynamodb/gen (not committed). Under
# CI (CI=true) a missing dynalite fails the tests instead of skipping them.
DYNAMODB_IT := integration/dynamodb

dynamodb-client:
	cd $(DYNAMODB_IT) && npm ci --no-audit --no-fund --loglevel=error
	$(GO) run ./cmd/gen -model $(SMITHY_SHARED)/models/smithy/dynamodb.json -out $(DYNAMODB_IT)/gen/dynamodb

integration-dynamodb: dynamodb-client
	cd $(DYNAMODB_IT) && $(GO) vet ./... && $(GO) test -count=1 -timeout 10m . ./internal/...

# The generated DynamoDB client against dynalite behind toxiproxy's faults.
chaos-dynamodb: dynamodb-client
	cd $(DYNAMODB_IT) && $(GO) test -count=1 -v -timeout 15m -run '^TestChaos$$' ./chaos
	$(GO) test -run '^$$' -fuzz '^FuzzHeadersMatchSmithy$$' -fuzztime 150000x ./runtime/eventstream
	cd integration/bedrock && $(GO) test -run '^$$' -fuzz '^FuzzConverseStreamResponse$$' -fuzztime 20000x .
