# HuiGuan — the two commands: `make run` and `make test`.
GO      ?= go
NPM     ?= npm
BIN     := bin/huiguan
WEB     := frontend

.PHONY: run demo build web server test test-go test-web e2e bench lint fmt clean

## run: build the front end and the server, then serve on http://localhost:8080 (SQLite under ./data)
run: build
	./$(BIN) serve

## demo: load the demo association into an empty database (then `make run`)
demo: server
	./$(BIN) demo

build: web server

$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json
	cd $(WEB) && $(NPM) ci --no-audit --no-fund

web: $(WEB)/node_modules/.package-lock.json
	cd $(WEB) && $(NPM) run build

server:
	$(GO) build -o $(BIN) .

## test: every test — Go on SQLite (and MariaDB when HUIGUAN_TEST_MYSQL_DSN is set), front-end unit tests
test: test-go test-web

test-go:
	$(GO) test ./...

test-web: $(WEB)/node_modules/.package-lock.json
	cd $(WEB) && $(NPM) test

## e2e: browser walk-through in headless Debian Chromium against a temporary server
e2e:
	bash scripts/e2e.sh

## bench: benchmarks at scale (HUIGUAN_BENCH_MEMBERS, default 100000; MariaDB too when HUIGUAN_TEST_MYSQL_DSN is set)
bench:
	$(GO) test -run '^$$' -bench . -benchtime 30x -timeout 60m ./bench/

## lint: formatting and vet (the layer rule is a test: go test ./internal/archtest)
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin $(WEB)/dist/assets $(WEB)/dist/index.html
