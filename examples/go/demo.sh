#!/usr/bin/env bash
# The shop story in Go: audit, payments and inventory in the background, then orders.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
go/build-native.sh >/dev/null
source "$NERVURE_BUILD_DIR/lib/go-env.sh"
bin="$NERVURE_BUILD_DIR/go-shop"
(cd examples/go && go build -o "$bin" .)
"$bin" audit 3 &
audit=$!
"$bin" payments &
payments=$!
"$bin" inventory &
inventory=$!
trap 'kill $payments $inventory 2>/dev/null || true; wait $payments $inventory 2>/dev/null || true' EXIT
sleep 1  # all are subscribed before the first order
"$bin" orders
wait $audit
