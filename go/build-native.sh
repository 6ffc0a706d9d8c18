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
# What a go command needs to link it, for the project's scripts to source. Go's
# build cache does not see a changed C library: it hands back a binary or test
# linked against the old one. The library's hash, set as a string in the
# package (-X), makes a changed library a new link. (Not the build ID, -B:
# that would give every program linked against one library the same ID, and
# profilers and debuggers tell binaries apart by it.)
lib="$NERVURE_BUILD_DIR/lib"
if [ ! "$lib/go-env.sh" -nt "$lib/libnervure_static.a" ]; then
  cat >"$lib/go-env.sh" <<EOF
export CGO_LDFLAGS="-L$lib \${CGO_LDFLAGS:-}"
export GOFLAGS="\${GOFLAGS:-} -ldflags=-X=github.com/nervure-io/nervure/go.nativeLibrary=$(sha1sum "$lib/libnervure_static.a" | cut -c1-40)"
EOF
fi
echo "go: native library in $lib"
