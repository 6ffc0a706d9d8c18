#!/usr/bin/env bash
# Builds the C++ suites with ASan+UBSan, then with TSan, and runs them.
# Usage: scripts/sanitize.sh [--build-only] [asan|tsan]   (default: both)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
build_only=0
[ "${1:-}" = --build-only ] && { build_only=1; shift; }
status=0
for kind in ${1:-asan tsan}; do
  case $kind in
    asan) flags=address,undefined ;;
    tsan) flags=thread ;;
    *) echo "unknown sanitizer '$kind'" >&2; exit 2 ;;
  esac
  dir="$NERVURE_BUILD_DIR/$kind"
  echo "== C++ suites under $kind ($flags)"
  cmake -S . -B "$dir" -G Ninja -DNERVURE_SANITIZE=$flags -DNERVURE_BUILD_CLI=OFF \
    -DNERVURE_BUILD_BINDINGS=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null || exit 1
  cmake --build "$dir" -j "$(nproc)" || exit 1
  [ $build_only = 1 ] && continue
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/core/tests/tsan.supp \
    ctest --test-dir "$dir" -V --timeout 900 || status=1
done
exit $status
