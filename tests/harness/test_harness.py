"""The harness itself, against the pinned server and Debian's 2.9 (compat).

Clients here are raw sockets speaking the NATS protocol, so a failure points
at the harness, not at nervure."""
from __future__ import annotations

import atexit
import base64
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nervure_harness as nh  # noqa: E402
from nervure_harness import Harness, HarnessError  # noqa: E402

SCRIPT = Path(nh.__file__)


def _available(compat: bool) -> bool:
    try:
        nh.server_binary(compat)
        return True
    except HarnessError:
        return False


VERSIONS = [pytest.param(False, id="pinned"),
            pytest.param(True, id="compat", marks=pytest.mark.skipif(not _available(True), reason="no 2.9 server"))]


class Raw:
    """A bare NATS client: enough protocol to tell whether the server behaves."""

    def __init__(self, port: int, tls: ssl.SSLContext | None = None, tls_first: bool = False,
                 hostname: str = "localhost", timeout: float = 5):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buf = b""
        if tls and tls_first:
            self.sock = tls.wrap_socket(self.sock, server_hostname=hostname)
        self.info = self.read_info()
        if tls and not tls_first:
            self.sock = tls.wrap_socket(self.sock, server_hostname=hostname)

    def read_info(self) -> dict:
        line = self.line()
        assert line.startswith(b"INFO "), line
        return json.loads(line[5:])

    def line(self) -> bytes:
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed; got {self.buf!r}")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def reply(self) -> bytes:
        """The next line that is not an asynchronous INFO (cluster topology updates)."""
        while (line := self.line()).startswith(b"INFO "):
            pass
        return line

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def connect(self, **fields) -> str:
        """CONNECT then PING: 'PONG' when accepted, otherwise the -ERR line."""
        opts = {"verbose": False, "pedantic": False, "protocol": 1, "lang": "raw", "version": "0", **fields}
        self.send(b"CONNECT " + json.dumps(opts).encode() + b"\r\nPING\r\n")
        while True:
            try:
                line = self.line().decode()
            except (ConnectionError, OSError) as e:
                return f"-ERR closed ({e})"
            if line == "PONG" or line.startswith("-ERR"):
                return line

    def request(self, subject: str, payload: bytes = b"") -> dict:
        self.send(b"SUB _INBOX.raw 1\r\nPUB %s _INBOX.raw %d\r\n%s\r\n" % (subject.encode(), len(payload), payload))
        while True:
            line = self.reply()
            if line.startswith(b"MSG "):
                size = int(line.split()[-1])
                while len(self.buf) < size + 2:
                    self.buf += self.sock.recv(65536)
                body, self.buf = self.buf[:size], self.buf[size + 2:]
                self.send(b"UNSUB 1\r\n")
                return json.loads(body)
            assert not line.startswith(b"-ERR"), line

    def close(self) -> None:
        self.sock.close()


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return False
    except ConnectionRefusedError:
        return True


def sign_nonce(seed: str, nonce: str) -> str:
    return base64.urlsafe_b64encode(nh.NKey.from_seed(seed).sign(nonce.encode())).decode().rstrip("=")


def tls_context(h: Harness, client_cert: bool = True) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=h.ca_file)
    if client_cert:
        ctx.load_cert_chain(h.cert_file, h.key_file)
    return ctx


def dead(pid: int, within: float = 5) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            # A zombie is dead for our purposes: nobody reaped it yet.
            if open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0] == "Z":
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


# --------------------------------------------------------------------------
# NKeys
# --------------------------------------------------------------------------

def test_nkey_text_form():
    for prefix, letter in ((nh.PREFIX_USER, "U"), (nh.PREFIX_ACCOUNT, "A"), (nh.PREFIX_OPERATOR, "O")):
        key = nh.NKey.generate(prefix)
        assert key.public[0] == letter and len(key.public) == 56
        assert key.seed[:2] == "S" + letter and len(key.seed) == 58
        assert nh.NKey.from_seed(key.seed) == key
    assert nh.crc16_xmodem(b"123456789") == 0x31C3  # the standard check value
    seed = nh.NKey.generate(nh.PREFIX_USER).seed
    corrupt = seed[:10] + ("A" if seed[10] != "A" else "B") + seed[11:]
    with pytest.raises(HarnessError):
        nh.NKey.from_seed(corrupt)


# --------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------

@pytest.mark.parametrize("compat", VERSIONS)
def test_single_has_jetstream(compat):
    with Harness("single", compat=compat) as h:
        assert h.url == f"nats://127.0.0.1:{h.ports[0]}" and h.urls == [h.url]
        c = Raw(h.ports[0])
        assert c.info["version"] == h.server_version
        assert c.info["host"] == "127.0.0.1" and c.info.get("jetstream") is True
        assert c.connect() == "PONG"
        assert "error" not in c.request("$JS.API.INFO")
        assert h.monitor(0, "varz")["server_name"] == c.info["server_name"]
        assert str(h.dir) in h.monitor(0, "jsz")["config"]["store_dir"]
        c.close()
    assert not h.dir.exists()


@pytest.mark.parametrize("compat", VERSIONS)
def test_token(compat):
    with Harness("token", compat=compat) as h:
        assert Raw(h.ports[0]).info.get("auth_required") is True
        assert "Authorization Violation" in Raw(h.ports[0]).connect()
        assert "Authorization Violation" in Raw(h.ports[0]).connect(auth_token="wrong")
        assert Raw(h.ports[0]).connect(auth_token=h.token) == "PONG"


@pytest.mark.parametrize("compat", VERSIONS)
def test_userpass(compat):
    with Harness("userpass", compat=compat) as h:
        assert "Authorization Violation" in Raw(h.ports[0]).connect()
        assert "Authorization Violation" in Raw(h.ports[0]).connect(user=h.user, **{"pass": "wrong"})
        assert Raw(h.ports[0]).connect(user=h.user, **{"pass": h.password}) == "PONG"


@pytest.mark.parametrize("compat", VERSIONS)
def test_nkey(compat):
    with Harness("nkey", compat=compat) as h:
        assert h.nkey_public.startswith("U") and h.nkey_seed.startswith("SU")
        assert "Authorization Violation" in Raw(h.ports[0]).connect()
        c = Raw(h.ports[0])
        assert c.connect(nkey=h.nkey_public, sig=sign_nonce(h.nkey_seed, c.info["nonce"])) == "PONG"
        other = nh.NKey.generate(nh.PREFIX_USER)
        c = Raw(h.ports[0])
        assert "Authorization Violation" in c.connect(nkey=other.public, sig=sign_nonce(other.seed, c.info["nonce"]))


def read_creds(path: str) -> tuple[str, str]:
    lines = [line.strip() for line in Path(path).read_text().splitlines()]
    jwt = lines[lines.index("-----BEGIN NATS USER JWT-----") + 1]
    seed = lines[lines.index("-----BEGIN USER NKEY SEED-----") + 1]
    assert "------END NATS USER JWT------" in lines and "------END USER NKEY SEED------" in lines
    return jwt, seed


@pytest.mark.parametrize("compat", VERSIONS)
def test_jwt_operator_mode(compat):
    with Harness("jwt", compat=compat) as h:
        jwt, seed = read_creds(h.creds_file)
        assert seed == h.nkey_seed and oct(Path(h.creds_file).stat().st_mode)[-3:] == "600"
        assert "Authorization Violation" in Raw(h.ports[0]).connect()
        c = Raw(h.ports[0])
        assert c.connect(jwt=jwt, sig=sign_nonce(seed, c.info["nonce"])) == "PONG"
        # The account JWT enables JetStream for the account.
        assert "error" not in c.request("$JS.API.INFO"), "JetStream is off for the JWT account"


@pytest.mark.parametrize("compat", VERSIONS)
def test_tls(compat):
    with Harness("tls", compat=compat) as h:
        assert h.url.startswith("tls://127.0.0.1:")
        assert Raw(h.ports[0]).info.get("tls_required") is True
        for hostname in ("localhost", "127.0.0.1"):  # both SANs
            assert Raw(h.ports[0], tls_context(h, client_cert=False), hostname=hostname).connect() == "PONG"
        with pytest.raises(ssl.SSLCertVerificationError):
            Raw(h.ports[0], ssl.create_default_context())  # not our CA


@pytest.mark.parametrize("compat", VERSIONS)
def test_tls_verify_requires_a_client_cert(compat):
    with Harness("tls", compat=compat, tls_verify=True) as h:
        assert Raw(h.ports[0], tls_context(h)).connect() == "PONG"
        # TLS 1.3 reports a missing client cert after the handshake, at the first read.
        with pytest.raises((ssl.SSLError, ConnectionError, OSError)):
            c = Raw(h.ports[0], tls_context(h, client_cert=False))
            assert c.connect() != "PONG"
            raise ConnectionError(c.connect())


@pytest.mark.parametrize("compat", VERSIONS)
def test_tls_first(compat):
    if compat:
        with pytest.raises(HarnessError, match=r"needs nats-server 2.10 .* is 2\.9"):
            Harness("tls", compat=True, tls_first=True)
        return
    with Harness("tls", tls_first=True) as h:
        c = Raw(h.ports[0], tls_context(h), tls_first=True)
        assert c.info.get("tls_required") is True and c.connect() == "PONG"


@pytest.mark.parametrize("compat", VERSIONS)
def test_cluster_forms(compat):
    with Harness("cluster", compat=compat) as h:
        assert len(h.urls) == 3 and len(set(h.ports)) == 3
        names = {Raw(p).info["server_name"] for p in h.ports}
        assert len(names) == 3
        leaders = {h.monitor(i, "jsz")["meta_cluster"]["leader"] for i in range(3)}
        assert len(leaders) == 1 and leaders <= names
        # Interest crosses routes: a subscriber on n2 hears a publisher on n0.
        sub, pub = Raw(h.ports[2]), Raw(h.ports[0])
        assert sub.connect() == pub.connect() == "PONG"
        sub.send(b"SUB cross 1\r\nPING\r\n")
        assert sub.reply() == b"PONG"
        deadline = time.monotonic() + 5
        while h.monitor(0, "subsz").get("num_subscriptions", 0) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        pub.send(b"PUB cross 2\r\nhi\r\n")
        assert sub.reply().startswith(b"MSG cross 1") and sub.line() == b"hi"

        h.kill(0)
        assert refused(h.ports[0]) and h.info()["states"][0] == "stopped"
        h.start(0)
        assert len(h.servers[0].route_peers()) == 2 and Raw(h.ports[0]).connect() == "PONG"


# --------------------------------------------------------------------------
# Control
# --------------------------------------------------------------------------

@pytest.mark.parametrize("compat", VERSIONS)
def test_restart_keeps_port_and_store(compat):
    with Harness("single", compat=compat) as h:
        c = Raw(h.ports[0])
        c.connect()
        stream = {"name": "KEEP", "subjects": ["keep.>"], "storage": "file"}
        assert "error" not in c.request("$JS.API.STREAM.CREATE.KEEP", json.dumps(stream).encode())
        before = c.info["server_id"]
        h.restart(0)
        with pytest.raises((ConnectionError, OSError)):
            c.line()  # the old connection is gone
        c = Raw(h.ports[0])
        assert c.info["server_id"] != before and c.connect() == "PONG"
        assert c.request("$JS.API.STREAM.INFO.KEEP")["config"]["name"] == "KEEP"


@pytest.mark.parametrize("compat", VERSIONS)
def test_kill_stop_start(compat):
    with Harness("single", compat=compat) as h:
        pid = h.servers[0].proc.pid
        h.kill(0)
        assert dead(pid) and refused(h.ports[0])
        h.start(0)
        assert Raw(h.ports[0]).connect() == "PONG"
        h.stop(0)
        assert refused(h.ports[0]) and h.info()["running"] == [False]
        h.stop(0)  # stopping a stopped server is harmless
        with pytest.raises(HarnessError, match="no server 3"):
            h.kill(3)


@pytest.mark.parametrize("compat", VERSIONS)
def test_lame_duck(compat):
    with Harness("single", compat=compat) as h:
        c = Raw(h.ports[0])
        assert c.connect() == "PONG"
        h.lame_duck(0)
        assert refused(h.ports[0]) and h.info()["states"] == ["lame_duck"]
        # 2.11+ first sends an INFO answering CONNECT; then comes the one announcing lame duck mode.
        while not (line := c.line()).startswith(b"INFO ") or not json.loads(line[5:]).get("ldm"):
            pass
        h.start(0)  # ends the draining server, starts afresh on the same port
        assert Raw(h.ports[0]).connect() == "PONG"


def test_pause_resume():
    with Harness("single", jetstream=False) as h:
        h.pause(0)
        with pytest.raises(socket.timeout):
            Raw(h.ports[0], timeout=0.3)  # accepted by the kernel, never greeted
        h.resume(0)
        assert Raw(h.ports[0]).connect() == "PONG"
        h.pause(0)
        h.stop(0)  # a paused server still stops promptly
        assert refused(h.ports[0])


def test_server_started_from_a_passing_thread_survives_it():
    with Harness("single", jetstream=False) as h:
        h.stop(0)
        t = threading.Thread(target=h.start, args=(0,))
        t.start()
        t.join()
        time.sleep(0.3)
        assert h.servers[0].running() and Raw(h.ports[0]).connect() == "PONG"


def test_a_forked_child_can_start_its_own_and_leaves_ours_alone():
    with Harness("single", jetstream=False) as h:
        pid = os.fork()
        if pid == 0:
            try:
                with Harness("single", jetstream=False) as mine:
                    ok = Raw(mine.ports[0]).connect() == "PONG"
            except BaseException:
                ok = False
            atexit._run_exitfuncs()  # as a normal exit would: must not touch the parent's harness
            os._exit(0 if ok else 1)  # not sys.exit: pytest would go on running in the child
        deadline = time.monotonic() + 20
        while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        status = done[1]
        if done[0] == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung starting its harness")
        assert os.waitstatus_to_exitcode(status) == 0
        assert Raw(h.ports[0]).connect() == "PONG"


def test_errors_are_clear(monkeypatch):
    with pytest.raises(HarnessError, match="unknown kind 'bogus'"):
        Harness("bogus")
    with pytest.raises(HarnessError, match="options of the tls kind"):
        Harness("single", tls_verify=True)
    monkeypatch.setenv("NERVURE_NATS_SERVER", "/nonexistent/nats-server")
    with pytest.raises(HarnessError, match="NERVURE_NATS_SERVER=/nonexistent/nats-server"):
        Harness("single")


def test_a_server_that_fails_shows_its_log(tmp_path, monkeypatch):
    fake = tmp_path / "nats-server"
    fake.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo 'nats-server: v9.9.9' && exit 0\n"
                    "echo 'boom: cannot start' >&2; exit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("NERVURE_NATS_SERVER", str(fake))
    with pytest.raises(HarnessError, match=r"(?s)exited with status 3.*boom: cannot start"):
        Harness("single")


# --------------------------------------------------------------------------
# Cleanup when the test process dies
# --------------------------------------------------------------------------

def test_servers_die_with_a_killed_python_process():
    code = ("import sys; sys.path.insert(0, %r); from nervure_harness import Harness\n"
            "h = Harness('single', jetstream=False); print(h.servers[0].proc.pid, h.dir, flush=True)\n"
            "import time; time.sleep(60)" % str(SCRIPT.parent))
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    server, workdir = p.stdout.readline().split()
    p.kill()
    p.wait()
    assert dead(int(server)), "the server outlived the killed test process"
    # Nobody was left to remove its files: the next harness to start does.
    nh._swept = False
    nh._sweep_stale_dirs()
    assert not Path(workdir).exists()


def test_sigterm_cleans_up_the_python_process():
    code = ("import sys; sys.path.insert(0, %r); from nervure_harness import Harness\n"
            "h = Harness('single', jetstream=False); print(h.servers[0].proc.pid, h.dir, flush=True)\n"
            "import time; time.sleep(60)" % str(SCRIPT.parent))
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    server, workdir = p.stdout.readline().split()
    p.terminate()
    assert p.wait(10) == -signal.SIGTERM
    assert dead(int(server)) and not Path(workdir).exists()


# --------------------------------------------------------------------------
# The line protocol
# --------------------------------------------------------------------------

def serve(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(SCRIPT), "serve", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, **kwargs)


def ask(p: subprocess.Popen, line: str) -> dict:
    p.stdin.write(line + "\n")
    p.stdin.flush()
    return json.loads(p.stdout.readline())


FIELDS = {"ok", "kind", "url", "urls", "monitor_urls", "ports", "server_version", "token", "user", "password",
          "nkey_seed", "nkey_public", "creds_file", "ca_file", "cert_file", "key_file", "running", "dir"}


@pytest.mark.parametrize("compat", VERSIONS)
def test_cli_protocol(compat):
    p = serve("--kind", "token", *(["--compat"] if compat else []))
    try:
        info = json.loads(p.stdout.readline())
        assert info["ok"] and FIELDS <= info.keys() and info["kind"] == "token"
        assert info["server_version"].startswith("2.9.") == compat
        assert info["token"] and info["creds_file"] is None
        port = info["ports"][0]
        assert Raw(port).connect(auth_token=info["token"]) == "PONG"
        assert ask(p, "restart 0")["ok"] and ask(p, "info")["ports"] == [port]
        assert ask(p, "kill 0") == {"ok": True, "running": [False], "states": ["stopped"]}
        assert ask(p, "start 0")["running"] == [True]
        assert Raw(port).connect(auth_token=info["token"]) == "PONG"
        bad = ask(p, "frobnicate 0")
        assert not bad["ok"] and "unknown command" in bad["error"]
        assert ask(p, "stop 7") == {"ok": False, "error": "no server 7; this deployment has 1"}
        assert not ask(p, "kill x")["ok"]
        server = int(subprocess.check_output(["pgrep", "-f", f"{info['dir']}/n0/server.conf"]).split()[0])
    finally:
        p.stdin.close()
    assert p.wait(15) == 0
    assert dead(server) and not Path(info["dir"]).exists()


def test_cli_reports_a_failed_start():
    p = serve("--kind", "tls", "--tls-first", env={**os.environ, "NERVURE_NATS_SERVER": "/nonexistent"})
    out, _ = p.communicate(timeout=15)
    assert p.returncode == 1
    assert json.loads(out) == {"ok": False, "error": "NERVURE_NATS_SERVER=/nonexistent is not an executable nats-server"}


def test_cli_sigterm():
    p = serve("--kind", "cluster", "--no-jetstream")
    info = json.loads(p.stdout.readline())
    assert len(info["urls"]) == 3 and info["cluster_ports"]
    p.terminate()
    assert p.wait(15) == 128 + signal.SIGTERM
    assert all(refused(port) for port in info["ports"]) and not Path(info["dir"]).exists()


def test_cli_notices_its_parent_dying():
    # The parent dies but a child of it keeps the harness's stdin open: no EOF comes.
    parent = ("import subprocess, sys, os\n"
              "r, w = os.pipe()\n"
              "p = subprocess.Popen([sys.executable, %r, 'serve', '--no-jetstream'], stdin=r, stdout=subprocess.PIPE)\n"
              "subprocess.Popen(['sleep', '30'], pass_fds=[w])\n"
              "sys.stdout.write(p.stdout.readline().decode()); sys.stdout.flush()\n"
              "import time; time.sleep(60)" % str(SCRIPT))
    p = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        info = json.loads(p.stdout.readline())
        p.kill()
        p.wait()
        deadline = time.monotonic() + 5
        while Path(info["dir"]).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(info["dir"]).exists() and refused(info["ports"][0])
    finally:
        os.killpg(p.pid, signal.SIGKILL)  # the sleep
