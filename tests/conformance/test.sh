#!/usr/bin/env bash
# The cross-language conformance suite (run by make test after every language's
# own suite, which build the packages the agents use). Ends with
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
if [ ! -x "$NERVURE_BUILD_DIR/bin/conformance_agent" ]; then
  cmake --build "$NERVURE_BUILD_DIR" -j2 --target conformance_agent >/dev/null ||
    { echo "conformance: building the C++ agent failed"; echo "0 passed, 1 failed"; exit 1; }
fi
timeout 900 python3 tests/conformance/run.py --build-dir "$NERVURE_BUILD_DIR"
