#!/usr/bin/env python3
"""Checks that backend_go.py translates every construct the definition format
allows, not only those bindings/api/ uses today: it adds an extra definition
(an object with every argument and return type, a source object, records of
each encoding, an error with fields of each kind), generates the C header and
the Go glue for it into a temporary copy of go/, and runs `go vet` there (cgo
type-checks every call against the header). Exit status 0 when it compiles."""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bindings" / "generator"))
import backend_c  # noqa: E402
import backend_go  # noqa: E402
import model  # noqa: E402

EXTRA = {
    "errors": [{"name": "ProbeError", "code": 99, "parent": "NervureError", "doc": "A probe.", "core_class": "X",
                "fields": [{"name": "count", "type": "int", "doc": "n"}, {"name": "big", "type": "uint", "doc": "u"},
                           {"name": "flag", "type": "bool", "doc": "b"}, {"name": "wait", "type": "duration", "doc": "d"},
                           {"name": "why", "type": "string", "doc": "s"}]}],
    "events": [{"name": "probe_event", "code": 99, "doc": "A probe."}],
    "options": {"connect": [{"name": "probe_ms", "type": "duration", "default": 5, "doc": "d"},
                            {"name": "probe_flag", "type": "bool", "default": False, "doc": "b"}]},
    "types": [
        {"name": "probe_struct", "encoding": "struct", "core": "S", "doc": "s",
         "fields": [{"name": "a", "type": "int", "doc": ""}, {"name": "b", "type": "uint", "doc": ""},
                    {"name": "c", "type": "bool", "doc": ""}, {"name": "d", "type": "duration", "doc": ""}]},
        {"name": "probe_json", "encoding": "json", "core": "J", "doc": "j",
         "fields": [{"name": "names", "type": "string_list", "doc": ""}, {"name": "data", "type": "bytes", "doc": ""},
                    {"name": "when", "type": "duration", "doc": ""}, {"name": "h", "type": "headers", "doc": ""}]},
        {"name": "probe_item", "encoding": "batch", "core": "I", "doc": "i",
         "fields": [{"name": "key", "type": "string", "doc": ""}, {"name": "value", "type": "bytes", "doc": ""},
                    {"name": "revision", "type": "uint", "doc": ""}, {"name": "delta", "type": "int", "doc": ""},
                    {"name": "deleted", "type": "bool", "doc": ""}, {"name": "h", "type": "headers", "doc": ""}]},
    ],
    "objects": [
        {"name": "connection", "handle": "nervure::bridge::Bridge", "operations": [
            {"name": "probe", "kind": "call", "returns": "probe_thing", "doc": "p", "args": []}]},
        {"name": "probe_thing", "handle": "P", "doc": "A probe object.", "operations": [
            {"name": "every_arg", "kind": "call", "doc": "a", "errors": ["ProbeError"],
             "args": [{"name": "s", "type": "string"}, {"name": "b", "type": "bytes"}, {"name": "i", "type": "int"},
                      {"name": "u", "type": "uint"}, {"name": "f", "type": "bool"}, {"name": "d", "type": "duration"},
                      {"name": "h", "type": "headers", "default": None}]},
            {"name": "get_string", "kind": "call", "returns": "string", "doc": "", "args": []},
            {"name": "get_bytes", "kind": "blocking", "returns": "bytes", "doc": "", "errors": ["TimeoutError"],
             "args": []},
            {"name": "get_uint", "kind": "call", "returns": "uint", "doc": "", "args": []},
            {"name": "get_duration", "kind": "call", "returns": "duration", "doc": "", "args": []},
            {"name": "get_struct", "kind": "blocking", "returns": "probe_struct", "doc": "", "args": []},
            {"name": "get_json", "kind": "call", "returns": "probe_json", "doc": "", "errors": ["ProbeError"],
             "args": []},
            {"name": "get_source", "kind": "call", "returns": "probe_source", "doc": "", "args": []},
            {"name": "later", "kind": "async", "doc": "", "args": [{"name": "t", "type": "duration", "default": 5}]},
            {"name": "later_msg", "kind": "async", "returns": "message", "hot": True, "doc": "",
             "args": [{"name": "s", "type": "string"}]},
        ]},
        {"name": "probe_source", "handle": "Q", "source": True, "doc": "A probe source.", "operations": [
            {"name": "ack", "kind": "call", "doc": "", "args": [{"name": "seq", "type": "uint"}]}]},
    ],
}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="nervure-go-backend-") as tmp:
        tmp = Path(tmp)
        api_dir = tmp / "api"
        shutil.copytree(ROOT / "bindings" / "api", api_dir)
        (api_dir / "zz_probe.json").write_text(json.dumps(EXTRA))
        api = model.load(api_dir)
        files = {**backend_c.generate(api), **backend_go.generate(api)}
        tree = tmp / "tree"
        for rel in ("go", "bindings/c/include"):
            (tree / rel).mkdir(parents=True, exist_ok=True)
        for f in (ROOT / "go").glob("*"):
            if f.is_file() and not f.name.endswith("_test.go"):
                shutil.copy(f, tree / "go" / f.name)
        for rel, text in files.items():
            if rel.startswith(("go/", "bindings/c/include/")):
                (tree / rel).write_text(text)
        r = subprocess.run(["go", "vet", "."], cwd=tree / "go", capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout + r.stderr)
            print("backend check: the Go glue of the probe definition does not compile")
            return 1
        print("backend check: every construct of the definition format compiles in Go")
        return 0


if __name__ == "__main__":
    sys.exit(main())
