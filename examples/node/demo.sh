#!/usr/bin/env bash
# The shop story in Node: audit, payments and inventory in the background, then orders.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
if [ ! -f "$NERVURE_BUILD_DIR/node/nervure.node" ]; then
  echo "node: building the addon (the first time builds the core, about a minute)"
  cmake -S node -B "$NERVURE_BUILD_DIR/node" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node >/dev/null
fi
# The package's own dependencies (MessagePack for actors), as `npm install` gives a user.
[ -d node/node_modules/@msgpack/msgpack ] || (cd node && npm install -q --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
# require("nervure") resolves to this checkout's package.
modules="$NERVURE_BUILD_DIR/node-path"
mkdir -p "$modules"
ln -sfn "$PWD/node" "$modules/nervure"
export NODE_PATH="$modules" NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node"
node examples/node/audit.js 3 &
audit=$!
node examples/node/payment_service.js &
payments=$!
node examples/node/inventory_service.js &
inventory=$!
trap 'kill $payments $inventory 2>/dev/null || true; wait $inventory 2>/dev/null || true' EXIT
sleep 1  # all are subscribed before the first order
node examples/node/order_service.js
wait $audit
