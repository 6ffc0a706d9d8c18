#!/usr/bin/env python3
"""Runs a command with NERVURE_URL pointing at a fresh local server:
    run_with_server.py COMMAND [ARGS...]
Exits with the command's status; the server is gone afterwards."""
import os
import subprocess
import sys

from nervure_harness import Harness

if len(sys.argv) < 2:
    sys.exit(__doc__)
with Harness("single") as h:
    sys.exit(subprocess.run(sys.argv[1:], env={**os.environ, "NERVURE_URL": h.url}).returncode)
