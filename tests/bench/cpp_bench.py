#!/usr/bin/env python3
"""The C++ core (`nervure bench MODE`) beside the official C client (cnats_bench,
over Debian's libnats): the same workloads, flags and JSON line from both, RUNS
alternating runs each, medians, written in the per-language schema of
tests/bench/README.md.

Usage: cpp_bench.py URL RUNS OUT_JSON NERVURE_BIN CNATS_BIN
CPP_BENCH_WORKLOADS="pub-16B pub-128B" runs only the workloads named."""
import json
import os
import statistics
import subprocess
import sys

# name, mode, message bound, payload bytes, time bound. The bounds keep the
# whole runner within about two minutes on two cores (see tests/bench/README.md).
# Publishing runs for about a second: at 6M msgs/s a bound of 2M measured a
# third of one, which one scheduling hiccup could swing by a few percent.
WORKLOADS = [
    ("pub-16B", "pub", 6_000_000, 16, "1s"),
    ("pub-128B", "pub", 6_000_000, 128, "1s"),
    ("pub-1KB", "pub", 2_000_000, 1024, "1s"),
    ("pubsub-16B", "pubsub", 1_000_000, 16, "1s"),
    ("reqrep-16B", "reqrep", 20_000, 16, "1s"),
    ("js-pub-16B", "js-pub", 10_000, 16, "1s"),
    ("js-async-16B", "js-async", 200_000, 16, "1s"),
    ("js-fetch-16B", "js-fetch", 200_000, 16, "1s"),
    ("js-ordered-16B", "js-ordered", 200_000, 16, "1s"),
    ("kv-put-16B", "kv-put", 10_000, 16, "1s"),
    ("kv-get-16B", "kv-get", 10_000, 16, "1s"),
]
UNITS = {"reqrep": "round trips/s", "kv-put": "ops/s", "kv-get": "ops/s"}
RUN_TIMEOUT_S = 60  # a backstop: every run is bounded by its own --duration
# Publishing from one connection is bound by the server's parser, so the two
# clients sit level and a run's figure swings by several percent with the
# machine's noise (tests/bench/README.md). Those runs take about a second, so
# they get three times as many, which narrows the median at little cost.
PUB_ONLY_RUN_FACTOR = 3


def log(text):
    print(f"cpp: {text}", file=sys.stderr, flush=True)


def run_one(program, mode, url, msgs, size, limit, extra=()):
    """program: the command before the mode (`nervure bench` or `cnats_bench`)."""
    cmd = [*program, mode, "--server", url, "--msgs", str(msgs), "--size", str(size), "--duration", limit, "--json",
           *extra]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as e:
        detail = getattr(e, "stderr", "") or ""
        log(f"{' '.join(cmd[:3])} failed: {type(e).__name__} {detail.strip()[:200]}")
        return None


def side(samples):
    """The schema's figures of one client: medians over the runs that worked."""
    ok = [s for s in samples if s]
    rates = [s["msgs_per_sec"] for s in ok]

    def med(key):
        v = [s[key] for s in ok if key in s]
        return round(statistics.median(v), 1) if v else None

    return {"median": statistics.median(rates) if rates else None, "runs": rates,
            "p50_us": med("p50_us"), "p99_us": med("p99_us"), "p999_us": med("p999_us")}


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def main():
    url, runs, out_json, nervure, cnats = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    only = os.environ.get("CPP_BENCH_WORKLOADS", "").split()
    if only:
        WORKLOADS[:] = [w for w in WORKLOADS if w[0] in only]
    samples = {(name, c): [] for name, *_ in WORKLOADS for c in ("nervure", "peer")}
    def runs_of(mode):
        return runs * (PUB_ONLY_RUN_FACTOR if mode == "pub" else 1)

    total, step = sum(runs_of(mode) for _, mode, *_ in WORKLOADS) * 2, 0
    # Rounds interleave the workloads, so a slow spell of the machine falls on
    # several of them rather than on all the runs of one.
    for rnd in range(runs):
        for name, mode, msgs, size, limit in WORKLOADS:
            per_round = runs_of(mode) // runs
            for sub in range(per_round):
                run = rnd * per_round + sub + 1
                # Alternate which client goes first, so neither always meets a warmer server.
                order = ("nervure", "peer") if run % 2 else ("peer", "nervure")
                for client in order:
                    step += 1
                    s = run_one([nervure, "bench"] if client == "nervure" else [cnats], mode, url, msgs, size, limit)
                    samples[(name, client)].append(s)
                    figure = "FAILED" if not s else f"{s['msgs_per_sec']:,.0f} {UNITS.get(mode, 'msgs/s')}" + (
                        f", p50 {s['p50_us']:.0f} us" if "p50_us" in s else "")
                    log(f"[{step}/{total}] {name} {client} run {run}/{runs_of(mode)}: {figure}")

    results = [{"workload": name, "unit": UNITS.get(mode, "msgs/s"),
                "nervure": side(samples[(name, "nervure")]), "peer": side(samples[(name, "peer")])}
               for name, mode, *_ in WORKLOADS]

    # libnats buffers a responder's replies for its flusher thread by default
    # (about 1 ms each); the figure above uses natsOptions_SetSendAsap, as
    # libnats documents for replies. One bounded run shows the default too.
    d = None
    if any(r["workload"] == "reqrep-16B" for r in results):
        log("reqrep-16B with libnats' default reply buffering (one reference run)")
        d = run_one([cnats], "reqrep", url, 5000, 16, "1s", ("--no-send-asap",))
    if d:
        next(r for r in results if r["workload"] == "reqrep-16B")["note"] = (
            f"C reqrep: the responder uses natsOptions_SetSendAsap, as libnats documents for replies; with "
            f"libnats' default buffering it made {d['msgs_per_sec']:,.0f} round trips/s, p50 {d['p50_us']:.0f} us "
            f"(one run).")

    nervure_version = version([nervure, "version"]) or "nervure"
    libnats = version(["dpkg-query", "-W", "-f=${Version}", "libnats-dev"])
    doc = {"language": "cpp", "client": f"{nervure_version} (C++ core, core/cli `nervure bench`)",
           "peer": f"C client libnats {libnats or '?'} (Debian libnats-dev)", "runs": runs, "results": results}
    with open(out_json, "w") as f:
        json.dump(doc, f, indent=1)
    print("| workload | unit | nervure (C++) | libnats | ratio |\n|---|---|---:|---:|---:|")
    for r in results:
        n, p = r["nervure"]["median"], r["peer"]["median"]
        ratio = f"{n / p:.2f}" if n and p else "n/a"
        print(f"| {r['workload']} | {r['unit']} | {n or 0:,.0f} | {p or 0:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
