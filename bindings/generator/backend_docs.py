"""The API reference, per operation with each language's spelling."""
from model import GENERATED, Api, camel


def generate(api: Api) -> dict[str, str]:
    out = [f"<!-- {GENERATED} -->", "# nervure API reference", "",
           "Every operation exists in every language with the same meaning; only the casing differs",
           "(Python `snake_case`, Node and Java `camelCase`, Go `PascalCase`, C `nervure_object_operation`).", ""]
    for obj in api.objects:
        out += [f"## {obj.name}", "", obj.doc, "",
                "| operation | Python | Node / Java | Go | C | kind | meaning |", "|---|---|---|---|---|---|---|"]
        for op in obj.operations:
            args = ", ".join(a.name + (f"={a.default!r}" if a.has_default else "") for a in op.args)
            kind = {"async": "asynchronous", "blocking": "blocking", "call": "immediate"}[op.kind]
            out.append(f"| `{op.name}({args})` | `{op.name}` | `{camel(op.name)}` | `{camel(op.name, True)}` | "
                       f"`nervure_{obj.name}_{op.name}` | {kind} | {op.doc} |")
        out.append("")
    out += ["## connect options", "", "| option | type | default | meaning |", "|---|---|---|---|"]
    for o in api.options:
        out.append(f"| `{o['name']}` | {o['type']} | `{o['default']!r}` | {o['doc']} |")
    out += ["", "## errors", "", "| error | code | parent | meaning |", "|---|---|---|---|"]
    for e in api.errors:
        out.append(f"| `{e['name']}` | {e['code']} | {e['parent'] or '-'} | {e['doc']} |")
    out += ["", "## events", "", ", ".join(f"`{e['name']}` ({e['code']})" for e in api.events), ""]
    return {"docs/api/reference.md": "\n".join(out)}
