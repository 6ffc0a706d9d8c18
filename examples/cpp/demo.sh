#!/usr/bin/env bash
# The shop story in C++: audit and payments in the background, then orders.
set -euo pipefail
bin="${NERVURE_BUILD_DIR:-build}/examples/cpp"
"$bin/audit" 3 &
audit=$!
"$bin/payment_service" &
payments=$!
trap 'kill $payments 2>/dev/null || true' EXIT
sleep 0.5  # both are subscribed before the first order
"$bin/order_service"
wait $audit
