# Pinned versions and shared paths, sourced by the other scripts.
NATS_SERVER_VERSION=2.15.2
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NERVURE_BUILD_DIR="${BUILD_DIR:-$REPO_ROOT/build}"
case "$NERVURE_BUILD_DIR" in /*) ;; *) NERVURE_BUILD_DIR="$REPO_ROOT/$NERVURE_BUILD_DIR" ;; esac
NERVURE_TOOLS_DIR="$NERVURE_BUILD_DIR/tools"
# The harness and every suite find servers through these.
export NERVURE_NATS_SERVER="${NERVURE_NATS_SERVER:-$NERVURE_TOOLS_DIR/nats-server}"
export NERVURE_NATS_SERVER_COMPAT="${NERVURE_NATS_SERVER_COMPAT:-/usr/sbin/nats-server}"
export NERVURE_BUILD_DIR
# The packages' native builds link this build's core instead of compiling their
# own (cmake/nervure_core.cmake); set it empty for a build that stands alone.
export NERVURE_PREBUILT_CORE="${NERVURE_PREBUILT_CORE-$NERVURE_BUILD_DIR}"
