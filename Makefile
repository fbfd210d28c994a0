# The README's test command is `make test`; .ci/run calls exactly that.
GO ?= go
BENCHTIME ?= 1x

.PHONY: test gotest e2e lint-ci bench fuzz fuzz-short vet fmt build

test: vet lint-ci gotest fuzz-short e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

gotest:
	@test -d ../shared/realdata || echo "note: ../shared/realdata is absent: the real-data test (test/acceptance TestRealData) is skipped"
	$(GO) test -race -timeout 30m ./...

# The browser test of the public site (headless Chromium and axe-core);
# e2e/install.sh installs what it needs.
e2e:
	@if [ -f e2e/run.sh ]; then bash e2e/run.sh; fi

# The CI files a municipality gets and uses: the workflow 'register init'
# writes, through actionlint (which runs shellcheck on each of its scripts),
# and the shell scripts of this repository and its GitHub Action through
# shellcheck. actionlint comes from the Go module proxy at a pinned version;
# shellcheck from Debian (bash .ci/run installs it).
ACTIONLINT ?= github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint-ci:
	@command -v shellcheck >/dev/null || { echo "lint-ci: shellcheck is missing; bash .ci/run installs it (apt-get install shellcheck)" >&2; exit 1; }
	shellcheck .ci/run e2e/*.sh action/*.sh
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(GO) run ./cmd/register init "$$tmp/r" --organisation "Gemeente Proef" >/dev/null && \
	  echo "actionlint: the workflow of register init" && \
	  $(GO) run $(ACTIONLINT) -shellcheck shellcheck "$$tmp/r/.github/workflows/register.yml"

build:
	$(GO) build -o bin/register ./cmd/register

# Benchmarks on generated registers of 10,000 and 100,000 records. The
# whole-command benchmarks of internal/cli take some 45 minutes on a
# two-core machine: the timeout leaves room for a slower one.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -timeout 150m ./...

# Every parser of user input has a fuzz target; its seed corpus is kept in
# the package's testdata/fuzz/. fuzz-short runs each briefly (make test),
# counted in executions, not seconds: with a time budget, a run whose seed
# corpus takes longer than the budget to replay fails with "context deadline
# exceeded" on a slow or busy machine;
# fuzz runs each for FUZZTIME.
FUZZ_TARGETS = \
	./internal/source:FuzzParse \
	./internal/period:FuzzParse \
	./internal/period:FuzzParseDate \
	./internal/geo:FuzzCoordinates \
	./internal/fielddiff:FuzzYAML \
	./internal/config:FuzzLoad \
	./internal/federate:FuzzParseConfig \
	./internal/principle:FuzzCompileCustom \
	./internal/principle:FuzzRun \
	./internal/importcsv:FuzzRead \
	./internal/importcsv:FuzzNormaliseDate \
	./internal/importcsv:FuzzColumnMap \
	./internal/notification:FuzzEditInPlace \
	./internal/csvcell:FuzzSafe \
	./internal/publish:FuzzSecretSearch \
	./internal/chain:FuzzWords \
	./internal/report:FuzzWrite \
	./internal/record:FuzzReadBinary \
	./internal/history:FuzzDecodeOutline \
	./internal/checkcache:FuzzRead \
	./internal/parsecache:FuzzRead \
	./internal/statsum:FuzzRead \
	./internal/site:FuzzManifest \
	./internal/site:FuzzPieceIndex \
	./internal/site:FuzzTextsKept
FUZZTIME ?= 5m
FUZZTIME_SHORT ?= 2000x

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t#*:} in $${t%%:*} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) "$${t%%:*}" || exit 1; \
	done

fuzz-short:
	@for t in $(FUZZ_TARGETS); do \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME_SHORT) "$${t%%:*}" >fuzz.log 2>&1 || { cat fuzz.log; rm -f fuzz.log; echo "fuzz-short: $${t#*:} in $${t%%:*} failed"; exit 1; }; \
	done; rm -f fuzz.log; echo "fuzz-short: $(words $(FUZZ_TARGETS)) targets, $(FUZZTIME_SHORT) each"
