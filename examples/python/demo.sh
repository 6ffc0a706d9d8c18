#!/usr/bin/env bash
# The shop story in Python: audit, payments and inventory in the background, then orders.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
venv="$NERVURE_BUILD_DIR/python-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import nervure" 2>/dev/null; then
  echo "python: installing the package into $venv (the first time builds the core, about a minute)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check scikit-build-core pybind11
  "$venv/bin/pip" install -q --disable-pip-version-check ./python
fi
py="$venv/bin/python"
"$py" examples/python/audit.py 3 &
audit=$!
"$py" examples/python/payment_service.py &
payments=$!
"$py" examples/python/inventory_service.py &
inventory=$!
trap 'kill $payments $inventory 2>/dev/null || true; wait $inventory 2>/dev/null || true' EXIT
sleep 1  # all are subscribed before the first order
"$py" examples/python/order_service.py
wait $audit
