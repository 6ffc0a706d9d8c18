#!/usr/bin/env bash
# One actor, callers in other languages: the C++ inventory service hosts the
# inventory actors; Python and Node reserve stock from them (MessagePack
# arguments and results, the same call in every language).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
host="$NERVURE_BUILD_DIR/examples/cpp/inventory_service"
py="$NERVURE_BUILD_DIR/python-venv/bin/python"
[ -x "$host" ] || { echo "cross-language: $host is not built; skipped"; exit 0; }
"$host" &
hosted=$!
trap 'kill $hosted 2>/dev/null || true; wait $hosted 2>/dev/null || true' EXIT
sleep 1
if [ -x "$py" ] && "$py" -c "import nervure" 2>/dev/null; then "$py" examples/python/reserve.py kettle; fi
if [ -f "$NERVURE_BUILD_DIR/node/nervure.node" ] && [ -d node/node_modules/@msgpack/msgpack ]; then
  mkdir -p "$NERVURE_BUILD_DIR/node-path" && ln -sfn "$PWD/node" "$NERVURE_BUILD_DIR/node-path/nervure"
  NODE_PATH="$NERVURE_BUILD_DIR/node-path" NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node" \
    node examples/node/reserve.js mug
fi
