#!/usr/bin/env python3
"""Generates the C ABI, each language's glue and the API reference from
bindings/api/*.json (Python 3 standard library only).

    generate.py            rewrite the generated files in the tree
    generate.py --out DIR  write them under DIR instead (same relative paths)
    generate.py --check    generate into a temporary directory and fail when a
                           checked-in file differs, is missing, or is a
                           generated file no backend produces any more

A backend is a module generator/backend_<name>.py with generate(api) ->
{path relative to the repository: text}; every such module is used, so a new
language needs no edit here. bindings/README.md has the details.
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import importlib  # noqa: E402

from model import GENERATED, ROOT, load  # noqa: E402

# Sorted by name so the order (and any clash report) is the same everywhere.
BACKENDS = [importlib.import_module(p.stem) for p in sorted(Path(__file__).resolve().parent.glob("backend_*.py"))]

# Where generated files live; --check looks here for ones nothing produces.
OUTPUT_DIRS = ["bindings", "python/nervure", "python/src", "docs/api", "node", "java", "go"]


def outputs() -> dict[str, str]:
    api = load()
    files: dict[str, str] = {}
    for backend in BACKENDS:
        for rel, text in backend.generate(api).items():
            if rel in files:
                raise SystemExit(f"{backend.__name__} and another backend both write {rel}")
            files[rel] = text
    return files


def write(files: dict[str, str], root: Path, quiet: bool = False) -> None:
    for rel, text in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            if not quiet:
                print(f"generated {rel}")


def orphans(files: dict[str, str]) -> list[str]:
    found = []
    for d in OUTPUT_DIRS:
        base = ROOT / d
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if not path.is_file() or path.suffix not in {".h", ".hpp", ".cpp", ".c", ".py", ".pyi", ".md", ".go",
                                                         ".java", ".js", ".ts", ".cc"}:
                continue
            rel = path.relative_to(ROOT).as_posix()
            if "generator/" in rel or "node_modules" in rel:
                continue
            try:
                head = path.read_text(errors="replace")[:400]
            except OSError:
                continue
            if GENERATED in head and rel not in files:
                found.append(rel)
    return found


def check(files: dict[str, str]) -> int:
    problems = []
    with tempfile.TemporaryDirectory(prefix="nervure-generated-") as tmp:
        write(files, Path(tmp), quiet=True)
        for rel in sorted(files):
            fresh = (Path(tmp) / rel).read_text()
            current = ROOT / rel
            if not current.exists():
                problems.append(f"{rel}: missing")
                continue
            old = current.read_text()
            if old != fresh:
                diff = difflib.unified_diff(old.splitlines(), fresh.splitlines(), f"checked-in {rel}",
                                            f"generated {rel}", lineterm="", n=1)
                problems.append(f"{rel}: differs\n" + "\n".join(list(diff)[:20]))
    problems += [f"{rel}: generated, but no backend produces it any more" for rel in orphans(files)]
    if problems:
        print("generated files are not current; run bindings/generator/generate.py\n" + "\n".join(problems))
        return 1
    print(f"{len(files)} generated files are current")
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="fail if generated files are not current")
    p.add_argument("--out", type=Path, help="write under this directory instead of the repository")
    args = p.parse_args()
    files = outputs()
    if args.check:
        return check(files)
    write(files, args.out or ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
