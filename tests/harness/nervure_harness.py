#!/usr/bin/env python3
"""Real nats-server deployments for nervure's test suites, in every language.

Python suites use it as a module:

    with Harness("single") as h:
        connect(h.url) ...; h.restart(0)

Other languages run it as a process and speak a line protocol (README.md):

    python3 nervure_harness.py serve --kind cluster [--compat]

It prints one JSON line describing the deployment, then answers one JSON line
per command read from stdin (restart N, kill N, start N, stop N, lame_duck N,
pause N, resume N, info). When stdin closes, its parent dies or it gets
SIGTERM, it stops every server and removes its files.
"""
from __future__ import annotations

import argparse
import atexit
import base64
import ctypes
import hashlib
import json
import os
import queue
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("single", "cluster", "tls", "token", "userpass", "nkey", "jwt")
REPO = Path(__file__).resolve().parents[2]
CLUSTER_SIZE = 3


class HarnessError(RuntimeError):
    pass


class _PortTaken(HarnessError):
    """Another process bound one of our ports between choosing and binding."""


# --------------------------------------------------------------------------
# Server binaries
# --------------------------------------------------------------------------

def server_binary(compat: bool = False) -> str:
    """The pinned server ($NERVURE_NATS_SERVER), or Debian's 2.9 with compat=True."""
    env = "NERVURE_NATS_SERVER_COMPAT" if compat else "NERVURE_NATS_SERVER"
    chosen = os.environ.get(env)
    if chosen:
        # Named explicitly: falling back would silently test another version.
        if not os.access(chosen, os.X_OK):
            raise HarnessError(f"{env}={chosen} is not an executable nats-server")
        return chosen
    if compat:
        candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server"]
    else:
        candidates = [str(REPO / "build" / "tools" / "nats-server")]
    candidates.append(shutil.which("nats-server"))
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    raise HarnessError(f"no nats-server found: set {env}" + ("" if compat else " or run `make setup`"))


def server_version(binary: str) -> str:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10).stdout
        return out.strip().split()[-1].lstrip("v")
    except (OSError, IndexError, subprocess.TimeoutExpired) as e:
        raise HarnessError(f"cannot ask {binary} for its version: {e}") from e


def version_tuple(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def free_ports(n: int) -> list[int]:
    """n distinct free loopback ports. All are held until every one is chosen:
    a port released at once can be handed out again by the very next bind."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


# --------------------------------------------------------------------------
# Child processes that cannot outlive us
# --------------------------------------------------------------------------

try:  # resolved before any fork: the child should run as little Python as possible
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):
    _prctl = None
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


_spawn_queue: queue.Queue = queue.Queue()
_spawn_thread: threading.Thread | None = None
_spawn_lock = threading.Lock()


def _spawn_loop() -> None:
    while True:
        fut, args, kwargs = _spawn_queue.get()
        try:
            fut.set_result(subprocess.Popen(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            fut.set_exception(e)


def _popen(*args, **kwargs) -> subprocess.Popen:
    """Popen on one thread that lives as long as the process. PR_SET_PDEATHSIG
    fires when the *thread* that forked the child exits: a server (re)started
    from run_in_executor or a helper thread would otherwise die with that thread."""
    global _spawn_thread
    with _spawn_lock:
        if _spawn_thread is None:
            _spawn_thread = threading.Thread(target=_spawn_loop, name="nervure-harness-spawner", daemon=True)
            _spawn_thread.start()
    fut: Future = Future()
    _spawn_queue.put((fut, args, kwargs))
    return fut.result()


_live: set["Harness"] = set()


def _close_all() -> None:
    for h in list(_live):
        h.close()


def _forget_after_fork() -> None:
    """A forked child (multiprocessing, os.fork) has no spawner thread, and its
    exit must not tear down the parent's servers."""
    global _spawn_queue, _spawn_thread, _spawn_lock
    _spawn_queue, _spawn_thread, _spawn_lock = queue.Queue(), None, threading.Lock()
    _live.clear()


atexit.register(_close_all)
os.register_at_fork(after_in_child=_forget_after_fork)


def _cleanup_on_sigterm() -> None:
    """A test runner stopped with SIGTERM skips atexit: clean up, then die of
    the same signal. Only where nobody else handles SIGTERM."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def handler(signum, _frame):
        _close_all()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    signal.signal(signal.SIGTERM, handler)


def _process_identity(pid: int) -> str | None:
    """pid, start time and pid namespace: unlike a bare pid, never reused."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            start = stat.read().rsplit(")", 1)[1].split()[19]
        return f"{pid} {start} {os.readlink('/proc/self/ns/pid')}"
    except (OSError, IndexError):
        return None


_swept = False


def _sweep_stale_dirs() -> None:
    """Removes the files of harnesses whose process was SIGKILLed (nothing runs
    then; their servers died with them). Only dirs that say who owned them, and
    only owners from our pid namespace: another namespace's pids mean nothing here."""
    global _swept
    if _swept:
        return
    _swept = True
    ns = os.readlink("/proc/self/ns/pid") if os.path.exists("/proc/self/ns/pid") else None
    for owner in Path(tempfile.gettempdir()).glob("nervure-*/owner"):
        try:
            pid, _start, owner_ns = owner.read_text().split()
            if owner_ns == ns and _process_identity(int(pid)) != owner.read_text().strip():
                shutil.rmtree(owner.parent, ignore_errors=True)
        except (OSError, ValueError):
            continue


# --------------------------------------------------------------------------
# NKeys and JWTs (for the nkey and jwt kinds)
# --------------------------------------------------------------------------

# Prefix bytes chosen by NATS so the base32 text starts with S, O, A or U.
PREFIX_SEED, PREFIX_OPERATOR, PREFIX_ACCOUNT, PREFIX_USER = 18 << 3, 14 << 3, 0, 20 << 3


def crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode().rstrip("=")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _with_crc(body: bytes) -> str:
    return _b32(body + crc16_xmodem(body).to_bytes(2, "little"))


@dataclass
class NKey:
    prefix: int
    raw_seed: bytes

    @classmethod
    def generate(cls, prefix: int) -> "NKey":
        return cls(prefix, secrets.token_bytes(32))

    @classmethod
    def from_seed(cls, seed: str) -> "NKey":
        raw = base64.b32decode(seed + "=" * (-len(seed) % 8))
        body, crc = raw[:-2], int.from_bytes(raw[-2:], "little")
        if crc16_xmodem(body) != crc or body[0] & 0xF8 != PREFIX_SEED or len(body) != 34:
            raise HarnessError("not an NKey seed")
        return cls(((body[0] & 7) << 5) | (body[1] >> 3), body[2:])

    def _private(self):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        return Ed25519PrivateKey.from_private_bytes(self.raw_seed)

    @property
    def seed(self) -> str:
        # Two prefix bytes: the seed marker, then the key's own prefix spread over both.
        return _with_crc(bytes([PREFIX_SEED | (self.prefix >> 5), (self.prefix & 31) << 3]) + self.raw_seed)

    @property
    def public(self) -> str:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
        raw = self._private().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return _with_crc(bytes([self.prefix]) + raw)

    def sign(self, data: bytes) -> bytes:
        return self._private().sign(data)


def make_jwt(issuer: NKey, subject: str, name: str, nats: dict) -> str:
    claims = {"iat": int(time.time()), "iss": issuer.public, "name": name, "sub": subject, "nats": nats}
    claims["jti"] = _b32(hashlib.sha256(json.dumps(claims, sort_keys=True).encode()).digest())
    header = _b64url(json.dumps({"typ": "JWT", "alg": "ed25519-nkey"}).encode())
    payload = _b64url(json.dumps(claims).encode())
    return f"{header}.{payload}.{_b64url(issuer.sign(f'{header}.{payload}'.encode()))}"


def write_creds(path: Path, jwt: str, seed: str) -> None:
    path.write_text(
        "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n"
        "************************* IMPORTANT *************************\n"
        "NKEY Seed printed below can be used to sign and prove identity.\n"
        "NKEYs are sensitive and should be treated as secrets.\n\n"
        "-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n\n"
        "*************************************************************\n"
    )
    path.chmod(0o600)


# --------------------------------------------------------------------------
# One server process
# --------------------------------------------------------------------------

@dataclass
class Server:
    name: str
    binary: str
    workdir: Path
    port: int
    http_port: int
    config_body: str
    cluster_port: int = 0
    tls: ssl.SSLContext | None = None  # set for handshake_first: the server speaks TLS before INFO
    proc: subprocess.Popen | None = None
    paused: bool = False
    lame: bool = False
    log: Path = field(init=False)
    config: Path = field(init=False)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log = self.workdir / "server.log"
        self.config = self.workdir / "server.conf"
        self.config.write_text(self.config_body)

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def state(self) -> str:
        if not self.running():
            return "stopped"
        return "paused" if self.paused else "lame_duck" if self.lame else "running"

    def start(self) -> None:
        if self.running():
            return
        self.paused = self.lame = False
        with open(self.log, "ab") as log:
            # Own session: a Ctrl-C meant for the test runner must not stop the
            # servers under the harness's feet; the harness stops them itself.
            self.proc = _popen([self.binary, "-c", str(self.config), "-a", "127.0.0.1"],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                               preexec_fn=lambda parent=os.getpid(): _die_with_parent(parent))

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
        if not self.running():
            return
        self.proc.send_signal(sig)
        if self.paused:  # a stopped process only acts on the signal once continued
            self.proc.send_signal(signal.SIGCONT)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.paused = self.lame = False

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def lame_duck(self, timeout: float = 10.0) -> None:
        if not self.running() or self.paused:
            raise HarnessError(f"{self.name} is not running")
        self.proc.send_signal(signal.SIGUSR2)  # what `nats-server --signal ldm=PID` sends
        self.lame = True
        # Return once it refuses new clients, so the test sees lame duck mode, not a race.
        deadline = time.monotonic() + timeout
        while self.running() and self._accepts():
            if time.monotonic() > deadline:
                raise HarnessError(f"{self.name} did not enter lame duck mode:\n{self.log_tail()}")
            time.sleep(0.02)

    def pause(self) -> None:
        # A frozen server keeps its sockets open but answers nothing: a stale connection.
        if not self.running():
            raise HarnessError(f"{self.name} is not running")
        self.proc.send_signal(signal.SIGSTOP)
        self.paused = True
        # send_signal returns before every thread has stopped; wait until none can answer.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if all(self._thread_state(t) in ("T", "t") for t in os.listdir(f"/proc/{self.proc.pid}/task")):
                return
            time.sleep(0.005)
        raise HarnessError(f"{self.name} did not stop")

    def _thread_state(self, tid: str) -> str:
        try:
            stat = open(f"/proc/{self.proc.pid}/task/{tid}/stat").read()
            return stat[stat.rindex(")") + 2]
        except (OSError, ValueError):
            return "T"  # a thread that is gone cannot answer either

    def resume(self) -> None:
        if self.running():
            self.proc.send_signal(signal.SIGCONT)
        self.paused = False

    def log_tail(self, lines: int = 20) -> str:
        try:
            tail = self.log.read_text(errors="replace").splitlines()[-lines:]
        except OSError:
            return f"  ({self.name}: no log)"
        return "\n".join(f"  {self.name}| {line}" for line in tail) or f"  ({self.name}: empty log)"

    def wait_ready(self, timeout: float, health: str) -> None:
        """Until it answers on its client port with its own INFO and its
        monitoring port reports `health` (an /healthz query) OK."""
        deadline = time.monotonic() + timeout
        why = "its client port does not answer"
        while time.monotonic() < deadline:
            if not self.running():
                tail = self.log_tail()
                if "address already in use" in tail:
                    raise _PortTaken(f"{self.name}: one of its ports was taken by another process:\n{tail}")
                raise HarnessError(f"{self.name} exited with status {self.proc.returncode}:\n{tail}")
            info = self._info()
            if info is not None:
                if info.get("server_name") != self.name:
                    raise _PortTaken(f"{self.name}: port {self.port} is answered by another server "
                                     f"({info.get('server_name')}):\n{self.log_tail()}")
                why = self._health(health)
                if why is None:
                    return
            time.sleep(0.05)
        raise HarnessError(f"{self.name} (port {self.port}) not ready after {timeout:.0f}s: {why}\n"
                           f"{self.log_tail()}")

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def _info(self) -> dict | None:
        """The INFO the server greets a client with, or None while it cannot."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as raw:
                sock = self.tls.wrap_socket(raw, server_hostname="127.0.0.1") if self.tls else raw
                data = b""
                while not data.endswith(b"\r\n") and len(data) < 65536:
                    chunk = sock.recv(4096)
                    if not chunk:
                        return None
                    data += chunk
        except (OSError, ssl.SSLError):
            return None
        if not data.startswith(b"INFO "):
            return None
        try:
            return json.loads(data[5:])
        except ValueError:
            return None

    def _health(self, query: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/healthz{query}", timeout=2):
                return None
        except urllib.error.HTTPError as e:
            return f"/healthz{query} says {e.code}: {e.read(300).decode(errors='replace')}"
        except OSError as e:
            return f"/healthz{query} unreachable: {e}"

    def monitor(self, path: str) -> dict:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/{path.lstrip('/')}", timeout=2) as r:
            return json.load(r)

    def route_peers(self) -> set[str]:
        """Ids of the servers this one has routes to (2.10+ pools several routes per peer)."""
        return {r.get("remote_id", "") for r in self.monitor("routez").get("routes") or []} - {""}


# --------------------------------------------------------------------------
# Deployments
# --------------------------------------------------------------------------

class Harness:
    """A deployment of one kind (see KINDS); a context manager that cleans up.

    Attributes for the test: url, urls, monitor_urls, ports, server_version,
    and, where the kind has them, token, user, password, nkey_seed,
    nkey_public, creds_file, ca_file, cert_file, key_file."""

    def __init__(self, kind: str = "single", compat: bool = False, tls_verify: bool = False,
                 tls_first: bool = False, jetstream: bool = True, timeout: float = 30.0):
        if kind not in KINDS:
            raise HarnessError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        if (tls_verify or tls_first) and kind != "tls":
            raise HarnessError("tls_verify and tls_first are options of the tls kind")
        self.kind, self.compat, self.tls_verify, self.tls_first = kind, compat, tls_verify, tls_first
        self.jetstream, self.timeout = jetstream, timeout
        self.binary = server_binary(compat)
        self.server_version = server_version(self.binary)
        if tls_first and version_tuple(self.server_version) < (2, 10):
            # The C++ suite skips on this phrase: keep it.
            raise HarnessError(f"handshake_first needs nats-server 2.10 or newer; "
                               f"{self.binary} is {self.server_version}")
        self._lock = threading.RLock()
        self.servers: list[Server] = []
        self.dir: Path | None = None
        _cleanup_on_sigterm()
        _sweep_stale_dirs()
        _live.add(self)
        try:
            for _ in range(3):
                try:
                    self._launch()
                    return
                except _PortTaken:
                    self._teardown()
            raise HarnessError("could not get free ports in 3 attempts")
        except BaseException:
            self.close()
            raise

    def _launch(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=f"nervure-{self.kind}-"))
        if (me := _process_identity(os.getpid())) is not None:
            (self.dir / "owner").write_text(me + "\n")
        self._tag = secrets.token_hex(3)  # server names unique to this run: see Server.wait_ready
        self.token = self.user = self.password = self.nkey_seed = self.nkey_public = None
        self.creds_file = self.ca_file = self.cert_file = self.key_file = self.account_public = None
        self._build()
        for s in self.servers:
            s.start()
        for s in self.servers:
            # All started before any is awaited: a cluster node is healthy only
            # once the nodes have elected a JetStream meta leader together.
            s.wait_ready(self.timeout, self._health_query(initial=True))
        if self.kind == "cluster":
            self._wait_cluster()

    def _teardown(self) -> None:
        for s in self.servers:
            s.kill()
        self.servers = []
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _health_query(self, initial: bool = False) -> str:
        if not self.jetstream:
            return ""
        if self.kind == "cluster" and not initial:
            # A restarted node may lack a quorum (the others killed): start() must not hang on it.
            return "?js-enabled-only=true"
        return ""

    # -- building blocks ---------------------------------------------------

    def _common(self, name: str, port: int, http: int, store: Path) -> str:
        conf = [f'server_name: "{name}"', f"listen: 127.0.0.1:{port}", f"http: 127.0.0.1:{http}",
                # Long enough for a client to notice lame duck mode, short grace so tests move on.
                'lame_duck_duration: "30s"', 'lame_duck_grace_period: "500ms"']
        if self.jetstream:
            # Explicit limits: the defaults are a share of the machine's RAM and disk.
            conf.append(f'jetstream {{ store_dir: "{store}", max_memory_store: 268435456, '
                        'max_file_store: 2147483648 }')
        return "\n".join(conf) + "\n"

    def _build(self) -> None:
        if self.kind == "cluster":
            flat = free_ports(3 * CLUSTER_SIZE)
            triples = [flat[i:i + 3] for i in range(0, len(flat), 3)]
            routes = ", ".join(f"nats://127.0.0.1:{c}" for _, _, c in triples)
            for i, (p, h, c) in enumerate(triples):
                name = f"n{i}-{self._tag}"
                body = self._common(name, p, h, self.dir / f"n{i}" / "js")
                body += f'cluster {{ name: "nervure-{self._tag}", listen: 127.0.0.1:{c}, routes: [{routes}] }}\n'
                self.servers.append(Server(name, self.binary, self.dir / f"n{i}", p, h, body, c))
            return
        port, http = free_ports(2)
        name = f"n0-{self._tag}"
        body = self._common(name, port, http, self.dir / "n0" / "js")
        body += getattr(self, f"_conf_{self.kind}")()
        tls = self._client_tls() if self.tls_first else None
        self.servers.append(Server(name, self.binary, self.dir / "n0", port, http, body, tls=tls))

    def _conf_single(self) -> str:
        return ""

    def _conf_token(self) -> str:
        self.token = "tok-" + secrets.token_hex(12)
        return f'authorization {{ token: "{self.token}" }}\n'

    def _conf_userpass(self) -> str:
        self.user, self.password = "nervure", "pw-" + secrets.token_hex(12)
        return f'authorization {{ user: "{self.user}", password: "{self.password}" }}\n'

    def _conf_nkey(self) -> str:
        key = NKey.generate(PREFIX_USER)
        self.nkey_seed, self.nkey_public = key.seed, key.public
        seed_file = self.dir / "user.nk"
        seed_file.write_text(key.seed + "\n")
        seed_file.chmod(0o600)
        return f"authorization {{ users = [ {{ nkey: {key.public} }} ] }}\n"

    def _conf_jwt(self) -> str:
        operator, account, system, user = (NKey.generate(PREFIX_OPERATOR), NKey.generate(PREFIX_ACCOUNT),
                                           NKey.generate(PREFIX_ACCOUNT), NKey.generate(PREFIX_USER))
        unlimited = {"subs": -1, "data": -1, "payload": -1, "imports": -1, "exports": -1, "wildcards": True,
                     "conn": -1, "leaf": -1}
        # Any non-zero storage limit turns JetStream on for the account.
        js = {"mem_storage": -1, "disk_storage": -1, "streams": -1, "consumer": -1} if self.jetstream else {}
        op_jwt = make_jwt(operator, operator.public, "nervure-operator",
                          {"type": "operator", "version": 2, "system_account": system.public})
        acc_jwt = make_jwt(operator, account.public, "NERVURE",
                           {"type": "account", "version": 2, "limits": {**unlimited, **js}})
        sys_jwt = make_jwt(operator, system.public, "SYS", {"type": "account", "version": 2, "limits": unlimited})
        user_jwt = make_jwt(account, user.public, "nervure-user",
                            {"type": "user", "version": 2, "pub": {}, "sub": {}, "subs": -1, "data": -1,
                             "payload": -1})
        (self.dir / "operator.jwt").write_text(op_jwt)
        self.creds_file = str(self.dir / "user.creds")
        write_creds(Path(self.creds_file), user_jwt, user.seed)
        self.nkey_seed, self.nkey_public = user.seed, user.public
        self.account_public = account.public
        return (f'operator: "{self.dir / "operator.jwt"}"\nsystem_account: {system.public}\nresolver: MEMORY\n'
                f'resolver_preload: {{ {account.public}: "{acc_jwt}", {system.public}: "{sys_jwt}" }}\n')

    def _conf_tls(self) -> str:
        self._make_certs()
        extra = ", verify: true" if self.tls_verify else ""
        extra += ", handshake_first: true" if self.tls_first else ""
        return (f'tls {{ cert_file: "{self.dir / "server-cert.pem"}", key_file: "{self.dir / "server-key.pem"}", '
                f'ca_file: "{self.ca_file}", timeout: 2{extra} }}\n')

    def _make_certs(self) -> None:
        d = self.dir

        def openssl(*args: str) -> None:
            try:
                r = subprocess.run(["openssl", *args], capture_output=True, text=True, timeout=30)
            except OSError as e:
                raise HarnessError(f"the tls kind needs the openssl CLI: {e}") from e
            if r.returncode:
                raise HarnessError(f"openssl {' '.join(args[:2])} failed: {r.stderr.strip()}")

        # P-256 keys: as good for tests as RSA, and made in milliseconds.
        newkey = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
        openssl("req", "-x509", *newkey, "-days", "7", "-subj", "/CN=nervure test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", str(d / "ca-key.pem"), "-out", str(d / "ca.pem"))
        for who, usage, san in (("server", "serverAuth", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"),
                                ("client", "clientAuth", "")):
            openssl("req", *newkey, "-subj", f"/CN=nervure {who}",
                    "-keyout", str(d / f"{who}-key.pem"), "-out", str(d / f"{who}.csr"))
            ext = d / f"{who}.ext"
            ext.write_text(f"{san}basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                           f"extendedKeyUsage={usage}\n")
            openssl("x509", "-req", "-in", str(d / f"{who}.csr"), "-CA", str(d / "ca.pem"),
                    "-CAkey", str(d / "ca-key.pem"), "-set_serial", str(secrets.randbits(63)), "-days", "7",
                    "-extfile", str(ext), "-out", str(d / f"{who}-cert.pem"))
        self.ca_file = str(d / "ca.pem")
        self.cert_file, self.key_file = str(d / "client-cert.pem"), str(d / "client-key.pem")

    def _client_tls(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=self.ca_file)
        ctx.load_cert_chain(self.cert_file, self.key_file)
        return ctx

    def _wait_cluster(self) -> None:
        deadline = time.monotonic() + self.timeout
        why = ""
        while time.monotonic() < deadline:
            try:
                why = self._cluster_unready()
                if not why:
                    return
            except (OSError, ValueError) as e:
                why = f"monitoring port: {e}"
            time.sleep(0.1)
        raise HarnessError(f"cluster did not form in {self.timeout:.0f}s: {why}\n"
                           + "\n".join(s.log_tail(8) for s in self.servers))

    def _cluster_unready(self) -> str:
        for s in self.servers:
            if len(s.route_peers()) < CLUSTER_SIZE - 1:
                return f"{s.name} has routes to {len(s.route_peers())} of {CLUSTER_SIZE - 1} peers"
        if self.jetstream:
            leaders = {(s.monitor("jsz").get("meta_cluster") or {}).get("leader") for s in self.servers}
            if len(leaders) != 1 or None in leaders or "" in leaders:
                return f"no agreed JetStream meta leader yet (nodes see {sorted(map(str, leaders))})"
            for s in self.servers:  # every node caught up with the meta leader
                why = s._health("")
                if why:
                    return f"{s.name}: {why}"
        return ""

    def _wait_routes(self, s: Server) -> None:
        """After a restart, until s has routes to every other live node again."""
        others = sum(1 for o in self.servers if o is not s and o.running() and not o.paused)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                if len(s.route_peers()) >= others:
                    return
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        raise HarnessError(f"{s.name} did not rejoin the cluster:\n{s.log_tail()}")

    # -- what tests use ------------------------------------------------------

    @property
    def scheme(self) -> str:
        return "tls" if self.kind == "tls" else "nats"

    @property
    def urls(self) -> list[str]:
        return [f"{self.scheme}://127.0.0.1:{s.port}" for s in self.servers]

    @property
    def url(self) -> str:
        return self.urls[0]

    @property
    def ports(self) -> list[int]:
        return [s.port for s in self.servers]

    @property
    def monitor_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{s.http_port}" for s in self.servers]

    def monitor(self, i: int, path: str) -> dict:
        """A monitoring endpoint of server i as JSON, e.g. monitor(0, "jsz")."""
        return self._server(i).monitor(path)

    def _server(self, i: int) -> Server:
        if not 0 <= i < len(self.servers):
            raise HarnessError(f"no server {i}; this deployment has {len(self.servers)}")
        return self.servers[i]

    def stop(self, i: int) -> None:
        """SIGTERM: a clean shutdown; the store and ports are kept for start(i)."""
        with self._lock:
            self._server(i).stop()

    def kill(self, i: int) -> None:
        """SIGKILL: no goodbye to clients, the sockets just die."""
        with self._lock:
            self._server(i).kill()

    def start(self, i: int) -> None:
        """Starts a stopped server on its old ports and store; returns once it is ready."""
        with self._lock:
            s = self._server(i)
            if s.lame:  # still draining: it must go before the same ports can be reused
                s.stop()
            s.start()
            s.wait_ready(self.timeout, self._health_query())
            if self.kind == "cluster":
                self._wait_routes(s)

    def restart(self, i: int) -> None:
        with self._lock:
            self.stop(i)
            self.start(i)

    def lame_duck(self, i: int) -> None:
        """Lame duck mode: stops accepting, tells clients, drains them over 30 s, exits."""
        with self._lock:
            self._server(i).lame_duck()

    def pause(self, i: int) -> None:
        """SIGSTOP: connections stay open but nothing answers (a stale server)."""
        with self._lock:
            self._server(i).pause()

    def resume(self, i: int) -> None:
        with self._lock:
            self._server(i).resume()

    def info(self) -> dict:
        return {
            "kind": self.kind, "url": self.url, "urls": self.urls, "monitor_urls": self.monitor_urls,
            "ports": self.ports, "monitor_ports": [s.http_port for s in self.servers],
            "cluster_ports": [s.cluster_port for s in self.servers] if self.kind == "cluster" else [],
            "server_version": self.server_version, "server_binary": self.binary, "compat": self.compat,
            "jetstream": self.jetstream, "tls_verify": self.tls_verify, "tls_first": self.tls_first,
            "token": self.token, "user": self.user, "password": self.password,
            "nkey_seed": self.nkey_seed, "nkey_public": self.nkey_public, "creds_file": self.creds_file,
            "ca_file": self.ca_file, "cert_file": self.cert_file, "key_file": self.key_file,
            "running": [s.running() for s in self.servers], "states": [s.state() for s in self.servers],
            "dir": str(self.dir), "logs": [str(s.log) for s in self.servers],
        }

    describe = info

    def close(self) -> None:
        with self._lock:
            self._teardown()
            _live.discard(self)

    def __enter__(self) -> "Harness":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def harness_fixture(kind: str = "single", scope: str = "function", **options):
    """A pytest fixture yielding a Harness, e.g. in conftest.py:

        cluster = harness_fixture("cluster", scope="module")
    """
    import pytest

    @pytest.fixture(scope=scope)
    def fixture():
        with Harness(kind, **options) as h:
            yield h

    return fixture


# --------------------------------------------------------------------------
# The line protocol
# --------------------------------------------------------------------------

COMMANDS = ("restart", "kill", "start", "stop", "lame_duck", "pause", "resume")


def _watch_parent(parent: int) -> None:
    """Stdin EOF misses a parent that died while a fork of it holds the pipe
    open; being re-parented does not. (PR_SET_PDEATHSIG would fire when the
    parent's spawning *thread* exits: Go, Java and C++ test threads come and go.)"""
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


def serve(args: argparse.Namespace) -> int:
    out = sys.stdout
    sys.stdout = sys.stderr  # stdout carries the protocol and nothing else

    def reply(obj: dict) -> None:
        out.write(json.dumps(obj) + "\n")
        out.flush()

    def on_signal(signum, _frame):
        for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(s, signal.SIG_IGN)  # one cleanup, not interrupted by a second signal
        raise SystemExit(128 + signum)

    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    h = None
    try:
        try:
            h = Harness(args.kind, compat=args.compat, tls_verify=args.tls_verify, tls_first=args.tls_first,
                        jetstream=not args.no_jetstream, timeout=args.timeout)
        except HarnessError as e:
            reply({"ok": False, "error": str(e)})
            return 1
        reply({"ok": True, **h.info()})
        for line in iter(sys.stdin.readline, ""):
            words = line.split()
            if not words:
                continue
            try:
                if words == ["info"]:
                    reply({"ok": True, **h.info()})
                elif len(words) == 2 and words[0] in COMMANDS:
                    getattr(h, words[0])(int(words[1]))
                    reply({"ok": True, "running": h.info()["running"], "states": h.info()["states"]})
                else:
                    raise HarnessError(f"unknown command {line.strip()!r}; commands: info, "
                                       + ", ".join(f"{c} N" for c in COMMANDS))
            except (HarnessError, ValueError, OSError) as e:
                reply({"ok": False, "error": str(e)})
    except BrokenPipeError:
        pass  # the reader is gone: nobody to tell
    finally:
        if h is not None:
            h.close()
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="start a deployment and take commands on stdin")
    s.add_argument("--kind", choices=KINDS, default="single")
    s.add_argument("--compat", action="store_true", help="use $NERVURE_NATS_SERVER_COMPAT (Debian's 2.9)")
    s.add_argument("--tls-verify", action="store_true", help="tls kind: require client certificates")
    s.add_argument("--tls-first", action="store_true", help="tls kind: TLS before INFO (handshake_first)")
    s.add_argument("--no-jetstream", action="store_true")
    s.add_argument("--timeout", type=float, default=30.0, help="seconds a server may take to be ready")
    return serve(p.parse_args())


if __name__ == "__main__":
    sys.exit(main())
