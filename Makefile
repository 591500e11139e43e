# Cellbook: the two commands a user needs are `make site` and `make test`.
SWIFT ?= swift
CELLBOOK_RELEASE = .build/release/cellbook

.PHONY: site test deps build-release lint bench clean

## make site: install what is missing, build in release mode, build every study into output/.
site: deps build-release
	$(CELLBOOK_RELEASE) build
	@echo "Open $(CURDIR)/output/index.html"

# The tests run optimised, as users run the engine (the simulation-heavy suites are ten times
# faster than unoptimised), with testable imports, in their own build folder so that
# `make site` and `make test` do not rebuild each other's products.
TEST_FLAGS = -c release -Xswiftc -enable-testing --scratch-path .build/tests

## make test: install what is missing, run the whole test suite and the format/architecture checks.
test: deps
	$(SWIFT) build --build-tests $(TEST_FLAGS)
	$(SWIFT) test --skip-build $(TEST_FLAGS)
	$(MAKE) lint

deps:
	@scripts/install-deps.sh

build-release: deps
	$(SWIFT) build -c release --product cellbook

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	scripts/check-architecture.sh

clean:
	rm -rf .build .cellbook
