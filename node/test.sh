#!/usr/bin/env bash
# The Node suite: dev tools from npm (TypeScript, the official client for
# interop), the addon built from this checkout with CMake, node --test against
# real servers. Ends with "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
fail() { echo "node: $1"; echo "0 passed, 1 failed"; exit 1; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null || [ ! -f /usr/include/node/node_api.h ]; then
  echo "node: installing Node.js, npm and the Node headers (Debian packages)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  pkgs=(libnode-dev)
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}"; } >/dev/null 2>&1
fi
command -v node >/dev/null || fail "node not found (Debian: apt-get install nodejs npm libnode-dev)"
[ -f /usr/include/node/node_api.h ] || fail "Node headers missing in /usr/include/node (apt-get install libnode-dev)"

tools="$NERVURE_BUILD_DIR/node-tools"
mkdir -p "$tools"
if [ ! -d "$tools/node_modules/@nats-io/transport-node" ] || [ ! -x "$tools/node_modules/.bin/tsc" ]; then
  echo "node: installing typescript, @types/node and @nats-io/transport-node into $tools"
  [ -f "$tools/package.json" ] || echo '{"name":"nervure-node-tools","private":true}' >"$tools/package.json"
  # Without them the interop and type-check tests are skipped, not failed.
  (cd "$tools" && npm install -q --no-audit --no-fund typescript@5 @types/node@20 @nats-io/transport-node@3) >/dev/null ||
    echo "node: npm install of the test tools failed; their tests are skipped"
fi
export NERVURE_NODE_TOOLS="$tools"
# The package's own dependencies (MessagePack for actors), as `npm install` gives a user.
if [ ! -d node/node_modules/@msgpack/msgpack ]; then
  echo "node: installing the package's dependencies"
  (cd node && npm install -q --no-audit --no-fund --omit=dev --ignore-scripts) >/dev/null || fail "npm install in node/ failed"
fi

echo "node: building the addon (the core is linked in)"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$NERVURE_BUILD_DIR/node/CMakeCache.txt" ]; then
  cmake -S node -B "$NERVURE_BUILD_DIR/node" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null || fail "cmake failed"
fi
cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node >/dev/null || fail "building the addon failed"
export NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node"

report="$NERVURE_BUILD_DIR/test-logs/node-tap.txt"
mkdir -p "$(dirname "$report")"
(cd node && timeout 600 node --test --test-concurrency=1 --test-reporter=tap test/*.test.js) | tee "$report" |
  grep -E '^(not ok|ok) |^# (pass|fail|skipped)'
count() { grep -E "^# $1 [0-9]+" "$report" | tail -1 | awk '{print $3}'; }
passed=$(count pass); failed=$(count fail); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-1}; skipped=${skipped:-0}
if [ "$skipped" -gt 0 ]; then echo "${passed} passed, ${failed} failed, ${skipped} skipped"
else echo "${passed} passed, ${failed} failed"; fi
[ "$failed" = 0 ]
