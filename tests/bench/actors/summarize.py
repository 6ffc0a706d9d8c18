#!/usr/bin/env python3
"""The actor runs' bookkeeping for run.sh.
  summarize.py add RAW_JSONL RUN < one run's JSON lines: appends them, tagged
      with the run, and prints a one-line summary for the progress log;
  summarize.py table RAW_JSONL RUNS OUT_JSON < "language<TAB>client" lines:
      writes the per-language JSON of tests/bench/README.md (a list, one object
      per language, no peer) and prints a markdown table."""
import json
import statistics
import sys

WORKLOADS = ("actor-call", "actor-activate")


def add(raw, run):
    lines = [json.loads(l) for l in sys.stdin if l.strip()]
    with open(raw, "a") as f:
        for d in lines:
            f.write(json.dumps({**d, "run": run}) + "\n")
    print("; ".join(f"{d['mode']} {d['msgs_per_sec']:,.0f} calls/s, p50 {d['p50_us']:.0f} us" for d in lines))


def table(raw, runs, out):
    clients = dict(l.rstrip("\n").split("\t", 1) for l in sys.stdin if "\t" in l)
    rows = [json.loads(l) for l in open(raw) if l.strip()]
    docs = []
    print("| language | workload | calls/s | p50 us | p99 us | p99.9 us |\n|---|---|---:|---:|---:|---:|")
    for lang, client in clients.items():
        results = []
        for mode in WORKLOADS:
            mine = [r for r in rows if r["client"] == f"nervure-{lang}" and r["mode"] == mode and r["msgs"] > 0]
            rates = [r["msgs_per_sec"] for r in mine]

            def med(key):
                v = [r[key] for r in mine if r.get(key) is not None]
                return round(statistics.median(v), 1) if v else None

            figures = {"median": statistics.median(rates) if rates else None, "runs": rates,
                       "p50_us": med("p50_us"), "p99_us": med("p99_us"), "p999_us": med("p999_us")}
            results.append({"workload": mode, "unit": "calls/s", "nervure": figures, "peer": None})
            if rates:
                print(f"| {lang} | {mode} | {figures['median']:,.0f} | {figures['p50_us']:.0f} | "
                      f"{figures['p99_us']:.0f} | {figures['p999_us']:.0f} |")
        docs.append({"language": lang, "client": client, "peer": None, "runs": runs, "results": results})
    if out:
        with open(out, "w") as f:
            json.dump(docs, f, indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "add":
        add(sys.argv[2], int(sys.argv[3]))
    else:
        table(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else "")
