#!/usr/bin/env bash
# Starts the Go conformance agent (go/conformance, tests/conformance/PROTOCOL.md):
# builds it into the build directory when it is missing or older than its
# sources or the native library, then runs it; JSON lines on stdin and stdout.
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
agent="$NERVURE_BUILD_DIR/go-conformance/agent"
lib="$NERVURE_BUILD_DIR/lib/libnervure_static.a"
[ -f "$lib" ] || go/build-native.sh >&2
# Go's build cache does not see a changed C library, so staleness is judged here
# and the binary removed first: the link that follows takes the current archive.
if [ ! -x "$agent" ] || [ -n "$(find go bindings/c/include "$lib" -newer "$agent" \
      \( -name '*.go' -o -name '*.h' -o -name '*.a' -o -name go.mod \) -print -quit)" ]; then
  rm -f "$agent"
  (cd go && CGO_LDFLAGS="-L$NERVURE_BUILD_DIR/lib ${CGO_LDFLAGS:-}" GOFLAGS="${GOFLAGS:-} -mod=mod" \
    go build -o "$agent" ./conformance) >&2
fi
exec "$agent"
