#!/usr/bin/env bash
# The Python suite: a venv with the test tools, the package built from this
# checkout, pytest against real servers, then the wheel installed into a second
# fresh venv running an example. Ends with "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
# NERVURE_BUILD_DIR given alone still decides where the venv and logs go.
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
venv="$NERVURE_BUILD_DIR/python-venv"
py="$venv/bin/python"
if [ ! -x "$py" ]; then
  echo "python: creating $venv"
  python3 -m venv "$venv" || { echo "python: python3 -m venv failed (Debian: apt-get install python3-venv python3-dev)"
                              echo "0 passed, 1 failed"; exit 1; }
fi
"$py" -m pip install -q --disable-pip-version-check scikit-build-core pybind11 pytest pytest-asyncio nats-py \
  cryptography build mypy || { echo "0 passed, 1 failed"; exit 1; }
echo "python: building the package (the core is compiled into the extension)"
# One build directory per wheel tag under the build tree: the wheel below reuses it.
build_dir=(--config-settings="build-dir=$NERVURE_BUILD_DIR/python/{wheel_tag}")
"$py" -m pip install -q --disable-pip-version-check "${build_dir[@]}" ./python ||
  { echo "0 passed, 1 failed"; exit 1; }

report="$NERVURE_BUILD_DIR/test-logs/python-junit.xml"
mkdir -p "$(dirname "$report")"
rm -f "$report"
timeout 900 "$py" -m pytest -q -p no:cacheprovider -o faulthandler_timeout=120 --junitxml="$report" python/tests
read -r passed failed skipped <<<"$("$py" - "$report" <<'PY'
import os, sys, xml.etree.ElementTree as ET
if not os.path.exists(sys.argv[1]):  # pytest died before writing its report
    print(0, 1, 0)
    sys.exit()
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
total = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - failed - skipped, failed, skipped)
PY
)"

# A wheel must install where there is no compiler and no checkout, and run.
echo "python: wheel into a fresh venv"
wheels="$NERVURE_BUILD_DIR/wheels"
rm -rf "$wheels" "$NERVURE_BUILD_DIR/wheel-venv"
if "$py" -m pip wheel -q --no-deps --disable-pip-version-check "${build_dir[@]}" ./python -w "$wheels" &&
   python3 -m venv "$NERVURE_BUILD_DIR/wheel-venv" &&
   "$NERVURE_BUILD_DIR/wheel-venv/bin/pip" install -q --disable-pip-version-check "$wheels"/nervure-*.whl &&
   (cd /tmp && "$py" "$OLDPWD/tests/harness/run_with_server.py" "$NERVURE_BUILD_DIR/wheel-venv/bin/python" \
      "$OLDPWD/examples/python/hello.py"); then
  passed=$((passed + 1)); echo "python: wheel example passed"
else
  failed=$((failed + 1)); echo "python: wheel example FAILED"
fi
if [ "${skipped:-0}" -gt 0 ]; then echo "${passed} passed, ${failed} failed, ${skipped} skipped"
else echo "${passed} passed, ${failed} failed"; fi
[ "$failed" = 0 ]
