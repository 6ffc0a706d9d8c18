"""Loads bindings/api/*.json into one checked model that every backend walks.

The files are merged in name order; each may contribute errors, events,
options, types and objects (bindings/README.md describes the format). Anything
the backends could not translate faithfully is rejected here, with the place
it was found, so a bad entry fails the generator instead of producing glue
that fails later in one language only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
API_DIR = ROOT / "bindings" / "api"

GENERATED = "generated from the definition in bindings/api/ by bindings/generator; do not edit"

# What a value means, not how a language spells it: each backend maps these.
SCALARS = {"string", "bytes", "int", "uint", "bool", "duration"}
ARG_TYPES = SCALARS | {"headers"}
OPTION_TYPES = {"string", "int", "bool", "duration"}
FIELD_TYPES = SCALARS | {"headers", "string_list"}
ENCODINGS = {"struct", "json", "batch"}
KINDS = {
    "call": "returns at once",
    "blocking": "may wait; languages with an event loop run it off the loop",
    "async": "completes later through the bridge (a token, or a C callback)",
}


class DefinitionError(SystemExit):
    pass


@dataclass
class Field:
    name: str
    type: str
    doc: str
    core: str | None = None


@dataclass
class Type:
    name: str
    encoding: str
    doc: str
    fields: list[Field]
    core: str  # the C++ type in namespace nervure


@dataclass
class Error:
    name: str
    code: int
    parent: str | None
    doc: str
    core_class: str | None = None
    fields: list[Field] = field(default_factory=list)


@dataclass
class Event:
    name: str
    code: int
    doc: str


@dataclass
class Option:
    name: str
    type: str
    default: Any
    doc: str
    core: str
    min: int | None = None


@dataclass
class Arg:
    name: str
    type: str
    doc: str = ""
    default: Any = None
    has_default: bool = False


@dataclass
class Operation:
    name: str
    kind: str
    doc: str
    args: list[Arg]
    returns: str | None
    errors: list[str]
    hot: bool = False
    object: str = ""
    # A blocking operation that event-loop languages (Python, Node) await
    # through ops::<object>_<name>_async instead of running it in a thread.
    loop_async: bool = False

    @property
    def required_args(self) -> list[Arg]:
        return [a for a in self.args if not a.has_default]

    def loop_form(self) -> Operation:
        """The async operation <name>_async (ops::<object>_<name>_async) that
        event-loop languages await for a loop_async one; its completion's
        message data is the result's text (a number in decimal, a json record)."""
        return Operation(f"{self.name}_async", "async", self.doc + " Completes through take() with the result as "
                         "the message data's text.", self.args, None, self.errors, False, self.object)


@dataclass
class Object:
    name: str
    doc: str
    source: bool
    handle: str  # the runtime C++ class a handle of this object shares
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Api:
    errors: list[Error]
    events: list[Event]
    options: dict[str, list[Option]]
    types: dict[str, Type]
    objects: list[Object]
    files: list[str]

    @property
    def connect_options(self) -> list[Option]:
        return self.options.get("connect", [])

    def object(self, name: str) -> Object:
        return next(o for o in self.objects if o.name == name)

    def error(self, name: str) -> Error:
        return next(e for e in self.errors if e.name == name)

    def returns_kind(self, returns: str | None) -> str:
        """'none', 'scalar', 'object' (a handle), or the record's encoding."""
        if returns is None:
            return "none"
        if returns in SCALARS:
            return "scalar"
        if returns in self.types:
            return self.types[returns].encoding
        return "object"


def _need(raw: dict, key: str, where: str) -> Any:
    if key not in raw:
        raise DefinitionError(f"{where}: missing '{key}'")
    return raw[key]


def _fields(raw: list, where: str) -> list[Field]:
    out = []
    for f in raw:
        t = _need(f, "type", f"{where}.{f.get('name')}")
        if t not in FIELD_TYPES:
            raise DefinitionError(f"{where}.{f['name']}: unknown field type {t!r}")
        out.append(Field(f["name"], t, f.get("doc", ""), f.get("core")))
    return out


def load(api_dir: Path = API_DIR) -> Api:
    errors: list[Error] = []
    events: list[Event] = []
    options: dict[str, list[Option]] = {}
    types: dict[str, Type] = {}
    objects: list[Object] = []
    files = sorted(p.name for p in api_dir.glob("*.json"))
    if not files:
        raise DefinitionError(f"no definition files in {api_dir}")
    for name in files:
        try:
            raw = json.loads((api_dir / name).read_text())
        except json.JSONDecodeError as e:
            raise DefinitionError(f"{name}: not valid JSON: {e}") from None
        for e in raw.get("errors", []):
            errors.append(Error(e["name"], e["code"], e.get("parent"), e.get("doc", ""), e.get("core_class"),
                                _fields(e.get("fields", []), f"{name}: error {e['name']}")))
        for ev in raw.get("events", []):
            events.append(Event(ev["name"], ev["code"], ev.get("doc", "")))
        for group, opts in raw.get("options", {}).items():
            for o in opts:
                where = f"{name}: option {o.get('name')}"
                if o.get("type") not in OPTION_TYPES:
                    raise DefinitionError(f"{where}: unknown type {o.get('type')!r}")
                options.setdefault(group, []).append(
                    Option(o["name"], o["type"], _need(o, "default", where), o.get("doc", ""),
                           o.get("core", o["name"]), o.get("min")))
        for t in raw.get("types", []):
            where = f"{name}: type {t.get('name')}"
            if t.get("encoding") not in ENCODINGS:
                raise DefinitionError(f"{where}: encoding must be one of {sorted(ENCODINGS)}")
            if t["name"] in types:
                raise DefinitionError(f"{where}: defined twice")
            ty = Type(t["name"], t["encoding"], t.get("doc", ""), _fields(t["fields"], where), _need(t, "core", where))
            if ty.encoding == "struct" and any(f.type not in ("int", "uint", "bool", "duration") for f in ty.fields):
                raise DefinitionError(f"{where}: a struct crosses as a C struct, so its fields are numbers or bools")
            types[ty.name] = ty
        for o in raw.get("objects", []):
            # A later file may add operations to an object another file defines
            # (actors.json adds connection.actor_host); it repeats the handle.
            existing = next((x for x in objects if x.name == o.get("name")), None)
            if existing and o.get("handle") != existing.handle:
                raise DefinitionError(f"{name}: object {o['name']}: handle differs from its first definition")
            obj = existing or Object(o["name"], o.get("doc", ""), bool(o.get("source", False)),
                                     _need(o, "handle", f"{name}: object {o.get('name')}"))
            if existing and not existing.doc:
                existing.doc = o.get("doc", "")  # files merge in name order; the defining one has the doc
            existing_source = existing and o.get("source")
            if existing_source:
                existing.source = True
            for op in o["operations"]:
                where = f"{name}: {o['name']}.{op.get('name')}"
                args = []
                for a in _need(op, "args", where):
                    if a.get("type") not in ARG_TYPES:
                        raise DefinitionError(f"{where}: argument {a.get('name')}: unknown type {a.get('type')!r}")
                    args.append(Arg(a["name"], a["type"], a.get("doc", ""), a.get("default"), "default" in a))
                obj.operations.append(Operation(op["name"], _need(op, "kind", where), _need(op, "doc", where), args,
                                                op.get("returns"), op.get("errors", []), bool(op.get("hot")), obj.name,
                                                bool(op.get("loop_async"))))
            if not existing:
                objects.append(obj)
    api = Api(errors, events, options, types, objects, files)
    _check(api)
    return api


def _check(api: Api) -> None:
    codes = [e.code for e in api.errors]
    if len(set(codes)) != len(codes):
        raise DefinitionError("two errors share a code")
    names = {e.name for e in api.errors}
    for e in api.errors:
        if e.parent is not None and e.parent not in names:
            raise DefinitionError(f"error {e.name}: unknown parent {e.parent}")
        if e.fields and not e.core_class:
            raise DefinitionError(f"error {e.name}: fields need core_class (the C++ class that carries them)")
    if len({e.code for e in api.events}) != len(api.events):
        raise DefinitionError("two events share a code")
    object_names = {o.name for o in api.objects}
    for obj in api.objects:
        seen = set()
        for op in obj.operations:
            where = f"{obj.name}.{op.name}"
            if op.name in seen:
                raise DefinitionError(f"{where}: defined twice")
            seen.add(op.name)
            if op.kind not in KINDS:
                raise DefinitionError(f"{where}: kind must be one of {sorted(KINDS)}")
            r = op.returns
            if r is not None and r not in SCALARS and r not in api.types and r not in object_names:
                raise DefinitionError(f"{where}: unknown return type {r!r}")
            if op.kind == "async" and r is not None and api.returns_kind(r) != "batch":
                raise DefinitionError(f"{where}: an async operation returns nothing or a batch-encoded record")
            if op.hot and op.kind == "blocking" or op.hot and op.kind == "call" and r is not None:
                raise DefinitionError(f"{where}: only immediate calls without a result and async operations can be hot")
            if op.loop_async and (op.kind != "blocking" or r not in (None, "int", "uint")
                                  and api.returns_kind(r) != "json"):
                raise DefinitionError(f"{where}: loop_async is for blocking operations returning nothing, a number "
                                      "or a json record (their result crosses as the message data's text)")
            for err in op.errors:
                if err not in names:
                    raise DefinitionError(f"{where}: unknown error {err}")
            defaulted = False
            for a in op.args:
                if a.has_default:
                    defaulted = True
                elif defaulted:
                    raise DefinitionError(f"{where}: {a.name} has no default but follows one that has")


# ---- names, cased per language (the naming rule in docs/api/reference.md) ----

def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def pascal(name: str) -> str:
    return "".join(p.capitalize() for p in name.split("_"))


def upper(name: str) -> str:
    """ConnectionClosedError -> CONNECTION_CLOSED; lame_duck -> LAME_DUCK."""
    if "_" in name or name.islower():
        return name.upper()
    name = name.replace("JetStream", "Jetstream")  # one word, as in the product's prose
    out = ""
    for i, c in enumerate(name):
        if c.isupper() and i and not name[i - 1].isupper():
            out += "_"
        out += c.upper()
    return out.removesuffix("_ERROR")


def banner(comment: str) -> str:
    return f"{comment} {GENERATED}"
