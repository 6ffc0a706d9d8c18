#!/usr/bin/env python3
"""Generates the Node glue for a synthetic definition that uses every construct
bindings/generator/model.py allows (every kind, argument type, default and
return kind), with stub operations, so that the generated C++ compiles, the JS
parses and index.d.ts type-checks. Usage: generator_cover.py OUT_DIR"""
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bindings" / "generator"))
import backend_node  # noqa: E402
import model  # noqa: E402

out = Path(sys.argv[1])
api_dir = out / "api"
api_dir.mkdir(parents=True, exist_ok=True)
for f in ("errors.json", "connection.json"):
    (api_dir / f).write_text((REPO / "bindings" / "api" / f).read_text())

ARGS = [
    {"name": "s", "type": "string"},
    {"name": "b", "type": "bytes"},
    {"name": "i", "type": "int"},
    {"name": "u", "type": "uint"},
    {"name": "f", "type": "bool"},
    {"name": "d", "type": "duration"},
    {"name": "s2", "type": "string", "default": "x\"y"},
    {"name": "b2", "type": "bytes", "default": "z"},
    {"name": "i2", "type": "int", "default": -3},
    {"name": "u2", "type": "uint", "default": 7},
    {"name": "f2", "type": "bool", "default": True},
    {"name": "d2", "type": "duration", "default": 1500},
    {"name": "h", "type": "headers", "default": None},
]
ops = []
returns = [None, "bool", "int", "uint", "string", "bytes", "duration", "stats", "server_info", "probe_item", "probe"]
for kind in ("call", "blocking"):
    for r in returns:
        ops.append({"name": f"{kind}_{r or 'none'}", "kind": kind, "doc": "probe", "args": ARGS, "returns": r,
                    "errors": ["TimeoutError"]})
for r in (None, "uint", "server_info"):  # blocking with an _async form for event loops
    ops.append({"name": f"loop_{r or 'none'}", "kind": "blocking", "loop_async": True, "doc": "probe", "args": ARGS,
                "returns": r})
ops.append({"name": "async_none", "kind": "async", "doc": "probe", "args": ARGS[:2], "hot": True})
ops.append({"name": "async_msg", "kind": "async", "doc": "probe", "args": [], "returns": "message"})
ops.append({"name": "hot_call", "kind": "call", "doc": "probe", "args": ARGS[:1], "hot": True})
ops.append({"name": "no_args", "kind": "call", "doc": "probe", "args": []})
probe = {
    "types": [{"name": "probe_item", "encoding": "batch", "core": "ProbeItem", "doc": "probe", "fields": [
        {"name": f"{t}_field", "type": t, "doc": "probe"} for t in
        ("string", "bytes", "int", "uint", "bool", "duration", "headers", "string_list")]}],
    "objects": [{"name": "probe", "doc": "probe", "handle": "nervure::bridge::Bridge", "source": True,
                 "operations": ops}],
}
(api_dir / "zz_probe.json").write_text(json.dumps(probe))
api = model.load(api_dir)
files = backend_node.generate(api)
for rel, text in files.items():
    (out / Path(rel).name).write_text(text)

# Stub operations, with the signatures the glue calls, for the probe object.
CPP = {"string": "std::string_view", "bytes": "std::string_view", "int": "int64_t", "uint": "uint64_t",
       "bool": "bool", "duration": "int64_t", "headers": "const Headers*"}
RET = {None: "void", "bool": "bool", "int": "int64_t", "uint": "uint64_t", "string": "std::string",
       "bytes": "std::string", "duration": "int64_t", "stats": "Stats", "server_info": "std::string",
       "probe_item": "ProbeItem", "probe": "std::shared_ptr<bridge::Bridge>", "message": "void"}
stub = ["#pragma once", '#include "../real_ops.hpp"', "namespace nervure {",
        "struct ProbeItem { std::string string_field, bytes_field; int64_t int_field = 0; uint64_t uint_field = 0;",
        "  bool bool_field = false; int64_t duration_field = 0; Headers headers_field;",
        "  std::vector<std::string> string_list_field; };", "}", "namespace nervure::ops {"]
probe_ops = [form for op in api.object("probe").operations for form in [op] + ([op.loop_form()] if op.loop_async else [])]
for op in probe_ops:
    params = ["Bridge&"] + (["AsyncTarget"] if op.kind == "async" else []) + [CPP[a.type] for a in op.args]
    ret = RET[op.returns] if op.kind != "async" else "void"
    stub.append(f"inline {ret} probe_{op.name}({', '.join(params)}) {{ return {ret}(); }}" if ret != "void"
                else f"inline void probe_{op.name}({', '.join(params)}) {{}}")
stub.append("}")
(out / "stub").mkdir(exist_ok=True)
(out / "stub" / "ops.hpp").write_text("\n".join(stub) + "\n")
(out / "real_ops.hpp").write_text((REPO / "bindings" / "runtime" / "ops.hpp").read_text())
print(out)
