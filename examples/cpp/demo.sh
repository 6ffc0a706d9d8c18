#!/usr/bin/env bash
# The shop story in C++: audit, payments and inventory in the background, then orders.
set -euo pipefail
bin="${NERVURE_BUILD_DIR:-build}/examples/cpp"
"$bin/audit" 3 &
audit=$!
"$bin/payment_service" &
payments=$!
"$bin/inventory_service" &
inventory=$!
trap 'kill $payments $inventory 2>/dev/null || true; wait $inventory 2>/dev/null || true' EXIT
sleep 0.5  # all are subscribed before the first order
"$bin/order_service"
wait $audit
