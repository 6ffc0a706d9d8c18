#!/usr/bin/env bash
# npm pack with the prebuilt addon inside (prebuilds/<platform>-<arch>/nervure.node).
# Usage: pack.sh OUT_DIR; prints the tarball's path last. The addon comes from
# NERVURE_NODE_ADDON or build/node/ (npm run build makes it).
set -euo pipefail
out="$(cd "${1:-.}" && pwd)"
pkg="$(cd "$(dirname "$0")/.." && pwd)"
addon="${NERVURE_NODE_ADDON:-$pkg/../build/node/nervure.node}"
[ -f "$addon" ] || { echo "no addon at $addon: run npm run build" >&2; exit 1; }
platform="$(node -p 'process.platform + "-" + process.arch')"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -r "$pkg/lib" "$pkg/index.d.ts" "$pkg/package.json" "$stage/"
[ -f "$pkg/README.md" ] && cp "$pkg/README.md" "$stage/"
mkdir -p "$stage/prebuilds/$platform"
cp "$addon" "$stage/prebuilds/$platform/nervure.node"
strip --strip-unneeded "$stage/prebuilds/$platform/nervure.node" 2>/dev/null || true
name="$(cd "$stage" && npm pack -q --pack-destination "$out" | tail -1)"
echo "$out/$name"
