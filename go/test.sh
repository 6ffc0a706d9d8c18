#!/usr/bin/env bash
# The Go suite: the native library (go/build-native.sh), go vet, go test -race
# against real servers started by the harness, the consumer module examples/go
# built with plain `go build`. Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
fail() { echo "go: $1"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
command -v go >/dev/null || fail "go not found (Debian: apt-get install golang-go)"
[ -x "$NERVURE_NATS_SERVER" ] || fail "no nats-server at $NERVURE_NATS_SERVER (make setup)"
go/build-native.sh || fail "native build failed"
source "$NERVURE_BUILD_DIR/lib/go-env.sh"  # where the library is; a changed one relinks
export GOFLAGS="${GOFLAGS:-} -mod=mod"
cd go
echo "go: gofmt, go vet"
[ -z "$(gofmt -l .)" ] || fail "not gofmt-formatted: $(gofmt -l . | tr '\n' ' ')"
go vet ./... || fail "go vet found problems"
echo "go: go test -race"
out="$NERVURE_BUILD_DIR/go-test.json"
go test -race -count=1 -timeout 8m -json ./... >"$out" 2>"$out.stderr"
rc=$?
counts=$(python3 - "$out" <<'PY'
import json, sys
res = {}
for line in open(sys.argv[1]):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    if e.get("Test") and e.get("Action") in ("pass", "fail", "skip"):
        res[(e["Package"], e["Test"])] = e["Action"]
    if e.get("Action") == "output" and e.get("Test") and ("--- FAIL" in e.get("Output", "") or "panic:" in e.get("Output", "")):
        sys.stderr.write(e["Output"])
p = sum(1 for v in res.values() if v == "pass")
f = sum(1 for v in res.values() if v == "fail")
s = sum(1 for v in res.values() if v == "skip")
print(p, f, s)
PY
)
read -r passed failed skipped <<<"$counts"
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
  failed=1
  tail -20 "$out.stderr"
  grep -h '"Output"' "$out" | tail -20
fi
echo "go: the nervure_shared build tag (libnervure.so)"
if LD_LIBRARY_PATH="$NERVURE_BUILD_DIR/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
   go test -tags nervure_shared -count=1 -run 'TestPublishSubscribe|TestRequestReply' ./... >"$out.shared" 2>&1; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  tail -20 "$out.shared"
fi
echo "go: every construct of the definition format through backend_go.py"
if python3 internal/backendcheck/check.py; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
cd ..
if [ -f examples/go/go.mod ]; then
  echo "go: building the consumer module examples/go"
  if (cd examples/go && go build -o "$NERVURE_BUILD_DIR/go-shop" .); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
