#!/usr/bin/env python3
"""Sets every language's benchmark side by side: reads the per-language JSON
files of tests/bench/README.md and writes, into OUT_DIR,

  results.md    the server and machine, then one table of every workload in
                every language (nervure, its peer, the ratio, the target and
                whether it is met), the latencies, and the actors beside Dapr's
                published figures
  results.json  the same figures, ratios and verdicts, for scripts
  charts/*.png  one chart per workload, nervure beside the peer in every
                language (skipped with a message when matplotlib is missing)

Usage: combine.py OUT_DIR META_JSON LANGUAGE_JSON...
META_JSON (written by scripts/bench.sh) holds the command, the server's
version, the runs and how long each phase took."""
import datetime
import json
import os
import platform
import subprocess
import sys

LANGUAGES = ["cpp", "python", "node", "java", "go"]
LANGUAGE_NAMES = {"cpp": "C++", "python": "Python", "node": "Node", "java": "Java", "go": "Go"}
PEER_NAMES = {"cpp": "C client (libnats)", "python": "nats-py", "node": "@nats-io/transport-node",
              "java": "jnats", "go": "nats.go"}
WORKLOADS = ["pub-16B", "pub-128B", "pub-1KB", "pubsub-16B", "reqrep-16B", "js-pub-16B", "js-async-16B",
             "js-fetch-16B", "kv-put-16B", "kv-get-16B", "actor-call", "actor-activate"]
ACTOR_WORKLOADS = {"actor-call", "actor-activate"}
# nervure's throughput over its peer's: at least the peer's in every language
# (Go: 0.8x, cgo's allowance), and the issues' own targets where they set one.
TARGET_RATIO = {"cpp": 1.0, "python": 1.0, "node": 1.0, "java": 1.0, "go": 0.8}
TARGET_RATIO_OF_WORKLOAD = {("python", "pubsub-16B"): 5.0, ("python", "reqrep-16B"): 2.0,
                            ("node", "pubsub-16B"): 2.0, ("node", "reqrep-16B"): 2.0}
# Targets on the median latency of one-at-a-time operations: (label, test of nervure's and the peer's p50).
LATENCY_TARGETS = {("cpp", "reqrep-16B"): ("p50 < 100 us", lambda n, p: n < 100),
                   ("go", "reqrep-16B"): ("p50 <= 1.2x peer's", lambda n, p: p is not None and n <= 1.2 * p)}


def target_ratio(lang, workload):
    return TARGET_RATIO_OF_WORKLOAD.get((lang, workload), TARGET_RATIO.get(lang))
# Actor targets on the median call's latency (p50), in microseconds.
ACTOR_TARGET_P50_US = {"actor-call": 200, "actor-activate": 1000}
# Dapr has no local peer: its own published figures (Kubernetes, 3 nodes of 4
# cores, sidecar limited to 0.5 vCPU, mTLS, HTTP) stand in as the reference.
DAPR = {
    "actor-call": {"p50_us": 1590, "p99_us": None, "label": "service invocation p50 1.59 ms",
                   "source": "https://docs.dapr.io/operations/performance-and-scalability/perf-service-invocation/"},
    "actor-activate": {"p50_us": 2300, "p99_us": 6890, "label": "activation p50 2.30 ms, p99 6.89 ms at 500 requests/s",
                       "source": "https://docs.dapr.io/operations/performance-and-scalability/perf-actors-activation/"},
}


def load(paths):
    """Language documents by language; files naming the same language merge."""
    docs = {}
    for path in paths:
        try:
            with open(path) as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print(f"combine: {path}: {e}; left out", file=sys.stderr)
            continue
        for doc in data if isinstance(data, list) else [data]:
            if not isinstance(doc, dict) or "language" not in doc or not isinstance(doc.get("results"), list):
                print(f"combine: {path} is not in the schema of tests/bench/README.md (an older runner?); left out",
                      file=sys.stderr)
                continue
            lang = doc["language"]
            merged = docs.setdefault(lang, {"language": lang, "client": doc.get("client"), "peer": None,
                                            "runs": doc.get("runs"), "results": [], "notes": []})
            if doc.get("peer"):  # the language's own runner names the client best
                merged["peer"], merged["client"] = doc["peer"], doc.get("client") or merged["client"]
            merged["notes"] += doc.get("notes") or []
            merged["results"] += doc["results"]
    return docs


def fmt(v, decimals=0):
    return "n/a" if v is None else f"{v:,.{decimals}f}"


def ratio_text(ratio, target=None):
    """Two decimals, or three where two would round onto the target it misses."""
    if ratio is None:
        return "n/a"
    text = f"{ratio:.2f}"
    if target is not None and ratio < target and float(text) >= target:
        text = f"{ratio:.3f}"
    return text + "x"


def verdict(met):
    return "n/a" if met is None else "yes" if met else "**no**"


def machine():
    cpu = "?"
    try:
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    except OSError:
        pass
    mem_gb = None
    try:
        kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
        mem_gb = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gb": mem_gb, "kernel": platform.release(),
            "os": platform.platform(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def rows_of(docs):
    """One row per language and workload with the ratio and the verdict."""
    rows = []
    for lang in [l for l in LANGUAGES if l in docs] + sorted(set(docs) - set(LANGUAGES)):
        for r in docs[lang]["results"]:
            n, p = r.get("nervure") or {}, r.get("peer") or {}
            row = {"language": lang, "workload": r["workload"], "unit": r.get("unit"), "nervure": r.get("nervure"),
                   "peer": r.get("peer"), "ratio": None, "target": None, "target_met": None, "note": r.get("note")}
            if r["workload"] in ACTOR_WORKLOADS:
                limit = ACTOR_TARGET_P50_US.get(r["workload"])
                row["target"] = f"p50 < {limit:,} us" if limit else None
                if limit and n.get("p50_us") is not None:
                    row["target_met"] = n["p50_us"] < limit
                row["reference"] = DAPR.get(r["workload"])
            elif n.get("median") and p.get("median"):
                row["ratio"] = n["median"] / p["median"]
                target = target_ratio(lang, r["workload"])
                if target is not None:
                    row["target"] = f">= {target:g}x"
                    row["target_met"] = row["ratio"] >= target
            latency = LATENCY_TARGETS.get((lang, r["workload"]))
            if latency and n.get("p50_us") is not None:
                row["latency_target"] = latency[0]
                row["latency_target_met"] = latency[1](n["p50_us"], p.get("p50_us"))
            rows.append(row)
    order = {w: i for i, w in enumerate(WORKLOADS)}
    rows.sort(key=lambda r: (LANGUAGES.index(r["language"]) if r["language"] in LANGUAGES else 99,
                             order.get(r["workload"], 99)))
    return rows


def pub_only_runs(docs):
    """The C++ publish-only rows take more runs than the rest (cpp_bench.py says why)."""
    runs = {len(r["nervure"]["runs"]) for r in docs.get("cpp", {}).get("results", [])
            if r["workload"].startswith("pub-")}
    return f" (C++ publish-only rows: {max(runs)})" if runs and max(runs) != docs["cpp"].get("runs") else ""


def markdown(meta, docs, rows, missing, charts):
    m = meta["machine"]
    out = ["# nervure beside each language's official NATS client", ""]
    out += [f"- command: `{meta.get('command', '?')}`; to reproduce, the same in a clean clone at that commit "
            "(scripts/setup.sh, which `make bench` runs first, installs what it needs)",
            f"- date: {meta['date']}; commit: {meta['commit']}",
            f"- server: nats-server {meta.get('server_version') or '?'} on 127.0.0.1, one server for every client",
            f"- machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, Linux {m['kernel']}; "
            f"load average at the end {', '.join(map(str, m['load_average']))}",
            f"- each figure: the median of {meta.get('runs', '?')} runs per client{pub_only_runs(docs)}, nervure and "
            "the peer alternating; every run bounded in count and time (tests/bench/README.md)"]
    if meta.get("phases"):
        out.append("- phases (seconds): " + ", ".join(f"{k} {v}" for k, v in meta["phases"].items()))
    out += ["", "| language | client | peer |", "|---|---|---|"]
    for lang in [l for l in LANGUAGES if l in docs]:
        out.append(f"| {LANGUAGE_NAMES[lang]} | {docs[lang].get('client') or '?'} | {docs[lang].get('peer') or 'none'} |")

    out += ["", "## Throughput", "",
            "Ratio: nervure's figure over the peer's (higher is better). Targets: at least the peer's figure "
            "(Go: 0.8x nats.go); Python pub+sub 5x and request-reply 2x nats-py; Node pub+sub and "
            "request-reply 2x @nats-io/transport-node.", "",
            "| language | workload | unit | nervure | peer | ratio | target | met |",
            "|---|---|---|---:|---:|---:|---|---|"]
    notes = []
    for r in rows:
        if r["workload"] in ACTOR_WORKLOADS:
            continue
        n, p = r["nervure"] or {}, r["peer"] or {}
        out.append(f"| {LANGUAGE_NAMES.get(r['language'], r['language'])} | {r['workload']} | {r['unit']} | "
                   f"{fmt(n.get('median'))} | {fmt(p.get('median'))} | "
                   f"{ratio_text(r['ratio'], target_ratio(r['language'], r['workload']))} | {r['target'] or ''} | "
                   f"{verdict(r['target_met'])} |")
        if r.get("note"):
            notes.append(f"- {LANGUAGE_NAMES.get(r['language'])} {r['workload']}: {r['note']}")

    out += ["", "## Latency of one-at-a-time operations (microseconds, lower is better)", "",
            "Targets: C++ request-reply p50 under 100 us; Go request-reply p50 within 1.2x nats.go's.", "",
            "| language | workload | nervure p50 | p99 | p99.9 | peer p50 | p99 | p99.9 | target | met |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        n, p = r["nervure"] or {}, r["peer"] or {}
        if r["workload"] in ACTOR_WORKLOADS or (n.get("p50_us") is None and p.get("p50_us") is None):
            continue
        out.append(f"| {LANGUAGE_NAMES.get(r['language'])} | {r['workload']} | " +
                   " | ".join(fmt(s.get(k), 1) for s in (n, p) for k in ("p50_us", "p99_us", "p999_us")) +
                   f" | {r.get('latency_target') or ''} | "
                   f"{verdict(r['latency_target_met']) if r.get('latency_target') else ''} |")

    out += ["", "## Actors", "",
            "Host and caller in one process, two connections, calls one at a time. Targets: active-actor call "
            "p50 < 200 us, activation p50 < 1 ms. Dapr has no local peer; its published figures (Kubernetes, "
            "sidecar limited to 0.5 vCPU, mTLS, over HTTP, their hardware) are the reference column: "
            f"[activation]({DAPR['actor-activate']['source']}), [service invocation]({DAPR['actor-call']['source']}).",
            "", "| language | workload | calls/s | p50 us | p99 us | p99.9 us | Dapr (published) | target | met |",
            "|---|---|---:|---:|---:|---:|---|---|---|"]
    for r in rows:
        if r["workload"] not in ACTOR_WORKLOADS:
            continue
        n = r["nervure"] or {}
        out.append(f"| {LANGUAGE_NAMES.get(r['language'])} | {r['workload']} | {fmt(n.get('median'))} | "
                   f"{fmt(n.get('p50_us'))} | {fmt(n.get('p99_us'))} | {fmt(n.get('p999_us'))} | "
                   f"{DAPR[r['workload']]['label']} | {r['target']} | {verdict(r['target_met'])} |")

    met = [r for r in rows if r["target_met"] is not None]
    latency_met = [r for r in rows if r.get("latency_target_met") is not None]
    reached = sum(r["target_met"] for r in met) + sum(r["latency_target_met"] for r in latency_met)
    out += ["", "## Targets", "", f"{reached} of {len(met) + len(latency_met)} targets met."]
    short = [f"{LANGUAGE_NAMES.get(r['language'])} {r['workload']}"
             + (f" ({ratio_text(r['ratio'], target_ratio(r['language'], r['workload']))})" if r["ratio"] is not None
                else f" (p50 {fmt((r['nervure'] or {}).get('p50_us'))} us)") for r in met if not r["target_met"]]
    short += [f"{LANGUAGE_NAMES.get(r['language'])} {r['workload']} latency "
              f"(p50 {fmt((r['nervure'] or {}).get('p50_us'), 1)} us, peer {fmt((r['peer'] or {}).get('p50_us'), 1)} us)"
              for r in latency_met if not r["latency_target_met"]]
    if short:
        out.append("Short of target: " + ", ".join(short) + ".")
    if missing:
        out += ["", "## Missing", ""] + [f"- {m}" for m in missing]
    extra = [f"- {LANGUAGE_NAMES.get(l, l)}: {n}" for l in docs for n in docs[l].get("notes") or []]
    if notes or extra:
        out += ["", "## Notes", ""] + notes + extra
    if charts:
        out += ["", "## Charts", "", "One per workload: nervure beside the peer in every language "
                "(actors: p50 latency beside Dapr's published figure).", ""]
        out += [f"![{w}](charts/{w}.png)" for w in charts]
    return "\n".join(out) + "\n"


def draw_charts(rows, out_dir):
    """One PNG per workload; returns the workloads drawn (none without matplotlib)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        print("combine: matplotlib is not installed; charts skipped (scripts/bench.sh installs it into a venv)",
              file=sys.stderr)
        return []
    os.makedirs(os.path.join(out_dir, "charts"), exist_ok=True)
    drawn = []
    for w in [w for w in WORKLOADS if any(r["workload"] == w for r in rows)] + sorted(
            {r["workload"] for r in rows} - set(WORKLOADS)):
        mine = [r for r in rows if r["workload"] == w]
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
        labels = [LANGUAGE_NAMES.get(r["language"], r["language"]) for r in mine]
        x = list(range(len(mine)))
        if w in ACTOR_WORKLOADS:
            values = [((r["nervure"] or {}).get("p50_us") or 0) / 1000 for r in mine]
            bars = ax.bar(x, values, 0.6, label="nervure p50", color="#2b6cb0")
            dapr = DAPR[w]["p50_us"] / 1000
            ax.bar([len(mine)], [dapr], 0.6, label="Dapr p50 (published, their hardware)", color="#a0aec0")
            labels.append("Dapr")
            x.append(len(mine))
            ax.axhline(ACTOR_TARGET_P50_US[w] / 1000, color="#c53030", linestyle="--", linewidth=1,
                       label=f"target p50 < {ACTOR_TARGET_P50_US[w] / 1000:g} ms")
            ax.set_ylabel("p50 latency, ms (lower is better)")
            for b, v in zip(bars, values):
                ax.annotate(f"{v * 1000:,.0f} us", (b.get_x() + b.get_width() / 2, v), ha="center", va="bottom",
                            fontsize=8)
        else:
            n = [(r["nervure"] or {}).get("median") or 0 for r in mine]
            p = [(r["peer"] or {}).get("median") or 0 for r in mine]
            ax.bar([i - 0.2 for i in x], n, 0.4, label="nervure", color="#2b6cb0")
            ax.bar([i + 0.2 for i in x], p, 0.4, label="official client of the language", color="#a0aec0")
            ax.set_ylabel(mine[0]["unit"] or "")
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            for i, r in enumerate(mine):
                if r["ratio"] is not None:
                    ax.annotate(f"{r['ratio']:.2f}x", (i, max(n[i], p[i])), ha="center", va="bottom", fontsize=9)
            labels = [f"{l}\nvs {PEER_NAMES.get(r['language'], 'peer')}" for l, r in zip(labels, mine)]
        ax.set_xticks(x)
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_title(w)
        ax.margins(y=0.15)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(out_dir, "charts", f"{w}.png"))
        plt.close(fig)
        drawn.append(w)
    return drawn


def main():
    out_dir, meta_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    meta = {}
    if os.path.exists(meta_path):
        with open(meta_path) as f:
            meta = json.load(f)
    commit = git("rev-parse", "--short", "HEAD") or "?"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    meta.update(date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                commit=commit, machine=machine())
    docs = load([p for p in paths if os.path.exists(p)])
    missing = [f"{LANGUAGE_NAMES[l]}: no results (its runner failed or was skipped; see the log)"
               for l in LANGUAGES if l not in docs]
    for lang, doc in docs.items():
        have = {r["workload"] for r in doc["results"]}
        absent = [w for w in WORKLOADS if w not in have]
        if absent:
            missing.append(f"{LANGUAGE_NAMES.get(lang, lang)}: no {', '.join(absent)}")
    rows = rows_of(docs)
    os.makedirs(out_dir, exist_ok=True)
    charts = draw_charts(rows, out_dir)
    md = markdown(meta, docs, rows, missing, charts)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(md)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({"meta": meta, "languages": {l: {k: d.get(k) for k in ("client", "peer", "runs")}
                                               for l, d in docs.items()},
                   "targets": {"ratio": TARGET_RATIO,
                           "ratio_of_workload": {f"{l}/{w}": t for (l, w), t in TARGET_RATIO_OF_WORKLOAD.items()},
                           "latency": {f"{l}/{w}": label for (l, w), (label, _) in LATENCY_TARGETS.items()},
                           "actor_p50_us": ACTOR_TARGET_P50_US},
                   "dapr_reference": DAPR, "results": rows, "missing": missing}, f, indent=1)
    print(md)
    for m in missing:
        print(f"combine: missing {m}", file=sys.stderr)


if __name__ == "__main__":
    main()
