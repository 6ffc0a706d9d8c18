#!/usr/bin/env python3
"""Generates the C ABI, each language's glue and the API reference from
bindings/api/nervure.json. With --check, writes nothing and fails when a
checked-in file differs from what would be generated (CI runs this)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import backend_c  # noqa: E402
import backend_docs  # noqa: E402
import backend_python  # noqa: E402
import backend_runtime  # noqa: E402
from model import ROOT, load  # noqa: E402

BACKENDS = [backend_runtime, backend_c, backend_python, backend_docs]


def outputs() -> dict[str, str]:
    api = load()
    files: dict[str, str] = {}
    for backend in BACKENDS:
        files.update(backend.generate(api))
    return files


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--check", action="store_true", help="fail if generated files are not current")
    args = p.parse_args()
    stale = []
    for rel, text in outputs().items():
        path = ROOT / rel
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(rel)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
                print(f"generated {rel}")
    if stale:
        print("generated files are not current; run bindings/generator/generate.py:\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
