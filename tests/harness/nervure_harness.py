#!/usr/bin/env python3
"""Real nats-server deployments for nervure's test suites, in every language.

Python suites use it as a module:

    with Harness("single") as h:
        connect(h.url) ...; h.restart(0)

Other languages run it as a process and speak a line protocol (see README.md):

    python3 nervure_harness.py serve --kind cluster [--compat]

It prints one JSON line describing the deployment, then answers one JSON line
per command read from stdin (restart N, kill N, start N, stop N, lame_duck N,
pause N, resume N, info). When stdin closes (the test process ended or died) it stops every server
and removes its files, so no server outlives its test.
"""
from __future__ import annotations

import argparse
import base64
import ctypes
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("single", "cluster", "tls", "token", "userpass", "nkey", "jwt")
REPO = Path(__file__).resolve().parents[2]


class HarnessError(RuntimeError):
    pass


# --------------------------------------------------------------------------
# Server binaries
# --------------------------------------------------------------------------

def server_binary(compat: bool = False) -> str:
    """The pinned server, or Debian's 2.9 with compat=True."""
    env = "NERVURE_NATS_SERVER_COMPAT" if compat else "NERVURE_NATS_SERVER"
    candidates = [os.environ.get(env)]
    if compat:
        candidates += ["/usr/sbin/nats-server", "/usr/bin/nats-server"]
    else:
        candidates += [str(REPO / "build" / "tools" / "nats-server"), shutil.which("nats-server")]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    raise HarnessError(f"no nats-server found (set {env}; run `make setup` for the pinned one)")


def server_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    return out.strip().split()[-1].lstrip("v")


def free_ports(n: int) -> list[int]:
    """n distinct free ports. All are held open until every one is chosen: a port
    released at once can be handed out again by the very next bind."""
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


def _die_with_parent() -> None:
    # Linux: the server gets SIGKILL when the harness process goes away, however it goes.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


# --------------------------------------------------------------------------
# NKeys and JWTs (for the nkey and jwt kinds)
# --------------------------------------------------------------------------

PREFIX_SEED, PREFIX_OPERATOR, PREFIX_ACCOUNT, PREFIX_USER = 18 << 3, 14 << 3, 0, 20 << 3


def _crc16(data: bytes) -> int:
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


@dataclass
class NKey:
    kind: int
    raw_seed: bytes

    @classmethod
    def generate(cls, kind: int) -> "NKey":
        return cls(kind, secrets.token_bytes(32))

    def _private(self):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        return Ed25519PrivateKey.from_private_bytes(self.raw_seed)

    @property
    def seed(self) -> str:
        body = bytes([PREFIX_SEED | (self.kind >> 5), (self.kind & 31) << 3]) + self.raw_seed
        return _b32(body + _crc16(body).to_bytes(2, "little"))

    @property
    def public(self) -> str:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
        raw = self._private().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        body = bytes([self.kind]) + raw
        return _b32(body + _crc16(body).to_bytes(2, "little"))

    def sign(self, data: bytes) -> bytes:
        return self._private().sign(data)


def _jwt(issuer: NKey, subject: str, name: str, nats: dict) -> str:
    claims = {"iat": int(time.time()), "iss": issuer.public, "name": name, "sub": subject, "nats": nats}
    claims["jti"] = _b32(hashlib.sha256(json.dumps(claims, sort_keys=True).encode()).digest())
    header = _b64url(json.dumps({"typ": "JWT", "alg": "ed25519-nkey"}).encode())
    payload = _b64url(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode()
    return f"{header}.{payload}.{_b64url(issuer.sign(signing_input))}"


def write_creds(path: Path, jwt: str, seed: str) -> None:
    path.write_text(
        "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n"
        "************************* IMPORTANT *************************\n"
        "NKEY Seed printed below can be used to sign and prove identity.\n\n"
        "-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n"
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
    proc: subprocess.Popen | None = None
    log: Path = field(init=False)
    config: Path = field(init=False)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log = self.workdir / "server.log"
        self.config = self.workdir / "server.conf"
        self.config.write_text(self.config_body)

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> None:
        if self.proc and self.proc.poll() is None:
            return
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([self.binary, "-c", str(self.config)], stdout=log, stderr=log,
                                         stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
        if not self.proc or self.proc.poll() is not None:
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def lame_duck(self) -> None:
        if not self.proc or self.proc.poll() is not None:
            raise HarnessError(f"{self.name} is not running")
        self.proc.send_signal(signal.SIGUSR2)  # nats-server's lame duck signal

    def pause(self) -> None:
        # A frozen server keeps its sockets open but answers nothing: a stale connection.
        if not self.proc or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGSTOP)
        # kill() returns before every thread has stopped; wait until none can answer.
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
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)

    def running(self) -> bool:
        return bool(self.proc) and self.proc.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def wait_ready(self, timeout: float = 20.0, jetstream: bool = True) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise HarnessError(f"{self.name} exited with {self.proc.returncode}:\n{self.log_tail()}")
            if self._answers() and (not jetstream or self._healthy()):
                return
            time.sleep(0.05)
        raise HarnessError(f"{self.name} not ready after {timeout}s:\n{self.log_tail()}")

    def _answers(self) -> bool:
        # Accepting is enough: a handshake_first server says nothing until TLS starts.
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/healthz", timeout=1) as r:
                return r.status == 200
        except OSError:
            return False

    def monitor(self, path: str) -> dict:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/{path}", timeout=2) as r:
            return json.load(r)


# --------------------------------------------------------------------------
# Deployments
# --------------------------------------------------------------------------

class Harness:
    """A deployment of one kind (see KINDS); a context manager that cleans up."""

    def __init__(self, kind: str = "single", compat: bool = False, tls_verify: bool = False,
                 tls_first: bool = False, jetstream: bool = True):
        if kind not in KINDS:
            raise HarnessError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        self.kind, self.compat, self.tls_verify, self.tls_first = kind, compat, tls_verify, tls_first
        self.jetstream = jetstream
        self.binary = server_binary(compat)
        self.server_version = server_version(self.binary)
        if tls_first and tuple(int(x) for x in self.server_version.split(".")[:2]) < (2, 10):
            raise HarnessError(f"handshake_first needs nats-server 2.10 or newer, this is {self.server_version}")
        self.dir = Path(tempfile.mkdtemp(prefix=f"nervure-{kind}-"))
        self.servers: list[Server] = []
        self.token = self.user = self.password = self.nkey_seed = self.nkey_public = None
        self.creds_file = self.ca_file = self.cert_file = self.key_file = None
        try:
            self._build()
            for s in self.servers:
                s.start()
            for s in self.servers:
                s.wait_ready(jetstream=jetstream and kind != "jwt")
            if kind == "cluster":
                self._wait_cluster()
        except BaseException:
            self.close()
            raise

    # -- building blocks ---------------------------------------------------

    def _common(self, name: str, port: int, http: int, store: Path) -> str:
        conf = [f'server_name: "{name}"', "listen: 127.0.0.1:%d" % port, "http: 127.0.0.1:%d" % http,
                'lame_duck_duration: "30s"', 'lame_duck_grace_period: "500ms"']
        if self.jetstream:
            conf.append('jetstream { store_dir: "%s", max_memory_store: 268435456, max_file_store: 2147483648 }' % store)
        return "\n".join(conf) + "\n"

    def _build(self) -> None:
        if self.kind == "cluster":
            flat = free_ports(9)
            ports = [tuple(flat[i:i + 3]) for i in range(0, 9, 3)]
            routes = ", ".join(f"nats://127.0.0.1:{c}" for _, _, c in ports)
            for i, (p, h, c) in enumerate(ports):
                body = self._common(f"n{i}", p, h, self.dir / f"n{i}" / "js")
                body += 'cluster { name: "nervure", listen: 127.0.0.1:%d, routes: [%s] }\n' % (c, routes)
                self.servers.append(Server(f"n{i}", self.binary, self.dir / f"n{i}", p, h, body, c))
            return
        port, http = free_ports(2)
        body = self._common("n0", port, http, self.dir / "n0" / "js")
        body += getattr(self, f"_conf_{self.kind}")()
        self.servers.append(Server("n0", self.binary, self.dir / "n0", port, http, body))

    def _conf_single(self) -> str:
        return ""

    def _conf_token(self) -> str:
        self.token = "tok-" + secrets.token_hex(12)
        return 'authorization { token: "%s" }\n' % self.token

    def _conf_userpass(self) -> str:
        self.user, self.password = "shop", "pw-" + secrets.token_hex(12)
        return 'authorization { user: "%s", password: "%s" }\n' % (self.user, self.password)

    def _conf_nkey(self) -> str:
        key = NKey.generate(PREFIX_USER)
        self.nkey_seed, self.nkey_public = key.seed, key.public
        (self.dir / "user.nk").write_text(key.seed + "\n")
        return "authorization { users = [ { nkey: %s } ] }\n" % key.public

    def _conf_jwt(self) -> str:
        operator, account, user, system = (NKey.generate(PREFIX_OPERATOR), NKey.generate(PREFIX_ACCOUNT),
                                           NKey.generate(PREFIX_USER), NKey.generate(PREFIX_ACCOUNT))
        unlimited = {"subs": -1, "data": -1, "payload": -1, "imports": -1, "exports": -1, "wildcards": True,
                     "conn": -1, "leaf": -1}
        js = {"mem_storage": -1, "disk_storage": -1, "streams": -1, "consumer": -1}
        op_jwt = _jwt(operator, operator.public, "nervure-operator",
                      {"type": "operator", "version": 2, "system_account": system.public})
        acc_jwt = _jwt(operator, account.public, "SHOP",
                       {"type": "account", "version": 2, "limits": {**unlimited, **js}})
        sys_jwt = _jwt(operator, system.public, "SYS", {"type": "account", "version": 2, "limits": unlimited})
        user_jwt = _jwt(account, user.public, "shop-user",
                        {"type": "user", "version": 2, "pub": {}, "sub": {}, "subs": -1, "data": -1, "payload": -1})
        (self.dir / "operator.jwt").write_text(op_jwt)
        self.creds_file = str(self.dir / "user.creds")
        write_creds(Path(self.creds_file), user_jwt, user.seed)
        return ('operator: "%s"\nsystem_account: %s\nresolver: MEMORY\nresolver_preload: { %s: "%s", %s: "%s" }\n'
                % (self.dir / "operator.jwt", system.public, account.public, acc_jwt, system.public, sys_jwt))

    def _conf_tls(self) -> str:
        self._make_certs()
        extra = ", verify: true" if self.tls_verify else ""
        extra += ", handshake_first: true" if self.tls_first else ""
        return ('tls { cert_file: "%s", key_file: "%s", ca_file: "%s", timeout: 2%s }\n'
                % (self.dir / "server-cert.pem", self.dir / "server-key.pem", self.ca_file, extra))

    def _make_certs(self) -> None:
        d = self.dir

        def openssl(*args: str) -> None:
            r = subprocess.run(["openssl", *args], capture_output=True, text=True)
            if r.returncode:
                raise HarnessError(f"openssl {' '.join(args[:2])} failed: {r.stderr.strip()}")

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=nervure test CA",
                "-keyout", str(d / "ca-key.pem"), "-out", str(d / "ca.pem"))
        for who, san in (("server", "subjectAltName=DNS:localhost,IP:127.0.0.1"), ("client", "")):
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN=nervure {who}",
                    "-keyout", str(d / f"{who}-key.pem"), "-out", str(d / f"{who}.csr"))
            ext = d / f"{who}.ext"
            usage = "serverAuth" if who == "server" else "clientAuth"
            ext.write_text((san + "\n" if san else "") + f"extendedKeyUsage={usage}\n")
            openssl("x509", "-req", "-in", str(d / f"{who}.csr"), "-CA", str(d / "ca.pem"), "-CAkey",
                    str(d / "ca-key.pem"), "-CAcreateserial", "-days", "2", "-extfile", str(ext),
                    "-out", str(d / f"{who}-cert.pem"))
        self.ca_file = str(d / "ca.pem")
        self.cert_file, self.key_file = str(d / "client-cert.pem"), str(d / "client-key.pem")

    def _wait_cluster(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                routed = all(s.monitor("routez").get("num_routes", 0) >= 2 for s in self.servers)
                leader = not self.jetstream or all(
                    (s.monitor("jsz").get("meta_cluster") or {}).get("leader") for s in self.servers)
                if routed and leader:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise HarnessError("cluster did not form:\n" + "\n".join(s.log_tail(5) for s in self.servers))

    # -- what tests use ------------------------------------------------------

    @property
    def url(self) -> str:
        scheme = "tls" if self.kind == "tls" else "nats"
        return self.servers[0].url.replace("nats://", scheme + "://")

    @property
    def urls(self) -> list[str]:
        return [s.url for s in self.servers]

    @property
    def monitor_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{s.http_port}" for s in self.servers]

    def _server(self, i: int) -> Server:
        if not 0 <= i < len(self.servers):
            raise HarnessError(f"no server {i}; this deployment has {len(self.servers)}")
        return self.servers[i]

    def stop(self, i: int) -> None:
        self._server(i).stop()

    def kill(self, i: int) -> None:
        self._server(i).kill()

    def start(self, i: int) -> None:
        s = self._server(i)
        s.start()
        s.wait_ready(jetstream=self.jetstream and self.kind != "jwt")

    def restart(self, i: int) -> None:
        self.stop(i)
        self.start(i)

    def lame_duck(self, i: int) -> None:
        self._server(i).lame_duck()

    def pause(self, i: int) -> None:
        self._server(i).pause()

    def resume(self, i: int) -> None:
        self._server(i).resume()

    def describe(self) -> dict:
        return {
            "kind": self.kind, "url": self.url, "urls": self.urls, "monitor_urls": self.monitor_urls,
            "ports": [s.port for s in self.servers], "server_version": self.server_version,
            "token": self.token, "user": self.user, "password": self.password,
            "nkey_seed": self.nkey_seed, "nkey_public": self.nkey_public, "creds_file": self.creds_file,
            "ca_file": self.ca_file, "cert_file": self.cert_file, "key_file": self.key_file,
            "running": [s.running() for s in self.servers], "dir": str(self.dir),
        }

    def close(self) -> None:
        for s in self.servers:
            try:
                s.resume()
                s.kill() if s.running() else None
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> "Harness":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --------------------------------------------------------------------------
# The line protocol
# --------------------------------------------------------------------------

def serve(args: argparse.Namespace) -> int:
    try:
        h = Harness(args.kind, compat=args.compat, tls_verify=args.tls_verify, tls_first=args.tls_first,
                    jetstream=not args.no_jetstream)
    except HarnessError as e:
        print(json.dumps({"ok": False, "error": str(e)}), flush=True)
        return 1
    stop = lambda *_: (h.close(), sys.exit(0))  # noqa: E731
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        print(json.dumps({"ok": True, **h.describe()}), flush=True)
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            try:
                cmd = words[0]
                if cmd == "info":
                    reply = h.describe()
                elif cmd in ("restart", "kill", "start", "stop", "lame_duck", "pause", "resume") and len(words) == 2:
                    getattr(h, cmd)(int(words[1]))
                    reply = {}
                else:
                    raise HarnessError(f"unknown command {line.strip()!r}")
                print(json.dumps({"ok": True, **reply}), flush=True)
            except (HarnessError, ValueError, OSError) as e:
                print(json.dumps({"ok": False, "error": str(e)}), flush=True)
    finally:
        h.close()
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="start a deployment and take commands on stdin")
    s.add_argument("--kind", choices=KINDS, default="single")
    s.add_argument("--compat", action="store_true", help="use Debian's nats-server 2.9")
    s.add_argument("--tls-verify", action="store_true", help="require client certificates")
    s.add_argument("--tls-first", action="store_true", help="TLS before INFO (handshake_first)")
    s.add_argument("--no-jetstream", action="store_true")
    return serve(p.parse_args())


if __name__ == "__main__":
    sys.exit(main())
