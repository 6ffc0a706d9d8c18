"""Loads bindings/api/nervure.json and gives the backends one shape to walk."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFINITION = ROOT / "bindings" / "api" / "nervure.json"

ARG_TYPES = {"string", "bytes", "int", "bool", "headers", "duration_ms"}
RETURN_TYPES = {None, "bool", "int", "string", "json", "stats", "subscription", "message"}
KINDS = {"call", "blocking", "async"}


@dataclass
class Arg:
    name: str
    type: str
    default: object = None
    has_default: bool = False


@dataclass
class Operation:
    name: str
    kind: str
    doc: str
    args: list[Arg]
    returns: str | None


@dataclass
class Object:
    name: str
    doc: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Api:
    errors: list[dict]
    events: list[dict]
    options: list[dict]
    objects: list[Object]


def load(path: Path = DEFINITION) -> Api:
    raw = json.loads(path.read_text())
    objects = []
    for o in raw["objects"]:
        ops = []
        for op in o["operations"]:
            args = [Arg(a["name"], a["type"], a.get("default"), "default" in a) for a in op["args"]]
            for a in args:
                if a.type not in ARG_TYPES:
                    raise SystemExit(f"{o['name']}.{op['name']}: unknown argument type {a.type!r}")
            if op["kind"] not in KINDS:
                raise SystemExit(f"{o['name']}.{op['name']}: unknown kind {op['kind']!r}")
            if op.get("returns") not in RETURN_TYPES:
                raise SystemExit(f"{o['name']}.{op['name']}: unknown return type {op.get('returns')!r}")
            ops.append(Operation(op["name"], op["kind"], op["doc"], args, op.get("returns")))
        objects.append(Object(o["name"], o["doc"], ops))
    for opt in raw["options"]["connect"]:
        if opt["type"] not in ARG_TYPES:
            raise SystemExit(f"option {opt['name']}: unknown type {opt['type']!r}")
    return Api(raw["errors"], raw["events"], raw["options"]["connect"], objects)


def camel(name: str, upper_first: bool = False) -> str:
    parts = name.split("_")
    head = parts[0].capitalize() if upper_first else parts[0]
    return head + "".join(p.capitalize() for p in parts[1:])


GENERATED = "generated from bindings/api/nervure.json by bindings/generator; do not edit"
