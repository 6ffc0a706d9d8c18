"""Cross-language conformance: the same scenarios in every language, and every
pair of languages talking to each other (publish, request-reply, actor calls),
against one real server. Agents speak tests/conformance/PROTOCOL.md.

    python3 tests/conformance/run.py [--build-dir build] [--only cpp,python]

Prints one line per check, the API parity report (operations of the definition
each language lacks), and ends with "N passed, N failed, N skipped"."""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "harness"))
from nervure_harness import Harness  # noqa: E402

# Error codes of docs/api/reference.md (errors), as every language must report them.
CODES = {"InvalidSubjectError": 5, "NoRespondersError": 4, "TimeoutError": 3, "ActorError": 11}
PROBES = {"invalid_subject": 5, "no_responders": 4, "timeout": 3, "actor_error": 11, "no_actor_host": 4}
HEADERS = [["X-Order", "o-1"], ["X-Tag", "a"], ["X-Tag", "b"]]
VALUE = {"n": 1, "s": "snow ❄", "l": [1, 2, "three"], "m": {"k": True}, "f": 1.5, "none": None}


class Agent:
    def __init__(self, language: str, argv: list[str], env: dict[str, str]):
        self.language = language
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True,
                                     cwd=REPO)

    def __call__(self, op: str, **args) -> dict:
        """The agent's answer; an agent that has died answers every command with AgentExited."""
        try:
            self.proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except OSError:
            line = ""
        if not line:
            return {"ok": False, "error": "AgentExited", "code": -1,
                    "message": f"the {self.language} agent exited ({self.proc.poll()}) at {op}"}
        return json.loads(line)

    def close(self) -> None:
        try:
            self("quit")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def agent_commands(build: Path) -> dict[str, tuple[list[str], dict[str, str]] | str]:
    """How to start each language's agent, or why it cannot start here."""
    env = dict(os.environ)
    out: dict[str, tuple[list[str], dict[str, str]] | str] = {}
    cpp = build / "bin" / "conformance_agent"
    out["cpp"] = ([str(cpp)], env) if cpp.exists() else f"{cpp} not built"
    py = build / "python-venv" / "bin" / "python"
    if py.exists() and subprocess.run([str(py), "-c", "import nervure; nervure.ActorRuntime"],
                                      capture_output=True).returncode == 0:
        out["python"] = ([str(py), str(REPO / "tests/conformance/agents/python_agent.py")], env)
    else:
        out["python"] = "the Python package is not installed in build/python-venv (python/test.sh installs it)"
    addon = build / "node" / "nervure.node"
    if shutil.which("node") and addon.exists() and (REPO / "node/node_modules/@msgpack/msgpack").exists():
        modules = build / "node-path"
        modules.mkdir(parents=True, exist_ok=True)
        link = modules / "nervure"
        if not link.exists():
            link.symlink_to(REPO / "node")
        out["node"] = (["node", str(REPO / "tests/conformance/agents/node_agent.js")],
                       {**env, "NODE_PATH": str(modules), "NERVURE_NODE_ADDON": str(addon)})
    else:
        out["node"] = "the Node addon or its dependencies are not built (node/test.sh builds them)"
    # The Java and Go launchers compile their agent (javac, go build) when it is missing or stale.
    jdk = Path(env.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"), "bin", "javac")
    tools = {"java": (jdk.exists() or shutil.which("javac"), "the JDK (javac)"),
             "go": (shutil.which("go"), "the Go toolchain (go)")}
    for language, (installed, what) in tools.items():
        script = REPO / "tests/conformance/agents" / f"{language}_agent.sh"
        if not script.exists():
            out[language] = f"no {language} agent yet ({script.name})"
        elif not installed:
            out[language] = f"{what} is not installed"
        else:
            out[language] = (["bash", str(script)], {**env, "NERVURE_BUILD_DIR": str(build)})
    return out


class Run:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        if ok:
            self.passed += 1
            print(f"ok    {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL  {name}: {detail}", flush=True)

    def skip(self, name: str, why: str) -> None:
        self.skipped += 1
        print(f"skip  {name}: {why}", flush=True)


def by_key(headers) -> dict[str, list[str]]:
    """Headers as each key's values in order: the contract (docs/api/reference.md) keeps
    keys' case and each key's values in order, not the order across keys (Go's
    Header is a map)."""
    out: dict[str, list[str]] = {}
    for key, value in headers or []:
        out.setdefault(key, []).append(value)
    return out


def expect_ok(run: Run, name: str, answer: dict, **fields) -> None:
    if not answer.get("ok"):
        return run.check(name, False, json.dumps(answer))
    same = {k: (by_key(answer.get(k)) == by_key(v)) if k == "headers" else answer.get(k) == v
            for k, v in fields.items()}
    wrong = {k: (answer.get(k), v) for k, v in fields.items() if not same[k]}
    run.check(name, not wrong, f"got/expected {wrong}")


def single(run: Run, a: Agent) -> None:
    L = a.language
    a("subscribe", sid=1, subject=f"conf.{L}.ps", queue="")
    a("publish", subject=f"conf.{L}.ps", data="hello", headers=HEADERS)
    expect_ok(run, f"{L}: publish/subscribe keeps data and multi-valued headers", a("next", sid=1, timeout_ms=2000),
              subject=f"conf.{L}.ps", data="hello", headers=HEADERS)
    a("unsubscribe", sid=1)

    a("subscribe", sid=2, subject=f"conf.{L}.q", queue="workers")
    a("subscribe", sid=3, subject=f"conf.{L}.q", queue="workers")
    for i in range(10):
        a("publish", subject=f"conf.{L}.q", data=str(i))
    got = []
    for sid in (2, 3):
        while (m := a("next", sid=sid, timeout_ms=300)).get("ok"):
            got.append(m["data"])
    run.check(f"{L}: a queue group gets each message once", sorted(got, key=int) == [str(i) for i in range(10)],
              f"got {got}")

    a("serve", subject=f"conf.{L}.svc", prefix=f"{L}:")
    expect_ok(run, f"{L}: request-reply", a("request", subject=f"conf.{L}.svc", data="ping", timeout_ms=2000,
                                            headers=HEADERS), data=f"{L}:ping", headers=HEADERS)

    for case, code in PROBES.items():
        answer = a("probe", case=case, type=f"conf-{L}")
        ok = not answer.get("ok") and answer.get("code") == code
        if ok and case == "actor_error":
            ok = bool(answer.get("remote_type")) and "out of stock" in answer.get("message", "")
        run.check(f"{L}: probe {case} raises error code {code}", ok, json.dumps(answer))

    expect_ok(run, f"{L}: actor add", a("invoke", type=f"conf-{L}", id="solo", method="add", args=2), result=2)
    expect_ok(run, f"{L}: actor keeps state", a("invoke", type=f"conf-{L}", id="solo", method="add", args=3), result=5)


def pair(run: Run, a: Agent, b: Agent) -> None:
    A, B = a.language, b.language
    subject = f"conf.{A}.to.{B}"
    b("subscribe", sid=10, subject=subject, queue="")
    a("publish", subject=subject, data="order", headers=HEADERS)
    expect_ok(run, f"{A} -> {B}: publish with headers", b("next", sid=10, timeout_ms=2000), data="order",
              headers=HEADERS)
    b("unsubscribe", sid=10)
    a("subscribe", sid=11, subject=f"{subject}.q", queue="mixed")
    b("subscribe", sid=11, subject=f"{subject}.q", queue="mixed")
    for i in range(6):
        a("publish", subject=f"{subject}.q", data=str(i))
    got = []
    for member in (a, b):
        while (m := member("next", sid=11, timeout_ms=200)).get("ok"):
            got.append(m["data"])
        member("unsubscribe", sid=11)
    run.check(f"{A} -> {B}: a queue group of both gets each message once", sorted(got) == [str(i) for i in range(6)],
              f"got {got}")
    expect_ok(run, f"{A} -> {B}: request-reply", a("request", subject=f"conf.{B}.svc", data="ping", timeout_ms=2000,
                                                   headers=HEADERS), data=f"{B}:ping", headers=HEADERS)
    t = f"conf-{B}"
    expect_ok(run, f"{A} -> {B}: actor call reaches {B}", a("invoke", type=t, id=f"from-{A}", method="whoami"),
              result=B)
    expect_ok(run, f"{A} -> {B}: actor arguments and results round-trip",
              a("invoke", type=t, id=f"from-{A}", method="echo", args=VALUE), result=VALUE)
    answer = a("invoke", type=t, id=f"from-{A}", method="fail", args="out of stock")
    run.check(f"{A} -> {B}: an actor's error arrives as ActorError",
              not answer.get("ok") and answer.get("code") == 11 and bool(answer.get("remote_type"))
              and "out of stock" in answer.get("message", ""), json.dumps(answer))


def shared_jetstream(run: Run, a: Agent, b: Agent) -> None:
    """A stream and a bucket made by A, used by B, and the other way round."""
    A, B = a.language, b.language
    stream, bucket = f"CONF_{A}_{B}".upper(), f"conf-{A}-{B}"
    expect_ok(run, f"{A} -> {B}: {A} creates a stream", a("js_add_stream", name=stream, subjects=[f"js.{A}.{B}.>"]))
    first = a("js_publish", subject=f"js.{A}.{B}.e", data="one", msg_id="m-1")
    expect_ok(run, f"{A} -> {B}: {A} publishes into it", first, stream=stream, seq=1, duplicate=False)
    expect_ok(run, f"{A} -> {B}: the same msg_id is stored once",
              a("js_publish", subject=f"js.{A}.{B}.e", data="one", msg_id="m-1"), duplicate=True)
    expect_ok(run, f"{A} -> {B}: {B} publishes into {A}'s stream",
              b("js_publish", subject=f"js.{A}.{B}.e", data="two"), seq=2)
    expect_ok(run, f"{A} -> {B}: {B} reads it through a consumer",
              b("js_read", stream=stream, consumer=f"reader-{B}", count=2), data=["one", "two"])
    expect_ok(run, f"{A} -> {B}: {A} creates a bucket", a("kv_create", bucket=bucket))
    put = a("kv_put", bucket=bucket, key="kettle", value="5")
    got = b("kv_get", bucket=bucket, key="kettle")
    run.check(f"{A} -> {B}: {B} reads {A}'s value", got.get("value") == "5" and got.get("revision") == put.get(
        "revision"), json.dumps([put, got]))
    a("kv_watch", wid=1, bucket=bucket, key="kettle")
    expect_ok(run, f"{A} -> {B}: {A}'s watch starts with the current value", a("kv_watch_next", wid=1, timeout_ms=5000),
              key="kettle", value="5", revision=put.get("revision"), operation="PUT")
    update = b("kv_update", bucket=bucket, key="kettle", value="4", last_revision=put.get("revision", 0))
    expect_ok(run, f"{A} -> {B}: {B} updates it with compare-and-set", update)
    expect_ok(run, f"{A} -> {B}: {A}'s watch sees {B}'s update", a("kv_watch_next", wid=1, timeout_ms=5000),
              key="kettle", value="4", revision=update.get("revision"), operation="PUT")
    a("kv_unwatch", wid=1)
    stale = a("kv_update", bucket=bucket, key="kettle", value="3", last_revision=put.get("revision", 0))
    run.check(f"{A} -> {B}: {A}'s stale update is refused (JetStreamApiError 10071)",
              not stale.get("ok") and stale.get("code") == 9 and stale.get("err_code") == 10071, json.dumps(stale))


def public_source(root: Path, path: Path) -> bool:
    """A file of a package's surface: not a test, not the conformance agent, not internal glue."""
    parts = path.relative_to(root).parts
    return (path.suffix in (".py", ".js", ".ts", ".java", ".go") and not path.name.endswith("_test.go")
            and not {"tests", "test", "conformance", "internal", "node_modules"} & set(parts[:-1]))


# Where each language's package is, how it spells an operation's name, and how
# a public definition of that name looks (a call site or a private helper does
# not count).
SURFACES = {
    "python": ([REPO / "python/nervure"], lambda m, bg, op: op, r"^\s*(async\s+)?def\s+{}\s*\("),
    "node": ([REPO / "node/lib", REPO / "node/index.d.ts"], lambda m, bg, op: m.camel(op),
             r"^\s*(async\s+|static\s+)?{}\s*[(<]"),
    "java": ([REPO / "java/src/main/java"], lambda m, bg, op: m.camel(op), r"^\s*public\s[^;=(]*\b{}\s*\("),
    "go": ([REPO / "go"], lambda m, bg, op: bg.go_name(op), r"^func\s+(\([^)]*\)\s*)?{}\s*\("),
}

# Operations a language offers by other means on purpose; listed in the report
# as gaps, and the check fails only on a gap not listed here.
JAVA_TURNS = ("Java hosts actors through Actor and ActorState (state(), registerTimer, registerReminder, proxy): "
              "the turn-level actor host surface is package-private")
KNOWN_GAPS = {
    "java": {f"actor_host.{op}": JAVA_TURNS for op in (
        "turns", "complete", "state_get", "state_contains", "state_set", "state_remove", "state_save",
        "register_timer", "unregister_timer", "register_reminder", "unregister_reminder")},
}

# Differences of shape the operation names do not show, seen while writing the agents.
NOTES = {
    "go": [
        "headers are a map (Header, as in nats.go): each key's values keep their order, the order across keys "
        "does not survive",
        "KeyValue.Get returns the KVRecord as the library hands it over: Value is base64 text, not bytes",
        "KeyValue.Watch returns a Subscription of raw messages: the caller reads the key from the subject, the "
        "revision and operation from KV-Revision and KV-Operation headers, and skips the KV-Initial-Done marker "
        "(Python, Node and Java give entries)",
    ],
}


def parity(run: Run, languages: list[str]) -> None:
    """Every operation of the definition, looked up among each language's public definitions."""
    sys.path.insert(0, str(REPO / "bindings" / "generator"))
    import backend_go  # noqa: E402
    import model  # noqa: E402

    api = model.load()
    operations = [(obj.name, op.name) for obj in api.objects for op in obj.operations]
    print(f"parity report: {len(operations)} operations in bindings/api", flush=True)
    for language in languages:
        if language == "cpp":
            continue  # the definition is written from the core's API
        if language not in SURFACES:
            run.skip(f"parity: {language}", "no surface known to run.py")
            continue
        roots, spell, definition = SURFACES[language]
        roots = [p for p in roots if p.exists()]
        if not roots:
            run.skip(f"parity: {language}", "no package yet")
            continue
        text = ""
        for root in roots:
            files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if public_source(root, p))
            text += "".join(p.read_text(errors="replace") + "\n" for p in files)
        missing = [f"{obj}.{op}" for obj, op in operations
                   if not re.search(definition.format(re.escape(spell(model, backend_go, op))), text, re.M)]
        known = KNOWN_GAPS.get(language, {})
        for reason in dict.fromkeys(known.values()):
            gaps = [gap for gap in missing if known.get(gap) == reason]
            if gaps:
                print(f"gap   parity: {language} lacks {', '.join(gaps)}: {reason}", flush=True)
        for note in NOTES.get(language, []):
            print(f"note  parity: {language}: {note}", flush=True)
        for gap in sorted(set(known) - set(missing)):
            run.skip(f"parity: {language} offers {gap} now", "remove it from KNOWN_GAPS in tests/conformance/run.py")
        new = [gap for gap in missing if gap not in known]
        run.check(f"parity: {language} offers {len(operations) - len(missing)} of {len(operations)} operations, "
                  f"no gap beyond the {len(known)} known", not new, "missing " + ", ".join(new))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", default=os.environ.get("NERVURE_BUILD_DIR", str(REPO / "build")))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    run = Run()
    commands = agent_commands(Path(args.build_dir).resolve())
    wanted = [w for w in args.only.split(",") if w] or list(commands)
    started = time.monotonic()
    with Harness("single") as server:
        agents: list[Agent] = []
        try:
            started_agents = []  # every agent starts (JVM, Go build) at once; each is then greeted in turn
            for language in wanted:
                how = commands.get(language, "unknown language")
                if isinstance(how, str):
                    run.skip(f"{language} agent", how)
                    continue
                started_agents.append(Agent(language, *how))
            for agent in started_agents:
                language = agent.language
                hello = agent("hello")
                if hello.get("language") != language:
                    run.check(f"{language} agent starts", False, json.dumps(hello))
                    agent.close()
                    continue
                expect_ok(run, f"{language}: connect", agent("connect", url=server.url))
                expect_ok(run, f"{language}: host an actor type",
                          agent("host_actor", type=f"conf-{language}", lease_bucket=f"conf-leases-{language}",
                                state_bucket=f"conf-state-{language}"))
                agents.append(agent)
            for agent in agents:
                single(run, agent)
            for a, b in itertools.permutations(agents, 2):
                pair(run, a, b)
                shared_jetstream(run, a, b)
        finally:
            for agent in agents:
                agent.close()
    parity(run, [a.language for a in agents])
    print(f"conformance: {len(agents)} languages, {time.monotonic() - started:.0f} s", flush=True)
    print(f"{run.passed} passed, {run.failed} failed, {run.skipped} skipped", flush=True)
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
