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
# go-env.sh names the library by its hash, so it must be newer than the library.
[ -f "$lib" ] && [ "$NERVURE_BUILD_DIR/lib/go-env.sh" -nt "$lib" ] || go/build-native.sh >&2
if [ ! -x "$agent" ] || [ -n "$(find go bindings/c/include "$lib" -newer "$agent" \
      \( -name '*.go' -o -name '*.h' -o -name '*.a' -o -name go.mod \) -print -quit)" ]; then
  (source "$NERVURE_BUILD_DIR/lib/go-env.sh" && cd go && GOFLAGS="$GOFLAGS -mod=mod" go build -o "$agent" ./conformance) >&2
fi
exec "$agent"
