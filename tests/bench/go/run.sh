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
export CGO_LDFLAGS="-L$NERVURE_BUILD_DIR/lib ${CGO_LDFLAGS:-}"
bin="$NERVURE_BUILD_DIR/go-bench"
# Go's build cache does not hash the C library: an existing binary whose Go
# sources did not change may be kept, with the core it was linked against.
# Removed first, the link takes the current archive (as go_agent.sh does).
rm -f "$bin"
(cd tests/bench/go && go mod tidy >&2 && go build -o "$bin" .)
rc=0
timeout 600 "$bin" "$url" "$runs" $out || rc=$?
echo "go bench: ${SECONDS} s in all, installs and builds included" >&2
exit "$rc"
