#!/usr/bin/env bash
# nervure (Node) beside @nats-io/transport-node: pub-only, pub+sub (16 B) and
# request-reply (rt/s, p50/p99 µs), alternating, medians, bounded in count and time.
# Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
out="${3:-}"
tools="$NERVURE_BUILD_DIR/node-tools"
if [ ! -d "$tools/node_modules/@nats-io/transport-node" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"name":"nervure-node-tools","private":true}' >"$tools/package.json"
  (cd "$tools" && npm install -q --no-audit --no-fund @nats-io/transport-node@3) >&2
fi
if [ ! -f "$NERVURE_BUILD_DIR/node/CMakeCache.txt" ]; then
  cmake -S node -B "$NERVURE_BUILD_DIR/node" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node >/dev/null
export NERVURE_NODE_TOOLS="$tools" NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node"
timeout 900 node tests/bench/node/bench.js "$url" "$runs" $out
