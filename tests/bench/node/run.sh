#!/usr/bin/env bash
# nervure (Node) beside the official client (@nats-io/transport-node, with
# @nats-io/jetstream and @nats-io/kv): pub 16 B/128 B/1 KB, pub+sub,
# request-reply, JetStream publish (acknowledged, async), fetch, key-value put
# and get; alternating runs, medians, each run bounded in count and time.
# Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
out="${3:-}"
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
tools="$NERVURE_BUILD_DIR/node-tools"
# The three peers installed together, so they share one @nats-io/nats-core (node/test.sh may
# have installed the transport alone, at an older 3.x).
peers=(@nats-io/transport-node@3 @nats-io/jetstream@3 @nats-io/kv@3)
for p in "${peers[@]}"; do
  if [ ! -d "$tools/node_modules/${p%@3}" ]; then
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"name":"nervure-node-tools","private":true}' >"$tools/package.json"
    (cd "$tools" && npm install -q --no-audit --no-fund "${peers[@]}") >&2
    break
  fi
done
# The package's own dependencies (MessagePack for actors), as node/test.sh installs them.
if [ ! -d node/node_modules/@msgpack/msgpack ]; then
  (cd node && npm install -q --no-audit --no-fund --omit=dev --ignore-scripts) >&2
fi
if [ ! -f "$NERVURE_BUILD_DIR/node/CMakeCache.txt" ]; then
  cmake -S node -B "$NERVURE_BUILD_DIR/node" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node >/dev/null
export NERVURE_NODE_TOOLS="$tools" NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node"
rc=0
timeout 600 node tests/bench/node/bench.js "$url" "$runs" $out || rc=$?
echo "node bench: ${SECONDS} s in all, installs and builds included" >&2
exit "$rc"
