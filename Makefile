# Cellbook: the two commands a user needs are `make site` and `make test`.
SWIFT ?= swift
CELLBOOK_RELEASE = .build/release/cellbook

.PHONY: site test deps build-release lint bench clean

## make site: install what is missing, build in release mode, build every study into output/.
site: deps build-release
	$(CELLBOOK_RELEASE) build
	@echo "Open $(CURDIR)/output/index.html"

## make test: install what is missing, run the whole test suite and the format/architecture checks.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
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
