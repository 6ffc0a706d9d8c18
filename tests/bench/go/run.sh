#!/usr/bin/env bash
# nervure (Go) beside the official nats.go and its jetstream package (Go module
# proxy): pub 16 B/128 B/1 KB, pub+sub, request-reply, JetStream publish
# (acknowledged, async), fetch, key-value put and get; warm-up, alternating
# runs, medians, each run bounded in count and time.
# Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
out="${3:-}"
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
go/build-native.sh >&2
source "$NERVURE_BUILD_DIR/lib/go-env.sh"
bin="$NERVURE_BUILD_DIR/go-bench"
(cd tests/bench/go && go mod tidy >&2 && go build -o "$bin" .)
rc=0
timeout 600 "$bin" "$url" "$runs" $out || rc=$?
echo "go bench: ${SECONDS} s in all, installs and builds included" >&2
exit "$rc"
