# The README's test command is `make test`; .ci/run calls exactly that.
GO ?= go
BENCHTIME ?= 1x

.PHONY: test gotest e2e bench fuzz vet fmt build

test: vet gotest e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

gotest:
	@test -d ../shared/realdata || echo "note: ../shared/realdata is absent: the real-data test (test/acceptance TestRealData) is skipped"
	$(GO) test -race ./...

# The browser test of the public site (headless Chromium and axe-core);
# e2e/install.sh installs what it needs.
e2e:
	@if [ -f e2e/run.sh ]; then bash e2e/run.sh; fi

build:
	$(GO) build -o bin/register ./cmd/register

# Benchmarks on generated registers of 10,000 and 100,000 records.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -timeout 60m ./...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 5m ./internal/source/
