#!/usr/bin/env bash
# The one native build step of the Go package: builds build/lib/libnervure_static.a
# (the C ABI, the bridge and the core in one archive) and build/lib/libnervure.so
# (for the nervure_shared build tag). Run from anywhere; incremental (ccache).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$NERVURE_BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$NERVURE_BUILD_DIR" "${generator[@]}" -DNERVURE_BUILD_TESTS=OFF -DNERVURE_BUILD_EXAMPLES=OFF \
    -DNERVURE_BUILD_CLI=OFF >/dev/null
fi
cmake --build "$NERVURE_BUILD_DIR" -j2 --target nervure_static_bundle nervure_c >/dev/null
echo "go: native library in $NERVURE_BUILD_DIR/lib"
