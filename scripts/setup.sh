#!/usr/bin/env bash
# Installs what building and testing nervure needs, skipping what is present:
# Debian packages for the C++ core and peers, and the pinned nats-server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git openssl ccache
  libboost-dev libssl-dev libmsgpack-cxx-dev nlohmann-json3-dev libgtest-dev
  pybind11-dev clang libclang-rt-14-dev
  nats-server libnats-dev
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The pinned server is built from its Go module and cached in the build tree.
server="$NERVURE_TOOLS_DIR/nats-server"
if [ ! -x "$server" ] || ! "$server" --version 2>/dev/null | grep -q "v${NATS_SERVER_VERSION}\$"; then
  command -v go >/dev/null || { echo "setup: Go is needed to build nats-server v${NATS_SERVER_VERSION}" >&2; exit 1; }
  echo "setup: building nats-server v${NATS_SERVER_VERSION} (about a minute, once)"
  mkdir -p "$NERVURE_TOOLS_DIR"
  GOBIN="$(cd "$NERVURE_TOOLS_DIR" && pwd)" GOFLAGS=-mod=mod \
    go install "github.com/nats-io/nats-server/v2@v${NATS_SERVER_VERSION}"
fi
