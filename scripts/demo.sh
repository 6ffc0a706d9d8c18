#!/usr/bin/env bash
# Runs the shop examples of every language that has them against one server:
# NERVURE_URL when set, otherwise a local JetStream-enabled nats-server started here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

if [ -z "${NERVURE_URL:-}" ]; then
  coproc HARNESS { exec python3 tests/harness/nervure_harness.py serve --kind single; }
  read -r -t 60 line <&"${HARNESS[0]}" || { echo "demo: the local nats-server did not start" >&2; exit 1; }
  NERVURE_URL=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["url"])' "$line")
  export NERVURE_URL
  echo "demo: started nats-server $("$NERVURE_NATS_SERVER" --version | awk '{print $2}') at $NERVURE_URL"
  # Closing the harness's stdin stops the server, also if this script dies.
  trap 'exec {HARNESS[1]}>&-; wait "$HARNESS_PID" 2>/dev/null || true' EXIT
else
  echo "demo: using NERVURE_URL=$NERVURE_URL"
fi

status=0
for lang in cpp python node java go; do
  script="examples/$lang/demo.sh"
  [ -x "$script" ] || continue
  echo
  echo "=== $lang"
  if ! "$script"; then
    echo "demo: the $lang examples failed" >&2
    status=1
  fi
done
echo
echo "=== across languages"
examples/cross_language.sh || { echo "demo: the cross-language call failed" >&2; status=1; }
exit $status
