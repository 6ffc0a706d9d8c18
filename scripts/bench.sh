#!/usr/bin/env bash
# nervure beside the official C client (Debian's libnats) on one local server.
# Every workload runs RUNS times per client, the two clients alternating (and
# taking turns at going first, so neither always meets a warmer server); the
# median of each is kept. Progress goes to stderr; a markdown table to stdout;
# results.json, results.md and every run's raw line to $BUILD_DIR/bench/.
#
#   RUNS=5           runs per client and workload
#   BENCH_PYTHON=0   skip the Python package beside nats-py
#
# Every run is bounded in messages and in time (--duration, and `timeout` as a
# backstop), so the whole script stays within a few minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
RUNS=${RUNS:-5}
BENCH_PYTHON=${BENCH_PYTHON:-1}
out="$NERVURE_BUILD_DIR/bench"
mkdir -p "$out"
nervure="$NERVURE_BUILD_DIR/bin/nervure"
[ -x "$nervure" ] || { echo "bench: $nervure is missing; build first (make bench does)" >&2; exit 1; }

log() { echo "bench: $*" >&2; }

log "building the C client benchmark"
cc -O2 -Wall -o "$out/cnats_bench" tests/bench/cnats_bench.c tests/bench/cnats_bench_jetstream.c -lnats -lm -lpthread
cnats="$out/cnats_bench"

# ---------------------------------------------------------------- the server
server_pid="" harness_pid="" harness_in=""
cleanup() {
  if [ -n "$harness_pid" ]; then
    [ -n "$harness_in" ] && eval "exec $harness_in>&-"  # the harness stops its server when stdin closes
    wait "$harness_pid" 2>/dev/null || true
  fi
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

url=""
if [ -f tests/harness/nervure_harness.py ] && [ -x "$NERVURE_NATS_SERVER" ]; then
  coproc HARNESS { exec python3 tests/harness/nervure_harness.py serve --kind single; }
  harness_pid=$HARNESS_PID harness_in=${HARNESS[1]}
  line=""
  read -r -t 60 line <&"${HARNESS[0]}" || true
  url=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["url"] if d.get("ok") else "")' "$line" 2>/dev/null || true)
  if [ -n "$url" ]; then
    server_version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("server_version") or "")' "$line")
  else
    # The harness is another team's moving part; a broken one must not cost the benchmark.
    log "the harness did not start a server (${line:-no answer}); starting nats-server directly"
    cleanup
    harness_pid=""
  fi
fi
if [ -z "$url" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$server_bin" -a 127.0.0.1 -p "$port" -js -sd "$out/jetstream" >"$out/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { log "nats-server did not listen on $port"; exit 1; }
  url="nats://127.0.0.1:$port"
fi
log "server $server_version at $url"

# ------------------------------------------------------------- the workloads
# name, mode, message bound, payload bytes, time bound
workloads=(
  "pub-16B pub 2000000 16 5s"
  "pub-128B pub 2000000 128 5s"
  "pubsub-16B pubsub 1000000 16 5s"
  "reqrep-16B reqrep 20000 16 5s"
  "js-pub-16B js-pub 20000 16 5s"
  "js-async-16B js-async 200000 16 5s"
  "js-fetch-16B js-fetch 200000 16 10s"
  "js-ordered-16B js-ordered 200000 16 10s"
  "kv-put-16B kv-put 20000 16 5s"
  "kv-get-16B kv-get 20000 16 5s"
)
raw="$out/raw.jsonl"
: >"$raw"
failed=0
total=$((RUNS * ${#workloads[@]} * 2))
step=0

# One run of one client: its JSON line, tagged with the workload and run, goes to raw.jsonl.
run_one() {
  local client=$1 name=$2 mode=$3 msgs=$4 size=$5 limit=$6 run=$7 line
  local -a cmd=("$nervure" bench)
  [ "$client" = c ] && cmd=("$cnats")
  step=$((step + 1))
  if line=$(timeout 90 "${cmd[@]}" "$mode" --server "$url" --msgs "$msgs" --size "$size" --duration "$limit" --json); then
    printf '{"workload":"%s","run":%s,%s\n' "$name" "$run" "${line#\{}" >>"$raw"
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("bench: [%s] %-10s %-8s run %s: %s msgs/s%s" % (sys.argv[2], sys.argv[3], d["client"], sys.argv[4], format(d["msgs_per_sec"], ",.0f"), "  p50 %.0f us" % d["p50_us"] if "p50_us" in d else ""), file=sys.stderr)' \
      "$line" "$step/$total" "$name" "$run/$RUNS"
  else
    log "[$step/$total] $name $client run $run/$RUNS FAILED"
    failed=1
  fi
}

for run in $(seq 1 "$RUNS"); do
  for w in "${workloads[@]}"; do
    read -r name mode msgs size limit <<<"$w"
    if [ $((run % 2)) -eq 1 ]; then order="nervure c"; else order="c nervure"; fi
    for client in $order; do run_one "$client" "$name" "$mode" "$msgs" "$size" "$limit" "$run"; done
  done
done

# libnats out of the box buffers a responder's replies for its flusher thread
# (about 1 ms each); the table's C figure uses natsOptions_SetSendAsap on the
# responder, as libnats documents for it. One bounded run shows the default too.
log "reqrep-16B with libnats' default buffering (reference, one run)"
if line=$(timeout 60 "$cnats" reqrep --server "$url" --msgs 20000 --size 16 --duration 2s --no-send-asap); then
  printf '{"workload":"reqrep-16B-c-default","run":1,%s\n' "${line#\{}" >>"$raw"
fi

python3 - "$raw" "$out" "$server_version" "$RUNS" <<'PY'
import json, os, platform, statistics, sys

raw, out, server, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [json.loads(l) for l in open(raw) if l.strip()]

def values(workload, client, key):
    return [r[key] for r in rows if r["workload"] == workload and r["client"] == client and key in r]

def med(workload, client, key):
    v = values(workload, client, key)
    return statistics.median(v) if v else None

def num(v, decimals=0):
    return "n/a" if v is None else f"{v:,.{decimals}f}"

def ratio(n, c):
    return "n/a" if not n or not c else f"{n / c:.2f}"

workloads = [w for w in dict.fromkeys(r["workload"] for r in rows) if not w.endswith("-c-default")]
table = ["| workload | nervure | C client (libnats) | nervure/C |", "|---|---:|---:|---:|"]
results = []
for w in workloads:
    mode = next(r["mode"] for r in rows if r["workload"] == w)
    unit = "round trips/s" if mode == "reqrep" else "ops/s" if mode.startswith("kv-") else "msgs/s"
    n, c = med(w, "nervure", "msgs_per_sec"), med(w, "c", "msgs_per_sec")
    table.append(f"| {w} {unit} | {num(n)} | {num(c)} | {ratio(n, c)} |")
    entry = {"workload": w, "mode": mode, "size": next(r["size"] for r in rows if r["workload"] == w),
             "nervure_msgs_per_sec": n, "c_msgs_per_sec": c, "ratio": n / c if n and c else None,
             "nervure_runs": values(w, "nervure", "msgs_per_sec"), "c_runs": values(w, "c", "msgs_per_sec")}
    if mode == "pubsub":
        entry["nervure_dropped"], entry["c_dropped"] = med(w, "nervure", "dropped"), med(w, "c", "dropped")
    for p, label in (("p50_us", "p50"), ("p90_us", "p90"), ("p99_us", "p99"), ("p999_us", "p99.9")):
        n_p, c_p = med(w, "nervure", p), med(w, "c", p)
        if n_p is None and c_p is None:
            continue
        if p in ("p50_us", "p99_us"):
            table.append(f"| {w} {label} latency, us (lower is better) | {num(n_p, 1)} | {num(c_p, 1)} | {ratio(n_p, c_p)} |")
        entry[f"nervure_{p}"], entry[f"c_{p}"] = n_p, c_p
    results.append(entry)

default = [r for r in rows if r["workload"] == "reqrep-16B-c-default"]
note = ""
if default:
    d = default[0]
    note = (f"\nC reqrep uses natsOptions_SetSendAsap on the responder, as libnats documents for replies. "
            f"With libnats' default buffering it makes {d['msgs_per_sec']:,.0f} round trips/s, "
            f"p50 {d['p50_us']:.0f} us (one run).\n")
    results.append({"workload": "reqrep-16B-c-default", "c_msgs_per_sec": d["msgs_per_sec"],
                    "c_p50_us": d.get("p50_us"), "c_p99_us": d.get("p99_us")})

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
header = (f"nats-server {server or '?'} on 127.0.0.1; {os.cpu_count()} cores ({cpu}); {platform.platform()}; "
          f"median of {runs} alternating runs per client.")
md = header + "\n\n" + "\n".join(table) + "\n" + note
open(os.path.join(out, "results.md"), "w").write(md)
with open(os.path.join(out, "results.json"), "w") as f:
    json.dump({"machine": header, "server": server, "runs": runs, "results": results}, f, indent=2)
print(md)
PY
log "results in $out/results.json and $out/results.md"

# ------------------------------------------------- Python beside nats-py
if [ "$BENCH_PYTHON" != 0 ]; then
  venv="$NERVURE_BUILD_DIR/python-venv"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import nervure, nats" 2>/dev/null; then
    log "installing the Python package and nats-py into $venv"
    { python3 -m venv "$venv" &&
      "$venv/bin/pip" install -q --disable-pip-version-check scikit-build-core pybind11 nats-py &&
      "$venv/bin/pip" install -q --disable-pip-version-check ./python; } >&2 || true
  fi
  if "$venv/bin/python" -c "import nervure, nats" 2>/dev/null; then
    echo
    echo "Python package beside nats-py (median of 3 alternating runs):"
    echo
    timeout 300 "$venv/bin/python" tests/bench/python_bench.py "$url" 3 "$out/python.json" | tee "$out/python.md" ||
      { log "the Python benchmark failed"; failed=1; }
  else
    log "skipping the Python comparison: the package or nats-py could not be installed"
  fi
fi

# ------------------------------------------- each other language beside its peer
# tests/bench/<lang>/run.sh URL RUNS OUT_JSON installs its peer, builds what it
# needs, and prints a markdown table (nervure beside the official client).
for runner in tests/bench/*/run.sh; do
  [ -x "$runner" ] || continue
  lang=$(basename "$(dirname "$runner")")
  echo
  log "benchmarking $lang"
  timeout 600 "$runner" "$url" 3 "$out/$lang.json" | tee "$out/$lang.md" ||
    { log "the $lang benchmark failed"; failed=1; }
done
exit "$failed"
