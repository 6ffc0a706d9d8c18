#!/usr/bin/env bash
# nervure beside the official C client (Debian's libnats) on one local server:
# each workload runs RUNS times per client, alternating, and the median is kept.
# Results: a markdown table on stdout, JSON and markdown in $BUILD_DIR/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
RUNS=${RUNS:-3}
out="$NERVURE_BUILD_DIR/bench"
mkdir -p "$out"
nervure="$NERVURE_BUILD_DIR/bin/nervure"
[ -x "$nervure" ] || { echo "bench: build first (make bench does)" >&2; exit 1; }
cc -O2 -Wall -o "$out/cnats_bench" tests/bench/cnats_bench.c -lnats

coproc HARNESS { exec python3 tests/harness/nervure_harness.py serve --kind single --no-jetstream; }
read -r -t 60 line <&"${HARNESS[0]}" || { echo "bench: the server did not start" >&2; exit 1; }
url=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["url"])' "$line")
trap 'exec {HARNESS[1]}>&-; wait "$HARNESS_PID" 2>/dev/null || true' EXIT

# workload name, mode, messages, payload size
workloads=(
  "pub-16B pub 2000000 16"
  "pub-128B pub 2000000 128"
  "pubsub-16B pubsub 1000000 16"
  "reqrep-16B reqrep 20000 16"
)
raw="$out/raw.jsonl"
: >"$raw"
for w in "${workloads[@]}"; do
  read -r name mode msgs size <<<"$w"
  for run in $(seq 1 "$RUNS"); do
    echo "bench: $name run $run/$RUNS" >&2
    "$nervure" bench "$mode" --server "$url" --msgs "$msgs" --size "$size" --duration 10s --json |
      sed "s/^{/{\"workload\":\"$name\",/" >>"$raw"
    "$out/cnats_bench" "$url" "$mode" "$msgs" "$size" 10 | sed "s/^{/{\"workload\":\"$name\",/" >>"$raw"
  done
done

server_version=$("$NERVURE_NATS_SERVER" --version 2>/dev/null || echo "nats-server (harness default)")
python3 - "$raw" "$out" "$server_version" <<'PY'
import json, os, platform, statistics, sys
raw, out, server = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [json.loads(l) for l in open(raw)]
def med(workload, client, key):
    vals = [r[key] for r in rows if r["workload"] == workload and r["client"] == client and key in r]
    return statistics.median(vals) if vals else None
workloads = list(dict.fromkeys(r["workload"] for r in rows))
table, results = [], []
table.append("| workload | nervure | C client (libnats) | ratio |")
table.append("|---|---:|---:|---:|")
for w in workloads:
    n, c = med(w, "nervure", "msgs_per_sec"), med(w, "c", "msgs_per_sec")
    table.append(f"| {w} msgs/s | {n:,.0f} | {c:,.0f} | {n / c:.2f}x |")
    entry = {"workload": w, "nervure_msgs_per_sec": n, "c_msgs_per_sec": c, "ratio": n / c}
    for p in ("p50_us", "p99_us", "p999_us"):
        n_p, c_p = med(w, "nervure", p), med(w, "c", p)
        if n_p is not None:
            table.append(f"| {w} {p[:-3]} latency (us) | {n_p:.1f} | {c_p:.1f} | {c_p / n_p:.2f}x faster |")
            entry[f"nervure_{p}"], entry[f"c_{p}"] = n_p, c_p
    results.append(entry)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
header = (f"Server {server} on 127.0.0.1; {os.cpu_count()} cores ({cpu}); {platform.platform()}; "
          f"median of {len(rows) // (2 * len(workloads))} alternating runs per client.")
md = header + "\n\n" + "\n".join(table) + "\n"
open(os.path.join(out, "results.md"), "w").write(md)
json.dump({"machine": header, "results": results}, open(os.path.join(out, "results.json"), "w"), indent=2)
print(md)
PY

# Python: the nervure package beside nats-py, same server.
venv="$NERVURE_BUILD_DIR/python-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import nervure, nats" 2>/dev/null; then
  echo "bench: installing the Python package and nats-py into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check scikit-build-core pybind11 nats-py
  "$venv/bin/pip" install -q --disable-pip-version-check ./python
fi
echo
echo "Python package beside nats-py (median of $RUNS alternating runs):"
echo
"$venv/bin/python" tests/bench/python_bench.py "$url" "$RUNS" "$out/python.json" | tee "$out/python.md"
