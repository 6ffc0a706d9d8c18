"""The C ABI: bindings/c/include/nervure.h and the glue that runs every entry
point inside a guard, so that no C++ exception ever reaches a C caller.

The hand-written part of the ABI (handles, wakeups, polling) is declared in
templates/c_runtime.h and implemented in bindings/c/src/runtime.cpp; this
backend adds the enums, records, option setters, batch accessors and one
function per operation of the definition.

Naming: nervure_<object>_<operation>; durations are int64_t milliseconds and
their parameters end in _ms; asynchronous operations end with
(nervure_completion_fn done, void* user_data) before char** error.
"""
from pathlib import Path

from model import Api, Field, Operation, Type, banner, upper

TEMPLATES = Path(__file__).resolve().parent / "templates"

PARAM = {"string": "const char* {n}", "bytes": "const void* {n}, size_t {n}_len", "int": "int64_t {n}",
         "uint": "uint64_t {n}", "duration": "int64_t {n}_ms", "bool": "int {n}",
         "headers": "const nervure_headers* {n}"}
TO_CPP = {"string": "nervure::cabi::text({n})", "bytes": "nervure::cabi::bytes({n}, {n}_len)", "int": "{n}",
          "uint": "{n}", "duration": "{n}_ms", "bool": "{n} != 0", "headers": "nervure::cabi::headers({n})"}
SCALAR_OUT = {"bool": "int* out", "int": "int64_t* out", "uint": "uint64_t* out", "duration": "int64_t* out_ms",
              "string": "char** out", "bytes": "char** out, size_t* out_len"}
STRUCT_FIELD = {"int": "int64_t {n}", "uint": "uint64_t {n}", "bool": "int {n}", "duration": "int64_t {n}_ms"}
OPTION_C = {"string": ("const char* value", "OptionValue::of_text(nervure::cabi::text(value))"),
            "bool": ("int value", "OptionValue::of_bool(value != 0)"),
            "int": ("int64_t value", "OptionValue::of_int(value)"),
            "duration": ("int64_t value_ms", "OptionValue::of_ms(value_ms)")}


def status_name(api: Api, err) -> str:
    return "NERVURE_ERROR" if err.parent is None else f"NERVURE_{upper(err.name)}"


def out_param(api: Api, op: Operation) -> str | None:
    if op.kind == "async" or op.returns is None:
        return None
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        return SCALAR_OUT[op.returns]
    if kind == "struct":
        return f"nervure_{op.returns}* out"
    if kind == "json":
        return "char** out_json"
    return f"nervure_{op.returns}** out"


def signature(api: Api, op: Operation) -> str:
    params = [f"nervure_{op.object}* self"] + [PARAM[a.type].format(n=a.name) for a in op.args]
    if op.kind == "async":
        params += ["nervure_completion_fn done", "void* user_data"]
    if out := out_param(api, op):
        params.append(out)
    params.append("char** error")
    return f"nervure_status nervure_{op.object}_{op.name}({', '.join(params)})"


def doc_comment(op: Operation) -> str:
    text = op.doc
    if op.kind == "async":
        text += (" Completes through done(user_data, completion) on a library thread, or, when done is NULL,"
                 " through nervure_connection_take.")
    elif op.kind == "blocking":
        text += " Blocks the calling thread."
    if op.errors:
        text += " Fails with " + ", ".join(op.errors) + "."
    return f"/* {text} */"


def batch_accessor_decls(t: Type) -> list[str]:
    handle = f"const nervure_{t.name}_batch* batch"
    out = [f"/* {t.doc} */",
           f"NERVURE_API void nervure_{t.name}_batch_destroy(nervure_{t.name}_batch** batch);",
           f"NERVURE_API size_t nervure_{t.name}_batch_count({handle});",
           f"/* Views into item i, valid until the batch is destroyed; NULL or 0 when i is out of range. */"]
    for f in t.fields:
        fn = f"nervure_{t.name}_{f.name}"
        if f.type == "string":
            out.append(f"NERVURE_API const char* {fn}({handle}, size_t i);  /* {f.doc} */")
        elif f.type == "bytes":
            out.append(f"NERVURE_API const void* {fn}({handle}, size_t i, size_t* len);  /* {f.doc} */")
        elif f.type == "headers":
            out.append(f"NERVURE_API size_t {fn}_count({handle}, size_t i);  /* {f.doc} */")
            out.append(f"NERVURE_API int {fn}_at({handle}, size_t i, size_t h, const char** key, const char** value);")
        else:
            out.append(f"NERVURE_API {'uint64_t' if f.type == 'uint' else 'int64_t'} {fn}({handle}, size_t i);"
                       f"  /* {f.doc} */")
    return out


def header(api: Api) -> str:
    out = [f"/* {banner('').strip()} */", "#ifndef NERVURE_H", "#define NERVURE_H", "",
           "/* The nervure C ABI.",
           "   - Every fallible call returns a nervure_status and, when error is not NULL,",
           "     sets *error to a message the caller frees with nervure_free_string.",
           "   - Handles are opaque; each has a destroy call that takes a pointer to the",
           "     handle and sets it to NULL. Destroying NULL is a no-op.",
           "   - Memory the library hands out is freed by the library (nervure_free_string,",
           "     nervure_*_destroy).",
           "   - Asynchronous operations complete through a callback with user data, run on",
           "     a library thread (it must return quickly and must not call blocking",
           "     functions), or, without a callback, through nervure_connection_take.",
           "   - Messages are delivered in batches: nervure_subscription_poll. */", "",
           "#include <stddef.h>", "#include <stdint.h>", "",
           "#ifdef __cplusplus", 'extern "C" {', "#endif", "",
           "#if defined(__GNUC__)", '#define NERVURE_API __attribute__((visibility("default")))', "#else",
           "#define NERVURE_API", "#endif", "",
           "typedef enum nervure_status {", "  NERVURE_OK = 0,"]
    for e in api.errors:
        out.append(f"  {status_name(api, e)} = {e.code}, /* {e.name}: {e.doc} */")
    out += ["} nervure_status;", "", "typedef enum nervure_event {"]
    for ev in api.events:
        out.append(f"  NERVURE_EVENT_{upper(ev.name)} = {ev.code}, /* {ev.doc} */")
    out += ["} nervure_event;", "", "/* Stable names: \"NoRespondersError\", \"reconnected\". Never freed. */",
            "NERVURE_API const char* nervure_status_name(nervure_status status);",
            "NERVURE_API const char* nervure_event_name(nervure_event event);", ""]
    handles = ["options", "headers", "wakeup", "completion"] + [o.name for o in api.objects]
    handles += [f"{t.name}_batch" for t in api.types.values() if t.encoding == "batch"]
    out += [f"typedef struct nervure_{h} nervure_{h};" for h in handles]
    out += ["", "typedef void (*nervure_completion_fn)(void* user_data, nervure_completion* completion);", ""]
    for t in api.types.values():
        if t.encoding != "struct":
            continue
        out.append(f"/* {t.doc} */")
        out.append(f"typedef struct nervure_{t.name} {{")
        out += [f"  {STRUCT_FIELD[f.type].format(n=f.name)}; /* {f.doc} */" for f in t.fields]
        out += [f"}} nervure_{t.name};", ""]
    out.append((TEMPLATES / "c_runtime.h").read_text().rstrip())
    out += ["", "/* ---- Records that cross in batches ------------------------------------- */", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += batch_accessor_decls(t) + [""]
    out += ["/* ---- Connect options ---------------------------------------------------- */", ""]
    for opt in api.connect_options:
        param = OPTION_C[opt.type][0]
        unit = " (milliseconds)" if opt.type == "duration" else ""
        out.append(f"/* {opt.doc}{unit} Default: {c_literal(opt.default)}. */")
        out.append(f"NERVURE_API nervure_status {option_setter(opt)}(nervure_options* options, {param}, "
                   "char** error);")
    out += ["", "/* ---- Operations ---------------------------------------------------------- */", ""]
    for obj in api.objects:
        if obj.name not in HAND_WRITTEN_HANDLES:
            out.append(f"/* Frees the {obj.name} handle and sets it to NULL; NULL is a no-op. */")
            out.append(f"NERVURE_API void nervure_{obj.name}_destroy(nervure_{obj.name}** {obj.name});")
        for op in obj.operations:
            out.append(doc_comment(op))
            out.append(f"NERVURE_API {signature(api, op)};")
    out += ["", "#ifdef __cplusplus", "}", "#endif", "#endif /* NERVURE_H */", ""]
    return "\n".join(out)


# Handles whose create/destroy live in c/src/runtime.cpp (connect, subscribe...).
HAND_WRITTEN_HANDLES = {"connection", "subscription"}


def option_setter(opt) -> str:
    return f"nervure_options_set_{opt.name}" + ("_ms" if opt.type == "duration" else "")


def c_literal(v) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, str):
        return f'"{v}"'
    return str(v)


# ---- glue ----------------------------------------------------------------------

def guarded(sig: str, body: list[str]) -> list[str]:
    return [sig + " {", "  return nervure::cabi::guard(error, [&] {"] + [f"    {line}" for line in body] + \
        ["  });", "}", ""]


def core_field(t: Type, f: Field) -> str:
    return f"m.{f.core or f.name}"


def batch_accessors(t: Type) -> list[str]:
    b = f"nervure_{t.name}_batch"
    out = [f"void {b}_destroy({b}** batch) {{", "  if (!batch) return;",
           f"  nervure::cabi::BatchPool<{b}>::give_back(*batch);", "  *batch = nullptr;", "}",
           "", f"size_t {b}_count(const {b}* batch) {{ return batch ? batch->items.size() : 0; }}", ""]
    for f in t.fields:
        fn = f"nervure_{t.name}_{f.name}"
        get = f"  const auto* item = nervure::cabi::item(batch, i);"
        if f.type == "string":
            out += [f"const char* {fn}(const {b}* batch, size_t i) {{", get,
                    f"  if (!item) return nullptr;", "  const auto& m = *item;",
                    f"  return {core_field(t, f)}.c_str();", "}", ""]
        elif f.type == "bytes":
            out += [f"const void* {fn}(const {b}* batch, size_t i, size_t* len) {{", get,
                    "  if (len) *len = 0;", "  if (!item) return nullptr;", "  const auto& m = *item;",
                    f"  if (len) *len = {core_field(t, f)}.size();", f"  return {core_field(t, f)}.data();", "}", ""]
        elif f.type == "headers":
            out += [f"size_t {fn}_count(const {b}* batch, size_t i) {{", get, "  if (!item) return 0;",
                    "  const auto& m = *item;", f"  return {core_field(t, f)}.entries().size();", "}", "",
                    f"int {fn}_at(const {b}* batch, size_t i, size_t h, const char** key, const char** value) {{", get,
                    "  if (key) *key = nullptr;", "  if (value) *value = nullptr;", "  if (!item) return 0;",
                    "  const auto& m = *item;", f"  const auto& entries = {core_field(t, f)}.entries();",
                    "  if (h >= entries.size()) return 0;", "  if (key) *key = entries[h].first.c_str();",
                    "  if (value) *value = entries[h].second.c_str();", "  return 1;", "}", ""]
        else:
            ctype = "uint64_t" if f.type == "uint" else "int64_t"
            out += [f"{ctype} {fn}(const {b}* batch, size_t i) {{", get, "  if (!item) return 0;",
                    "  const auto& m = *item;", f"  return static_cast<{ctype}>({core_field(t, f)});", "}", ""]
    return out


def operation(api: Api, op: Operation) -> list[str]:
    target = "*self->handle"
    body = [f'nervure::cabi::require(self, "{op.object}");']
    for a in op.args:
        if a.type == "string" and not a.has_default:
            body.append(f'nervure::cabi::require({a.name}, "{a.name}");')
    args = [target]
    if op.kind == "async":
        args.append("nervure::cabi::async_target(done, user_data)")
    args += [TO_CPP[a.type].format(n=a.name) for a in op.args]
    call = f"nervure::ops::{op.object}_{op.name}({', '.join(args)})"
    out = out_param(api, op)
    if out and op.returns == "bytes":  # freed with nervure_free_string; out_len says how long
        body.append('nervure::cabi::require(out, "out");')
        body.append(f"nervure::cabi::put(out, out_len, {call});")
    elif out:
        name = out.split("*")[-1].strip()
        body.append(f'nervure::cabi::require({name}, "{name}");')
        body.append(f"nervure::cabi::put({name}, {call});")
    else:
        body.append(f"{call};")
    return guarded(signature(api, op), body)


def glue(api: Api) -> str:
    out = [banner("//"), "// Every entry point runs inside nervure::cabi::guard (handles.hpp).",
           '#include "handles.hpp"', "", "using nervure::bridge::OptionValue;", ""]
    for t in api.types.values():
        if t.encoding == "struct":
            out += [f"namespace nervure::cabi {{", f"inline void put(nervure_{t.name}* out, const {t.core}& m) {{"]
            for f in t.fields:
                suffix = "_ms" if f.type == "duration" else ""
                value = f"m.{f.core or f.name}" + (".count()" if f.type == "duration" else "")
                out.append(f"  out->{f.name}{suffix} = {value};")
            out += ["}", "}  // namespace nervure::cabi", ""]
    out += ['extern "C" {', "", "const char* nervure_status_name(nervure_status status) {", "  switch (status) {",
            '    case NERVURE_OK: return "Ok";']
    for e in api.errors:
        out.append(f'    case {status_name(api, e)}: return "{e.name}";')
    out += ["  }", '  return "NervureError";', "}", "", "const char* nervure_event_name(nervure_event event) {",
            "  switch (event) {"]
    for ev in api.events:
        out.append(f'    case NERVURE_EVENT_{upper(ev.name)}: return "{ev.name}";')
    out += ["  }", '  return "unknown";', "}", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += batch_accessors(t)
    for opt in api.connect_options:
        param, value = OPTION_C[opt.type]
        out += guarded(f"nervure_status {option_setter(opt)}(nervure_options* options, {param}, char** error)",
                       ['nervure::cabi::require(options, "options");',
                        f'nervure::bridge::set_option(options->options, "{opt.name}", {value});'])
    for obj in api.objects:
        if obj.name not in HAND_WRITTEN_HANDLES:
            out += [f"void nervure_{obj.name}_destroy(nervure_{obj.name}** {obj.name}) {{",
                    f"  if (!{obj.name}) return;", f"  delete *{obj.name};", f"  *{obj.name} = nullptr;", "}", ""]
        for op in obj.operations:
            out += operation(api, op)
    out += ['}  // extern "C"', ""]
    return "\n".join(out)


def handles(api: Api) -> str:
    out = [banner("//"), "#pragma once", "// Included by handles.hpp: an object's handle shares its runtime object.", ""]
    for obj in api.objects:
        out += [f"struct nervure_{obj.name} {{", f"  std::shared_ptr<{obj.handle}> handle;", "};", ""]
    out.append("namespace nervure::cabi {")
    for obj in api.objects:
        out += [f"inline void put(nervure_{obj.name}** out, std::shared_ptr<{obj.handle}> h) {{",
                f"  *out = new nervure_{obj.name}{{std::move(h)}};", "}"]
    out += ["}  // namespace nervure::cabi", ""]
    return "\n".join(out)


def generate(api: Api) -> dict[str, str]:
    return {"bindings/c/include/nervure.h": header(api), "bindings/c/src/nervure_c.generated.cpp": glue(api),
            "bindings/c/src/handles.generated.hpp": handles(api)}
