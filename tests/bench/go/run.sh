#!/usr/bin/env bash
# nervure (Go) beside the official nats.go (Go module proxy): pub-only, pub+sub
# (16 B) and request-reply (rt/s, p50/p99 µs), warm-up, alternating runs,
# medians; bounded in count and time. Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
out="${3:-}"
go/build-native.sh >&2
export CGO_LDFLAGS="-L$NERVURE_BUILD_DIR/lib ${CGO_LDFLAGS:-}"
bin="$NERVURE_BUILD_DIR/go-bench"
(cd tests/bench/go && go mod tidy >&2 && go build -o "$bin" .)
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
timeout 900 "$bin" "$url" "$runs" $out
