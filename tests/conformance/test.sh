#!/usr/bin/env bash
# The cross-language conformance suite (run by make test after every language's
# own suite). The language suites build the packages the agents use; when they
# have not run (a fresh clone after `make build`), this builds the least of the
# same, so the suite stands on its own. Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/../.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
log="$NERVURE_BUILD_DIR/test-logs/conformance-build.log"
mkdir -p "$(dirname "$log")"
: >"$log"
step() {  # label, command...: runs the command into the log; a failure is shown, and that agent is then skipped
  local label=$1
  shift
  echo "conformance: $label"
  "$@" >>"$log" 2>&1 || { echo "conformance: $label failed (last lines of $log):"; tail -n 15 "$log" | sed 's/^/   /'; }
}

# C++: the agent is a target of the main build (up to date in a moment when it is).
step "building the C++ agent" cmake --build "$NERVURE_BUILD_DIR" -j2 --target conformance_agent

# newer_than FILE DIR...: some file under the directories is newer than FILE (or FILE is missing).
newer_than() {
  local file=$1
  shift
  [ ! -e "$file" ] || [ -n "$(find "$@" -newer "$file" -type f -print -quit 2>/dev/null)" ]
}

# Python: the package installed in the venv python/test.sh makes (again when its sources changed since).
py="$NERVURE_BUILD_DIR/python-venv/bin/python"
installed=$("$py" -c "import nervure._core as n; print(n.__file__)" 2>/dev/null || echo /nonexistent)
if ! { [ -x "$py" ] && "$py" -c "import nervure; nervure.ActorRuntime" 2>/dev/null; } ||
   newer_than "$installed" python/nervure python/src core/src core/include bindings/runtime; then
  install_python() {
    [ -x "$py" ] || python3 -m venv "$NERVURE_BUILD_DIR/python-venv" || return
    "$py" -m pip install -q --disable-pip-version-check \
      --config-settings="build-dir=$NERVURE_BUILD_DIR/python/{wheel_tag}" ./python
  }
  step "installing the Python package into $NERVURE_BUILD_DIR/python-venv" install_python
fi

# Node: the package's dependencies and the addon (incremental, like node/test.sh).
if command -v node >/dev/null && [ -f /usr/include/node/node_api.h ]; then
  build_node() {
    if [ ! -d node/node_modules/@msgpack/msgpack ]; then
      (cd node && npm install -q --no-audit --no-fund --omit=dev --ignore-scripts) || return
    fi
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$NERVURE_BUILD_DIR/node/CMakeCache.txt" ]; then
      cmake -S node -B "$NERVURE_BUILD_DIR/node" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release || return
    fi
    cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node
  }
  step "building the Node addon" build_node
fi

# Java: the package's classes and JNI library in java/target (java/test.sh installs them).
if command -v mvn >/dev/null && newer_than java/target/classes/native/linux-x86_64/libnervure_jni.so \
     java/src/main core/src core/include bindings/runtime bindings/c; then
  build_java() {
    (cd java && JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" \
      mvn -q -B package -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR" -Dstyle.color=never)
  }
  step "building the Java package (mvn package)" build_java
fi

# Go: the native library (incremental: the C ABI the generated shims call must
# be current); the agent itself is built by agents/go_agent.sh when it starts.
if command -v go >/dev/null; then
  step "building the Go package's native library" go/build-native.sh
fi

timeout 900 python3 tests/conformance/run.py --build-dir "$NERVURE_BUILD_DIR"
