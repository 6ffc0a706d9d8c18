#!/usr/bin/env python3
"""Every nervure command against a real server: what a user types in a shell,
its output and its exit status. Usage: test_cli.py PATH/TO/nervure

Prints GoogleTest-style summary lines so scripts/run-tests.sh counts the cases
with the C++ suites."""
import json
import os
import subprocess
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests" / "harness"))
from nervure_harness import Harness  # noqa: E402

NERVURE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/bin/nervure"


def run(*args, timeout=30, server=True):
    cmd = [NERVURE, *args]
    if server:
        cmd += ["--server", CliTest.server.url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def start(*args):
    return subprocess.Popen([NERVURE, *args, "--server", CliTest.server.url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def settle():
    # A background subscriber has no "ready" line to wait for: give its SUB the
    # time to reach the server (a flush round trip on loopback is far shorter).
    time.sleep(0.5)


class CliTest(unittest.TestCase):
    server: Harness

    @classmethod
    def setUpClass(cls):
        cls.server = Harness("single")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_help_lists_every_command(self):
        r = run("--help", server=False)
        self.assertEqual(r.returncode, 0, r.stderr)
        for command in ("pub", "sub", "req", "reply", "bench"):
            self.assertIn(command, r.stdout)

    def test_published_messages_reach_a_subscriber_with_headers(self):
        sub = start("sub", "cli.orders", "--count", "2", "--headers")
        settle()
        self.assertEqual(run("pub", "cli.orders", "first", "--header", "Order-Id:7").returncode, 0)
        self.assertEqual(run("pub", "cli.orders", "second").returncode, 0)
        out, err = sub.communicate(timeout=10)
        self.assertEqual(sub.returncode, 0, err)
        self.assertIn("first", out)
        self.assertIn("second", out)
        self.assertIn("Order-Id", out)

    def test_request_gets_the_reply(self):
        replier = start("reply", "cli.authorise", "approved", "--count", "1")
        settle()
        r = run("req", "cli.authorise", "order 7", "--timeout", "2s")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("approved", r.stdout)
        replier.communicate(timeout=10)
        self.assertEqual(replier.returncode, 0)

    def test_request_without_responders_exits_4(self):
        r = run("req", "cli.nobody", "x", "--timeout", "2s")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertIn("no responders", r.stderr.lower())

    def test_bad_subject_is_a_usage_error(self):
        r = run("pub", "bad subject", "x")
        self.assertEqual(r.returncode, 2, r.stderr)

    def test_unknown_option_is_a_usage_error(self):
        r = run("pub", "cli.x", "--no-such-option", "1")
        self.assertEqual(r.returncode, 2)

    def test_unreachable_server_exits_6(self):
        r = run("pub", "cli.x", "y", "--server", "nats://127.0.0.1:1", server=False)
        self.assertEqual(r.returncode, 6, r.stderr)

    def test_bench_modes_print_one_json_line(self):
        for mode, msgs in (("pub", 2000), ("pubsub", 2000), ("reqrep", 50), ("js-pub", 50), ("js-async", 500),
                           ("js-fetch", 500), ("js-ordered", 500), ("kv-put", 50), ("kv-get", 50),
                           ("actor-call", 50), ("actor-update", 50), ("actor-activate", 50)):
            with self.subTest(mode=mode):
                r = run("bench", mode, "--msgs", str(msgs), "--duration", "10s", "--json")
                self.assertEqual(r.returncode, 0, r.stderr)
                result = json.loads(r.stdout)
                self.assertEqual(result["mode"], mode)
                self.assertEqual(result["msgs"], msgs)
                self.assertEqual(result["dropped"], 0)
                if mode in ("reqrep", "js-pub", "kv-put", "kv-get") or mode.startswith("actor-"):
                    self.assertGreater(result["p50_us"], 0)

    def test_unknown_bench_mode_is_a_usage_error(self):
        r = run("bench", "nonsense")
        self.assertEqual(r.returncode, 2)
        self.assertIn("js-ordered", r.stderr)


def main() -> int:
    # The summary lines imitate GoogleTest's, which scripts/run-tests.sh counts.
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print(f"[  PASSED  ] {passed} tests.")
    if skipped:
        print(f"[  SKIPPED ] {skipped} tests.")
    if failed:
        print(f"[  FAILED  ] {failed} tests.")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
