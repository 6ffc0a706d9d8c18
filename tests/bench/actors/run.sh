#!/usr/bin/env bash
# Actor call latency in every language that hosts actors (C++, Python, Node):
# an already active actor whose turn reads its state, one whose turn saves it,
# and a new actor per call (activation included). Host and caller share a
# process and use two connections. Dapr's published figures for comparison.
# Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
out="${3:-}"
msgs=3000 seconds=5
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT
log() { echo "actors: $*" >&2; }
for run in $(seq 1 "$runs"); do
  for mode in actor-call actor-update actor-activate; do
    log "C++ $mode run $run/$runs"
    timeout 60 "$NERVURE_BUILD_DIR/bin/nervure" bench "$mode" --server "$url" --msgs "$msgs" --duration "${seconds}s" --json |
      python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); d["client"]="nervure-cpp"; print(json.dumps(d))' >>"$raw"
  done
  py="$NERVURE_BUILD_DIR/python-venv/bin/python"
  if [ -x "$py" ] && "$py" -c "import nervure; nervure.ActorRuntime" 2>/dev/null; then
    log "Python run $run/$runs"
    timeout 120 "$py" tests/bench/actors/actor_bench.py "$url" "$msgs" "$seconds" >>"$raw"
  else
    log "Python package not installed in $NERVURE_BUILD_DIR/python-venv (make test installs it): skipped"
  fi
  if [ -f "$NERVURE_BUILD_DIR/node/nervure.node" ] && [ -d node/node_modules/@msgpack/msgpack ]; then
    log "Node run $run/$runs"
    mkdir -p "$NERVURE_BUILD_DIR/node-path" && ln -sfn "$PWD/node" "$NERVURE_BUILD_DIR/node-path/nervure"
    NODE_PATH="$NERVURE_BUILD_DIR/node-path" NERVURE_NODE_ADDON="$NERVURE_BUILD_DIR/node/nervure.node" \
      timeout 120 node tests/bench/actors/actor_bench.js "$url" "$msgs" "$seconds" >>"$raw"
  else
    log "Node addon or its dependencies missing (make test builds them): skipped"
  fi
done
python3 - "$raw" "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
groups = {}
for r in rows:
    groups.setdefault((r["client"], r["mode"]), []).append(r)
result = []
print("| language | workload | calls/s | p50 µs | p99 µs |")
print("|---|---|---|---|---|")
for (client, mode), rs in sorted(groups.items()):
    med = lambda k: statistics.median(r[k] for r in rs)
    entry = {"client": client, "mode": mode, "runs": len(rs), "calls_per_sec": med("msgs_per_sec"),
             "p50_us": med("p50_us"), "p99_us": med("p99_us")}
    result.append(entry)
    print(f"| {client.removeprefix('nervure-')} | {mode} | {entry['calls_per_sec']:,.0f} | {entry['p50_us']:.0f} | {entry['p99_us']:.0f} |")
print()
print("Dapr's published figures (their hardware): actor activation p50 2.30 ms, p99 6.89 ms at 500 requests/s;")
print("service invocation p50 1.59 ms. Targets here: active-actor call p50 < 200 µs, activation p50 < 1 ms.")
if sys.argv[2]:
    json.dump({"workloads": result, "dapr_reference": {"activation_p50_ms": 2.30, "activation_p99_ms": 6.89,
               "invocation_p50_ms": 1.59}}, open(sys.argv[2], "w"), indent=1)
PY
