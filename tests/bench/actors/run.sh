#!/usr/bin/env bash
# Actor call latency in every language that hosts actors (C++, Python, Node,
# Java, Go): calls to an already active actor whose turn reads its state
# (actor-call), and calls that each activate a new actor (actor-activate).
# Host and caller share a process and use two connections. There is no local
# peer: the combiner shows Dapr's published figures beside these.
# Builds what is missing, then RUNS rounds over the languages; progress on
# stderr, a markdown table on stdout, the per-language JSON of
# tests/bench/README.md (a list, one object per language) in OUT_JSON.
# Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
out="${3:-}"
# Per run and workload: at most this many calls or this many seconds.
msgs=5000 seconds=1
modes=actor-call,actor-activate
here=tests/bench/actors
work="$NERVURE_BUILD_DIR/actors-bench"
mkdir -p "$work"
raw="$work/raw.jsonl"
: >"$raw"
log() { echo "actors: $*" >&2; }

# ------------------------------------------------- what each language needs
langs=() clients=()
available() { langs+=("$1"); clients+=("$2"); }

nervure="$NERVURE_BUILD_DIR/bin/nervure"
if [ -x "$nervure" ]; then
  available cpp "$("$nervure" version) (C++ core)"
else
  log "C++: $nervure missing (make build): skipped"
fi

py="$NERVURE_BUILD_DIR/python-venv/bin/python"
if [ -x "$py" ] && "$py" -c "import nervure; nervure.ActorRuntime" 2>/dev/null; then
  available python "$("$py" -c 'import nervure, platform; print(f"nervure {nervure.__version__} (CPython {platform.python_version()})")')"
else
  log "Python: the package is not installed in $NERVURE_BUILD_DIR/python-venv (scripts/bench.sh installs it): skipped"
fi

addon="$NERVURE_BUILD_DIR/node/nervure.node"
if command -v node >/dev/null; then
  # Incremental (the core comes from the top-level build), so never a stale addon.
  { [ -f "$NERVURE_BUILD_DIR/node/CMakeCache.txt" ] ||
      cmake -S node -B "$NERVURE_BUILD_DIR/node" -G Ninja -DCMAKE_BUILD_TYPE=Release; } >/dev/null &&
    cmake --build "$NERVURE_BUILD_DIR/node" -j2 --target nervure_node >/dev/null || log "Node: building the addon failed"
  if [ ! -d node/node_modules/@msgpack/msgpack ]; then
    log "Node: installing the package's dependencies (npm)"
    (cd node && npm install -q --no-audit --no-fund --omit=dev --ignore-scripts) >&2 || true
  fi
  if [ -f "$addon" ] && [ -d node/node_modules/@msgpack/msgpack ]; then
    mkdir -p "$work/node-path" && ln -sfn "$PWD/node" "$work/node-path/nervure"
    available node "nervure $(node -p 'require("./node/package.json").version') (node $(node --version))"
  else
    log "Node: the addon or its dependencies could not be built: skipped"
  fi
fi

jar="$HOME/.m2/repository/io/nervure/nervure/0.1.0/nervure-0.1.0.jar"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
if command -v javac >/dev/null; then
  if [ ! -f "$jar" ]; then  # tests/bench/java/run.sh, run before this, installs it as well
    log "Java: installing the package into the local Maven repository"
    (cd java && mvn -q -B install -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR") >&2 || true
  fi
  if [ -f "$jar" ] && javac -d "$work/java" -cp "$jar" "$here/java/ActorBench.java"; then
    available java "nervure 0.1.0 (Java $(java -version 2>&1 | sed -n '1s/.*"\(.*\)".*/\1/p'))"
  else
    log "Java: the package or the benchmark could not be built: skipped"
  fi
fi

if command -v go >/dev/null; then
  if go/build-native.sh >&2 &&
    (source "$NERVURE_BUILD_DIR/lib/go-env.sh" && cd "$here/go" && go build -o "$work/go-actor-bench" .); then
    available go "nervure 0.1.0 ($(go version | cut -d' ' -f3))"
  else
    log "Go: the benchmark could not be built: skipped"
  fi
fi

# ------------------------------------------------------------ the runs
# One process per language and run does both workloads (C++: one per workload).
run_lang() {
  case "$1" in
    cpp)
      for mode in ${modes//,/ }; do
        timeout 60 "$nervure" bench "$mode" --server "$url" --msgs "$msgs" --duration "${seconds}s" --json |
          python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); d["client"]="nervure-cpp"; print(json.dumps(d))'
      done ;;
    python) timeout 120 "$py" "$here/actor_bench.py" "$url" "$msgs" "$seconds" "$modes" ;;
    node) NODE_PATH="$work/node-path" NERVURE_NODE_ADDON="$addon" \
            timeout 120 node "$here/actor_bench.js" "$url" "$msgs" "$seconds" "$modes" ;;
    java) timeout 120 java -cp "$work/java:$jar" ActorBench "$url" "$msgs" "$seconds" "$modes" ;;
    go) timeout 120 "$work/go-actor-bench" "$url" "$msgs" "$seconds" "$modes" ;;
  esac
}

total=$((runs * ${#langs[@]})) step=0
for run in $(seq 1 "$runs"); do
  for lang in "${langs[@]}"; do
    step=$((step + 1))
    if lines=$(run_lang "$lang"); then
      log "[$step/$total] $lang run $run/$runs: $(python3 "$here/summarize.py" add "$raw" "$run" <<<"$lines")"
    else
      log "[$step/$total] $lang run $run/$runs FAILED"
    fi
  done
done

clients_json=$(for i in "${!langs[@]}"; do printf '%s\t%s\n' "${langs[$i]}" "${clients[$i]}"; done)
python3 "$here/summarize.py" table "$raw" "$runs" "$out" <<<"$clients_json"
