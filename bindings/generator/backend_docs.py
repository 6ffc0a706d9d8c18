"""docs/api/reference.md: every operation, option, record, event and error,
with the name each language gives it."""
from backend_c import signature as c_signature
from backend_c import status_name
from model import KINDS, Api, Operation, banner, camel, pascal

TYPE_WORDS = {"string": "string", "bytes": "bytes", "int": "integer", "uint": "unsigned integer", "bool": "boolean",
              "duration": "duration", "headers": "headers", "string_list": "list of strings"}
PY_TYPES = {"string": "str", "bytes": "bytes-like", "int": "int", "uint": "int", "bool": "bool",
            "duration": "float (seconds)", "headers": "mapping or (key, value) pairs", "string_list": "list[str]"}


def value(v) -> str:
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'"{v}"'
    return str(v)


def default_text(arg_type: str, default) -> str:
    if arg_type == "duration" and isinstance(default, int):
        return f"{default} ms" if default % 1000 else f"{default // 1000} s"
    return value(default)


def returns_text(api: Api, op: Operation) -> str:
    if op.returns is None:
        return "nothing"
    if op.returns in api.types:
        return f"[{op.returns}](#{op.returns})"
    if api.returns_kind(op.returns) == "object":
        return f"a [{op.returns}](#{op.returns})"
    return TYPE_WORDS[op.returns]


def operation(api: Api, op: Operation) -> list[str]:
    out = [f"### {op.object}.{op.name}", "", op.doc, ""]
    if op.args:
        out += ["| argument | type | default | meaning |", "|---|---|---|---|"]
        for a in op.args:
            default = default_text(a.type, a.default) if a.has_default else "required"
            out.append(f"| `{a.name}` | {TYPE_WORDS[a.type]} | {default} | {a.doc} |")
        out.append("")
    out.append(f"- kind: **{op.kind}** ({KINDS[op.kind]}); returns {returns_text(api, op)}")
    if op.errors:
        out.append("- errors: " + ", ".join(f"`{e}`" for e in op.errors))
    names = (f"Python `{op.name}`, Node and Java `{camel(op.name)}`, Go `{pascal(op.name)}`, "
             f"C `nervure_{op.object}_{op.name}`")
    out += [f"- names: {names}", "", "```c", c_signature(api, op) + ";", "```", ""]
    return out


def generate(api: Api) -> dict[str, str]:
    out = [f"<!-- {banner('').strip()} -->", "# nervure API reference", "",
           "Generated from the API definition (`bindings/api/*.json`), like the C ABI and every",
           "language's glue, so it cannot drift from them. Every operation exists in every",
           "language with the same meaning; only the spelling differs: Python `snake_case`,",
           "Node and Java `camelCase`, Go `PascalCase`, C `nervure_<object>_<operation>`.",
           "Durations are seconds (a float) in Python, milliseconds in C (`_ms`) and",
           "Node, `Duration` in Java and `time.Duration` in Go.", "",
           "Contents: " + ", ".join(f"[{o.name}](#{o.name})" for o in api.objects) +
           ", [connect options](#connect-options), [records](#records), [events](#events), [errors](#errors)", ""]
    for obj in api.objects:
        out += [f"## {obj.name}", "", obj.doc, ""]
        for op in obj.operations:
            out += operation(api, op)
    out += ["## connect options", "",
            "Python passes them as keyword arguments of `connect` (durations in seconds), C through",
            "`nervure_options_set_<name>` (durations as `<name>_ms`).", "",
            "| option | type | default | meaning |", "|---|---|---|---|"]
    for o in api.connect_options:
        out.append(f"| `{o.name}` | {TYPE_WORDS[o.type]} | {default_text(o.type, o.default)} | {o.doc} |")
    out += ["", "## records", ""]
    how = {"struct": "crosses the C ABI as a struct", "json": "crosses the C ABI as JSON text",
           "batch": "crosses the C ABI in batches, read with one accessor per field"}
    for t in api.types.values():
        out += [f"### {t.name}", "", f"{t.doc} It {how[t.encoding]}.", "", "| field | type | meaning |",
                "|---|---|---|"]
        out += [f"| `{f.name}` | {TYPE_WORDS[f.type]} | {f.doc} |" for f in t.fields]
        out.append("")
    out += ["## events", "", "Delivered to the connection's event callback (Python `on_event(name, detail)`).", "",
            "| event | code | meaning |", "|---|---|---|"]
    out += [f"| `{e.name}` | {e.code} | {e.doc} |" for e in api.events]
    out += ["", "## errors", "",
            "One hierarchy in every language; the code is the C ABI's `nervure_status`.", "",
            "| error | code | C status | parent | fields | meaning |", "|---|---|---|---|---|---|"]
    for e in api.errors:
        fields = ", ".join(f"`{f.name}` ({TYPE_WORDS[f.type]}): {f.doc}" for f in e.fields) or "-"
        out.append(f"| `{e.name}` | {e.code} | `{status_name(api, e)}` | {e.parent or '-'} | {fields} | {e.doc} |")
    out.append("")
    return {"docs/api/reference.md": "\n".join(out)}
