#!/usr/bin/env bash
# nervure beside each language's official NATS client, on one local server, in
# one run: C++ beside the C client (Debian libnats), Python beside nats-py,
# Node beside @nats-io/transport-node, Java beside jnats, Go beside nats.go,
# then the actors of all five. tests/bench/README.md describes the workloads,
# their bounds and the JSON every runner writes; tests/bench/combine.py sets
# them side by side.
#
#   RUNS=3            runs per client and workload (each figure is their median)
#   BENCH_ONLY="cpp python"   only these phases (cpp python node java go actors)
#   BENCH_PUBLISH=1   copy the table, JSON and charts into docs/benchmarks/
#
# Progress goes to stderr; the combined markdown table to stdout; everything
# (each language's JSON and table, results.md, results.json, charts/, the log
# of each phase) to $BUILD_DIR/bench/. Every run is bounded in count and time
# and every phase by `timeout`, so the whole script stays within its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
RUNS=${RUNS:-3}
BENCH_ONLY=${BENCH_ONLY:-cpp python node java go actors}
BENCH_PUBLISH=${BENCH_PUBLISH:-0}
# The command as typed, for the published page (make sets MAKELEVEL for its children).
settings=""
for v in RUNS BENCH_ONLY BENCH_PUBLISH; do
  value=$(printenv "$v" || true)
  [[ "$value" == *" "* ]] && value="\"$value\""
  [ -z "$value" ] || settings+="$v=$value "
done
command_line="$settings$([ -n "${MAKELEVEL:-}" ] && echo "make bench" || echo "scripts/bench.sh")"
out="$NERVURE_BUILD_DIR/bench"
rm -rf "$out"
mkdir -p "$out"
nervure="$NERVURE_BUILD_DIR/bin/nervure"
[ -x "$nervure" ] || { echo "bench: $nervure is missing; build first (make bench does)" >&2; exit 1; }

started=$(date +%s)
log() { echo "bench +$(($(date +%s) - started))s: $*" >&2; }
phases_json="{}"
phase_started=0
phase_name=""
phase() {  # closes the running phase (its duration goes into meta.json) and opens the next
  local now
  now=$(date +%s)
  if [ -n "$phase_name" ]; then
    phases_json=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d[sys.argv[2]]=int(sys.argv[3]); print(json.dumps(d))' \
      "$phases_json" "$phase_name" "$((now - phase_started))")
    log "$phase_name took $((now - phase_started)) s"
  fi
  phase_name=$1 phase_started=$now
}
wanted() { [[ " $BENCH_ONLY " == *" $1 "* ]]; }
steps=(prepare)
for p in cpp python node java go actors; do wanted "$p" && steps+=("$p"); done
steps+=(combine)
step_no() { local i; for i in "${!steps[@]}"; do [ "${steps[$i]}" = "$1" ] && echo "$((i + 1))/${#steps[@]}"; done; }
banner() { log "[$(step_no "$1")] $1: $2"; }
failed=0

# ---------------------------------------------------------------- the server
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

server_bin="$NERVURE_NATS_SERVER"
[ -x "$server_bin" ] || server_bin=$(command -v nats-server || true)
[ -n "$server_bin" ] && [ -x "$server_bin" ] || { echo "bench: no nats-server (make setup builds one)" >&2; exit 1; }
server_version=$("$server_bin" --version 2>/dev/null | sed -n 's/.*v\([0-9][0-9.]*\).*/\1/p')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# JetStream on: every stream and bucket of the workloads is memory-stored.
"$server_bin" -a 127.0.0.1 -p "$port" -js -sd "$out/jetstream" >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { log "nats-server did not listen on $port"; exit 1; }
url="nats://127.0.0.1:$port"
log "nats-server $server_version at $url; $RUNS runs per client and workload; phases: ${steps[*]}"

# ------------------------------------------------- prepare what this script owns
# Installs and builds come before any measuring, so the machine is quiet then.
phase prepare
banner prepare "the C client benchmark, the Python package with nats-py, matplotlib for the charts"
# matplotlib (only the combiner needs it) downloads while the Python package compiles.
charts_venv="$NERVURE_BUILD_DIR/bench-venv"
{ [ -x "$charts_venv/bin/python" ] || python3 -m venv "$charts_venv"; } >"$out/matplotlib.log" 2>&1 &&
  { "$charts_venv/bin/python" -c "import matplotlib" 2>/dev/null ||
    "$charts_venv/bin/pip" install -q --disable-pip-version-check matplotlib; } >>"$out/matplotlib.log" 2>&1 &
charts_pid=$!
if wanted cpp; then
  cc -O2 -Wall -o "$out/cnats_bench" tests/bench/cnats_bench.c tests/bench/cnats_bench_jetstream.c -lnats -lm -lpthread ||
    { log "the C client benchmark did not build (Debian libnats-dev missing?)"; failed=1; }
fi
venv="$NERVURE_BUILD_DIR/python-venv"
if wanted python || wanted actors; then
  # Always reinstalled: the build directory under the build tree keeps it incremental,
  # and the build tools already in the venv spare pip an isolated environment.
  log "installing the Python package and nats-py into $venv"
  { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } &&
    "$venv/bin/pip" install -q --disable-pip-version-check scikit-build-core pybind11 nats-py >&2 &&
    "$venv/bin/pip" install -q --disable-pip-version-check --no-build-isolation \
      --config-settings="build-dir=$NERVURE_BUILD_DIR/python/{wheel_tag}" ./python >&2 ||
    log "the Python package or nats-py could not be installed"
fi
charts_python=python3
if wait "$charts_pid"; then
  charts_python="$charts_venv/bin/python"
else
  log "matplotlib could not be installed from PyPI (see $out/matplotlib.log): the table and JSON are written, the charts skipped"
fi

# ------------------------------------------------------------ the languages
# Each runner: RUNNER URL RUNS OUT_JSON, progress on stderr, a table on stdout.
run_phase() {  # name, time limit, command...
  local name=$1 limit=$2
  shift 2
  if timeout "$limit" "$@" >"$out/$name.md"; then
    cat "$out/$name.md"
  else
    log "the $name benchmark failed or ran out of time ($limit); see above"
    failed=1
  fi
}

if wanted cpp; then
  phase cpp
  banner cpp "nervure bench beside the C client (libnats)"
  [ -x "$out/cnats_bench" ] && run_phase cpp 600 python3 tests/bench/cpp_bench.py "$url" "$RUNS" "$out/cpp.json" \
    "$nervure" "$out/cnats_bench"
fi
if wanted python; then
  phase python
  banner python "the Python package beside nats-py"
  if "$venv/bin/python" -c "import nervure, nats" 2>/dev/null; then
    run_phase python 600 "$venv/bin/python" tests/bench/python_bench.py "$url" "$RUNS" "$out/python.json"
  else
    log "skipping Python: the package or nats-py is not installed"
    failed=1
  fi
fi
for lang in node java go; do
  wanted "$lang" || continue
  phase "$lang"
  banner "$lang" "tests/bench/$lang/run.sh (installs its peer, builds, measures)"
  run_phase "$lang" 900 "tests/bench/$lang/run.sh" "$url" "$RUNS" "$out/$lang.json"
done
if wanted actors; then
  phase actors
  banner actors "actor call and activation in every language"
  run_phase actors 900 tests/bench/actors/run.sh "$url" "$RUNS" "$out/actors.json"
fi

# ------------------------------------------------------------ side by side
phase done
banner combine "the combined table, results.json and charts"
python3 -c 'import json,sys; print(json.dumps({"command": sys.argv[1], "server_version": sys.argv[2], "runs": int(sys.argv[3]), "phases": json.loads(sys.argv[4])}))' \
  "$command_line" "$server_version" "$RUNS" "$phases_json" >"$out/meta.json"
jsons=()
for f in cpp python node java go actors; do jsons+=("$out/$f.json"); done
"$charts_python" tests/bench/combine.py "$out" "$out/meta.json" "${jsons[@]}"
log "results in $out (results.md, results.json, charts/)"

if [ "$BENCH_PUBLISH" = 1 ]; then
  docs=docs/benchmarks
  rm -rf "$docs/charts" "$docs"/*.json
  mkdir -p "$docs"
  cp "$out/results.md" "$docs/README.md"
  cp "$out/results.json" "$docs/results.json"
  for f in "${jsons[@]}"; do [ -f "$f" ] && cp "$f" "$docs/"; done
  [ -d "$out/charts" ] && cp -r "$out/charts" "$docs/"
  log "published to $docs/"
fi
exit "$failed"
