"""Node: the N-API glue of nervure.node, the default Promise idiom of every
operation, the error classes and index.d.ts.

Native level (node/src/bindings.generated.cpp): one function per operation,
`<object>_<operation>(handle, [token,] args...)`, each inside the guard of
node_bridge.hpp so no C++ exception reaches JS; undefined arguments take the
definition's default; durations are milliseconds. `call` returns at once,
`blocking` returns a Promise settled after the call ran on libuv's thread pool,
`async` starts the operation with a token and completes through the
connection's dispatch (one crossing per wakeup). Batch records are packed into
one Buffer plus a flat array per crossing and unpacked by generated JS.

JS level (node/lib/ops.generated.js): a mixin class per object with the
camelCase method of each operation: required arguments (and the payload right
after them) are positional, the others go in an options object.
"""
from pathlib import Path

from model import Api, Object, Operation, Type, banner, camel, pascal, upper

TEMPLATES = Path(__file__).resolve().parent / "templates"

CPP_SCALAR = {"bool": "bool", "int": "int64_t", "uint": "uint64_t", "duration": "int64_t", "string": "std::string",
              "bytes": "std::string"}
TO_JS = {"bool": "js_bool(env, {v})", "int": "js_int(env, {v})", "uint": "js_uint(env, {v})",
         "duration": "js_int(env, {v})", "string": "js_string(env, {v})", "bytes": "js_bytes(env, {v})",
         "headers": "js_headers(env, {v})", "string_list": "js_string_list(env, {v})"}
TS = {"string": "string", "bytes": "Payload", "int": "number", "uint": "number", "bool": "boolean",
      "duration": "number", "headers": "HeadersInit", "string_list": "string[]"}
# Options a hand-written override adds to the generated ones.
EXTRA_OPTIONS = {
    ("connection", "subscribe"): ["/** Called with each message instead of iterating. */\n"
                                  "    callback?: (err: NervureError | null, msg: Msg) => void;"],
    ("connection", "request"): ["/** Aborting rejects with the signal's reason and cancels the request. */\n"
                                "    signal?: AbortSignal;"],
}
# What an override returns instead of the generated default (index.d.ts).
RETURNS_OVERRIDE = {
    ("connection", "subscribe"): "Subscription",
    # lib/jetstream.js turns the JSON records into plain values and its own classes.
    ("jetstream", "stream_names"): "Promise<string[]>",
    ("jetstream", "streams"): "Promise<StreamInfo[]>",
    ("jetstream", "consumer_names"): "Promise<string[]>",
    ("jetstream", "key_value_names"): "Promise<string[]>",
    ("jetstream", "publish"): "Promise<PubAck>",
    ("jetstream", "get_msg"): "Promise<StoredMsg>",
    ("jetstream", "consume"): "Promise<JsSubscription>",
    ("jetstream", "fetch"): "Promise<JsSubscription>",
    ("jetstream", "ordered_consumer"): "Promise<JsSubscription>",
    ("key_value", "get"): "Promise<KvEntry | null>",
    ("key_value", "keys"): "Promise<string[]>",
    ("key_value", "history"): "Promise<KvEntry[]>",
    ("key_value", "watch"): "Promise<KvWatcher>",
}
# Arguments an override takes in another form (configurations as objects, not JSON text).
ARG_OVERRIDE = {("jetstream", "add_stream", "config"): "Record<string, unknown>",
                ("jetstream", "update_stream", "config"): "Record<string, unknown>",
                ("jetstream", "add_consumer", "config"): "Record<string, unknown>",
                ("jetstream", "update_consumer", "config"): "Record<string, unknown>",
                ("jetstream", "create_key_value", "config"): "Record<string, unknown>"}
# What the hand-written classes add to each object's interface.
EXTENDS = {"connection": "EventEmitter", "subscription": "AsyncIterable<Msg>"}


def cls(name: str) -> str:
    return pascal(name)


def positional(op: Operation) -> list:
    """Required arguments and the payload right after them are positional."""
    out = list(op.required_args)
    rest = op.args[len(out):]
    if rest and rest[0].type == "bytes":
        out.append(rest[0])
    return out


def optional(op: Operation) -> list:
    pos = positional(op)
    return [a for a in op.args if a not in pos]


def handle_class(obj: Object) -> str:
    return obj.handle


def cpp_literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


# ---- C++ ------------------------------------------------------------------------

def convert_arg(a, slot: str, owned: bool) -> list[str]:
    """Declares a.name from a JS value; owned copies survive a trip to the thread pool."""
    n, what = a.name, a.name
    has_default = a.has_default and a.default is not None
    if a.type == "string":
        fb = f", {cpp_literal(a.default)}" if has_default else (', ""' if a.has_default else "")
        if owned:
            return [f'std::string {n} = Text(env, {slot}, "{what}"{fb}).str();']
        return [f'Text {n}(env, {slot}, "{what}"{fb});']
    if a.type == "bytes":
        fb = f", {cpp_literal(a.default)}" if has_default else ""
        if owned:
            return [f'std::string {n} = Data(env, {slot}, "{what}"{fb}).str();']
        return [f'Data {n}(env, {slot}, "{what}"{fb});']
    if a.type == "headers":
        return [f'std::optional<Headers> {n} = to_headers(env, {slot}, "{what}");']
    conv = {"int": "to_int", "uint": "to_uint", "duration": "to_int", "bool": "to_bool"}[a.type]
    expr = f'{conv}(env, {slot}, "{what}")'
    if a.has_default:
        expr = f"given(env, {slot}) ? {expr} : {cpp_literal(a.default)}"
    return [f"{CPP_SCALAR[a.type]} {n} = {expr};"]


def pass_arg(a) -> str:
    if a.type == "headers":
        return f"{a.name} ? &*{a.name} : nullptr"
    if a.type in ("string", "bytes"):
        return f"std::string_view({a.name})"
    return a.name


def result_to_js(api: Api, op: Operation, v: str) -> str:
    kind = api.returns_kind(op.returns)
    if kind == "none":
        return "js_undefined(env)"
    if kind == "scalar":
        return TO_JS[op.returns].format(v=v)
    if kind == "struct":
        return f"to_js_{op.returns}(env, {v})"
    if kind == "json":
        return f"js_string(env, {v})"
    if kind == "batch":
        return f"pack_one_{op.returns}(env, std::move({v}))"
    return f"wrap(env, std::move({v}))"


def result_type(api: Api, op: Operation) -> str:
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        return CPP_SCALAR[op.returns]
    if kind == "json":
        return "std::string"
    if kind in ("struct", "batch"):
        return api.types[op.returns].core
    return f"std::shared_ptr<{handle_class(api.object(op.returns))}>"


def native_op(api: Api, op: Operation) -> list[str]:
    obj = api.object(op.object)
    fn = f"{op.object}_{op.name}"
    first = 2 if op.kind == "async" else 1
    out = [f"// {op.doc}", f"napi_value {fn}(napi_env env, napi_callback_info info) {{",
           "  return guard(env, [&]() -> napi_value {", "    Args a(env, info);"]
    blocking = op.kind == "blocking"
    if blocking:
        out.append(f'    auto self = unwrap_handle<{handle_class(obj)}>(env, a.argv[0], "{op.object}").ptr;')
    else:
        out.append(f'    auto& self = unwrap<{handle_class(obj)}>(env, a.argv[0], "{op.object}");')
    if op.kind == "async":
        out.append('    uint64_t token = to_uint(env, a.argv[1], "token");')
    for i, a in enumerate(op.args, start=first):
        out += ["    " + line for line in convert_arg(a, f"a.argv[{i}]", blocking)]
    args = ["self" if not blocking else "*self"] + (["ops::AsyncTarget{token, {}}"] if op.kind == "async" else [])
    args += [pass_arg(a) for a in op.args]
    call = f"ops::{fn}({', '.join(args)})"
    kind = api.returns_kind(op.returns)
    if op.kind == "async":
        out += [f"    {call};", "    return js_undefined(env);"]
    elif op.kind == "call":
        if kind == "none":
            out += [f"    {call};", "    return js_undefined(env);"]
        else:
            out += [f"    auto result = {call};", f"    return {result_to_js(api, op, 'result')};"]
    else:
        captures = ", ".join(["self"] + [a.name for a in op.args])
        moves = ", ".join(["self"] + [f"{a.name} = std::move({a.name})" for a in op.args])
        del captures
        if kind == "none":
            out += [f'    return run_blocking(env, "nervure.{fn}", [{moves}]() mutable {{ {call}; }},',
                    "                        [](napi_env env) { return js_undefined(env); });"]
        else:
            out += [f"    auto result = std::make_shared<{result_type(api, op)}>();",
                    f'    return run_blocking(env, "nervure.{fn}", [result, {moves}]() mutable {{ *result = {call}; }},',
                    f"                        [result](napi_env env) {{ return {result_to_js(api, op, '(*result)')}; }});"]
    out += ["  });", "}", ""]
    return out


def struct_to_js(t: Type) -> list[str]:
    out = [f"[[maybe_unused]] napi_value to_js_{t.name}(napi_env env, const {t.core}& record) {{", "  napi_value o;",
           "  check(env, napi_create_object(env, &o));"]
    for f in t.fields:
        expr = f"record.{f.core or f.name}"
        out.append(f'  set_named(env, o, "{camel(f.name)}", {TO_JS[f.type].format(v=expr)});')
    out += ["  return o;", "}", ""]
    return out


NUMERIC = {"int", "uint", "bool", "duration"}


def number_offsets(t: Type) -> tuple[dict[str, int], int]:
    """Where each field's numbers start in a batch's one Float64Array, in
    multiples of the batch's count (a string's value indices, a number, a
    bytes field's (start, end) pairs), and the numbers per record."""
    offsets, at = {}, 0
    for f in t.fields:
        if f.type == "bytes" or f.type in NUMERIC or f.type == "string":
            offsets[f.name] = at
            at += 2 if f.type == "bytes" else 1
    return offsets, at


def packer(t: Type) -> list[str]:
    """[count, numbers, one slot per field]. Every number of the batch is in
    one Float64Array (number_offsets): numbers, a string's index into its
    distinct values, a bytes field's (start, end) pairs into the bytes that
    follow the numbers in the same ArrayBuffer. A string column
    (js_string_column) that holds one value (a batch of one, or one subject
    throughout) is that string itself. Lists are JS arrays, headers JS arrays only where present. So a
    batch of one message (a reply) makes about ten N-API calls, and no
    Buffer: making one costs about a microsecond (it sets a prototype), while
    the record's getter makes its view in JS, and only when read."""
    core = t.core
    offsets, widths = number_offsets(t)
    out = [f"// {t.name}: a batch in {len(t.fields)} columns, numbers and bytes in one ArrayBuffer.",
           f"napi_value pack_{t.name}(napi_env env, std::vector<{core}>& items) {{",
           "  const std::size_t n = items.size();", "  std::size_t total = 0;", "  for (const auto& m : items) {"]
    for f in t.fields:
        if f.type == "bytes":
            out.append(f"    total += m.{f.core or f.name}.size();")
    out += ["  }", "  (void)total;", "  napi_value batch, numbers_buffer, numbers;",
            f"  check(env, napi_create_array_with_length(env, {2 + len(t.fields)}, &batch));",
            "  set_element(env, batch, 0, js_uint(env, n));",
            f"  const std::size_t numbers_size = {widths} * n * sizeof(double);",
            "  void* numbers_base = nullptr;",
            "  check(env, napi_create_arraybuffer(env, numbers_size + total, &numbers_base, &numbers_buffer));",
            f"  check(env, napi_create_typedarray(env, napi_float64_array, {widths} * n, numbers_buffer, 0, &numbers));",
            "  set_element(env, batch, 1, numbers);",
            "  char* base = static_cast<char*>(numbers_base) + numbers_size;", "  (void)base;",
            "  std::size_t offset = 0;", "  (void)offset;"]
    for k, f in enumerate(t.fields):
        col, expr, slot = f"col_{f.name}", f"m.{f.core or f.name}", 2 + k
        out.append(f"  {{  // {f.name}")
        if f.name in offsets:
            out.append(f"    double* v = static_cast<double*>(numbers_base) + {offsets[f.name]} * n;")
        if f.type == "bytes" or f.type in NUMERIC:
            out += ["    for (auto& m : items) {"]
            if f.type == "bytes":
                out += [f"      if (!{expr}.empty()) std::memcpy(base + offset, {expr}.data(), {expr}.size());",
                        "      *v++ = static_cast<double>(offset);", f"      offset += {expr}.size();",
                        "      *v++ = static_cast<double>(offset);"]
            else:
                out.append(f"      *v++ = static_cast<double>({expr});")
            out += ["    }"]
        elif f.type == "string":
            out += [f"    auto {f.name} = [](const {core}& m) -> std::string_view {{ return {expr}; }};",
                    f"    if (napi_value {col} = js_string_column(env, items, {f.name}, v)) set_element(env, batch, {slot}, {col});"]
        elif f.type == "headers":
            out += [f"    napi_value {col} = nullptr;", "    uint32_t i = 0;", "    for (auto& m : items) {",
                    f"      if (!{expr}.entries().empty()) {{",
                    f"        if (!{col}) check(env, napi_create_array_with_length(env, n, &{col}));",
                    f"        set_element(env, {col}, i, js_headers(env, {expr}));", "      }",
                    "      ++i;", "    }", f"    if ({col}) set_element(env, batch, {slot}, {col});"]
        else:
            out += [f"    napi_value {col};", f"    check(env, napi_create_array_with_length(env, n, &{col}));",
                    "    uint32_t i = 0;",
                    f"    for (auto& m : items) set_element(env, {col}, i++, {TO_JS[f.type].format(v=expr)});",
                    f"    set_element(env, batch, {slot}, {col});"]
        out += ["  }"]
    out += ["  return batch;", "}", "",
            f"[[maybe_unused]] napi_value pack_one_{t.name}(napi_env env, {core}&& item) {{",
            f"  std::vector<{core}> one;", "  one.push_back(std::move(item));", f"  return pack_{t.name}(env, one);",
            "}", ""]
    return out


def glue(api: Api) -> str:
    out = [banner("//"), "#include <cstring>", "", '#include "node_bridge.hpp"', "",
           "namespace nervure::node_bridge {", "", "namespace {", "",
           "[[maybe_unused]] napi_value js_bytes(napi_env env, std::string_view s) {", "  napi_value v;",
           "  check(env, napi_create_buffer_copy(env, s.size(), s.data(), nullptr, &v));", "  return v;", "}", "",

           "}  // namespace", ""]
    for t in api.types.values():
        if t.encoding == "struct":
            out += struct_to_js(t)
        if t.encoding == "batch":
            out += packer(t)
    out += ["namespace {", ""]
    natives = [form for obj in api.objects for op in obj.operations
               for form in ([op, op.loop_form()] if op.loop_async else [op])]
    for op in natives:
        out += native_op(api, op)
    out += ["}  // namespace", "", "void register_api(napi_env env, napi_value exports) {"]
    for op in natives:
        out.append(f'  export_function(env, exports, "{op.object}_{op.name}", {op.object}_{op.name});')
    out += ["}", "", "}  // namespace nervure::node_bridge", ""]
    return "\n".join(out)


# ---- JS -------------------------------------------------------------------------------

def js_errors(api: Api) -> str:
    out = ["// " + banner("").strip(), '"use strict";', "",
           "/** Root of every nervure error; `code` names the kind, `errorCode` is the number every language shares. */"]
    for e in api.errors:
        parent = e.parent or "Error"
        out += [f"/** {e.doc} */", f"class {e.name} extends {parent} {{",
                "  constructor(message, fields) {", "    super(message);",
                f'    Object.defineProperty(this, "name", {{ value: "{e.name}", enumerable: false, configurable: true, writable: true }});',
                f'    this.code = "{upper(e.name)}";', f"    this.errorCode = {e.code};"]
        for f in e.fields:
            name = "apiCode" if f.name == "code" else camel(f.name)
            zero = '""' if f.type == "string" else "0"
            out.append(f"    /** {f.doc} */")
            out.append(f"    this.{name} = fields && fields.{f.name} !== undefined ? fields.{f.name} : {zero};")
        out += ["  }", "}", ""]
    out += ["const BY_CODE = {" + ", ".join(f"{e.code}: {e.name}" for e in api.errors) + "};", "",
            "/** The error for a core error code, with its structured fields. */",
            "function errorForCode(code, message, fields) {",
            "  const Cls = BY_CODE[code] || NervureError;", "  return new Cls(message, fields);", "}", "",
            "module.exports = {" + ", ".join(e.name for e in api.errors) + ", errorForCode };", ""]
    return "\n".join(out)


def js_default(a) -> str:
    return "undefined"


def js_method(api: Api, op: Operation) -> list[str]:
    pos = positional(op)
    opt = optional(op)
    params = [camel(a.name) for a in pos] + (["opts = {}"] if opt else [])
    vals = []
    for a in op.args:
        v = camel(a.name) if a in pos else f"opts.{camel(a.name)}"
        if a.type == "headers":
            v = f"toHeaderList({v})"
        vals.append(v)
    fn = f"native.{op.object}_{op.name}"
    kind = api.returns_kind(op.returns)
    doc = op.doc
    if any(a.type == "duration" for a in op.args):
        doc += " Durations are milliseconds."
    if op.errors:
        doc += " Rejects with " + ", ".join(op.errors) + "." if op.kind != "call" else " Throws " + ", ".join(op.errors) + "."
    lines = [f"  /** {doc} */"]
    conv = {"none": "{}", "scalar": "{}", "struct": "{}", "json": "parseJson({})",
            "batch": f'this._record("{op.returns}", {{}})', "object": f'this._wrap("{op.returns}", {{}})'}[kind]
    if kind == "none":
        conv = "{}"
    name = camel(op.name)
    if op.kind == "call":
        body = conv.format(f"{fn}({', '.join(['this._h'] + vals)})")
        lines += [f"  {name}({', '.join(params)}) {{"]
        if opt and all(a in pos for a in op.args[:len(pos)]):
            # No options: the options are not passed at all, which the glue reads without an N-API call.
            short = conv.format(f"{fn}({', '.join(['this._h'] + vals[:len(pos)])})")
            lines[-1] = f"  {name}({', '.join(params[:-1] + ['opts'])}) {{"
            lines.append(f"    if (opts === undefined) return {short};")
        lines += [f"    return {body};", "  }"]
    elif op.loop_async:  # awaited through the connection's dispatch: no thread pool, and the loop polls for it
        read = {"none": "", "scalar": ", (r) => Number(completionText(r))",
                "json": ", (r) => parseJson(completionText(r))"}[kind]
        lines += [f"  {name}({', '.join(params)}) {{",
                  f"    return this._async((token) => {fn}_async({', '.join(['this._h', 'token'] + vals)}){read});", "  }"]
    elif op.kind == "blocking":
        then = "" if kind == "none" else f".then((r) => {conv.format('r')})"
        lines += [f"  {name}({', '.join(params)}) {{",
                  f"    return this._blocking(() => {fn}({', '.join(['this._h'] + vals)})){then};", "  }"]
    else:
        then = "" if kind == "none" else f", (r) => {conv.format('r')}"
        lines += [f"  {name}({', '.join(params)}) {{",
                  f"    return this._async((token) => {fn}({', '.join(['this._h', 'token'] + vals)}){then});", "  }"]
    return lines + [""]


def record_class(t: Type) -> list[str]:
    """A record of a packed batch: one accessor per field, each read (and cached) on first use."""
    out = [f"/** {t.doc} */", f"class {cls(t.name)}Record {{", "  constructor(batch, index) {",
           "    this._b = batch;", "    this._i = index;", "  }", ""]
    offsets, _ = number_offsets(t)
    for k, f in enumerate(t.fields):
        col = f"this._b[{2 + k}]"
        # The field's numbers in the batch's Float64Array (packer): from offset * count.
        at = f"{offsets[f.name]} * b[0] + " if f.name in offsets and offsets[f.name] else ""
        out.append(f"  /** {f.doc} */")
        if f.type == "bytes":
            out += [f"  get {f.name}() {{", f"    if (this._{f.name} === undefined) {{",
                    f"      const b = this._b, o = b[1], i = {at}2 * this._i;",
                    f"      this._{f.name} = Buffer.from(o.buffer, o.byteLength + o[i], o[i + 1] - o[i]);", "    }",
                    f"    return this._{f.name};", "  }", ""]
        elif f.type == "bool":
            out += [f"  get {f.name}() {{", "    const b = this._b;", f"    return b[1][{at}this._i] !== 0;", "  }", ""]
        elif f.type == "headers":
            out += [f"  get {f.name}() {{", f"    const c = {col};",
                    "    return this._wrapHeaders(c === undefined ? undefined : c[this._i]);", "  }", ""]
        elif f.type == "string":
            out += [f"  get {f.name}() {{", f"    const b = this._b, c = b[{2 + k}];",
                    f"    return typeof c === \"string\" ? c : c[b[1][{at}this._i]];", "  }", ""]
        elif f.type in NUMERIC:
            out += [f"  get {f.name}() {{", "    const b = this._b;", f"    return b[1][{at}this._i];", "  }", ""]
        else:
            out += [f"  get {f.name}() {{", f"    return {col}[this._i];", "  }", ""]
    out += ["  /** Raw headers [key, value, ...]; subclasses wrap them. */", "  _wrapHeaders(list) {",
            "    return list;", "  }", "}", "",
            f"/** Every record of a packed {t.name} batch, as instances of Cls (a {cls(t.name)}Record subclass). */",
            f"function unpack{cls(t.name)}(batch, Cls, ...extra) {{", "  const n = batch[0];",
            "  const out = new Array(n);", "  for (let i = 0; i < n; i++) out[i] = new Cls(batch, i, ...extra);",
            "  return out;", "}", ""]
    return out


def js_ops(api: Api) -> str:
    out = ["// " + banner("").strip(), "//", "// The default Promise idiom of every operation: call returns at once,",
           "// blocking runs on libuv's thread pool, async completes through the",
           "// connection's dispatch. Each class in lib/index.js extends its mixin here and",
           "// overrides what needs more (iterators, callbacks). Durations are milliseconds.",
           '"use strict";', "", 'const native = require("./native");', "",
           "function toHeaderList(h) {", "  if (h === undefined || h === null) return undefined;",
           '  if (typeof h.toList === "function") return h.toList();', "  const out = [];",
           "  const entries = h instanceof Map ? h.entries() : Array.isArray(h) ? h : Object.entries(h);",
           "  for (const [k, v] of entries) {", "    if (Array.isArray(v)) for (const x of v) out.push(String(k), String(x));",
           "    else out.push(String(k), String(v));", "  }", "  return out;", "}", "",
           "function parseJson(text) {", '  return JSON.parse(text || "{}");', "}", "",
           "// A loop_async operation's result: the text of its completion's message data.",
           "function completionText(packed) {",
           f"  const o = packed[1], i = {number_offsets(api.types['message'])[0]['data']} * packed[0];",
           '  return Buffer.from(o.buffer, o.byteLength + o[i], o[i + 1] - o[i]).toString("utf8");', "}", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += record_class(t)
    out += ["/** Events by code (the connection emits them by name). */",
            "const EVENTS = {" + ", ".join(f'{e.code}: "{camel(e.name)}"' for e in api.events) + "};", "",
            "/** Connect options: camelCase name -> [definition name, type, default]. Durations are milliseconds. */",
            "const CONNECT_OPTIONS = {"]
    for o in api.connect_options:
        out.append(f'  {camel(o.name)}: ["{o.name}", "{o.type}", {js_value(o.default)}],')
    out += ["};", "", "/** Every operation of the definition, by object. */", "const OPERATIONS = {"]
    for obj in api.objects:
        out.append(f"  {obj.name}: [" + ", ".join(f'"{camel(op.name)}"' for op in obj.operations) + "],")
    out += ["};", ""]
    for obj in api.objects:
        out += [f"/** {obj.doc} */", f"class {cls(obj.name)}Ops {{"]
        for op in obj.operations:
            out += js_method(api, op)
        out[-1:] = ["}", ""]
    names = [f"{cls(o.name)}Ops" for o in api.objects]
    unpackers = [x for t in api.types.values() if t.encoding == "batch"
                 for x in (f"unpack{cls(t.name)}", f"{cls(t.name)}Record")]
    out += ["/** The mixin of each object, by definition name. */",
            "const OBJECT_OPS = {" + ", ".join(f"{o.name}: {cls(o.name)}Ops" for o in api.objects) + "};", "",
            "/** The record class of each batch-encoded type, by definition name. */",
            "const RECORDS = {" + ", ".join(f"{t.name}: {cls(t.name)}Record" for t in api.types.values()
                                            if t.encoding == "batch") + "};", ""]
    out += ["module.exports = {" + ", ".join(names + unpackers + ["toHeaderList", "EVENTS", "CONNECT_OPTIONS",
                                                                   "OPERATIONS", "OBJECT_OPS", "RECORDS"]) + "};", ""]
    return "\n".join(out)


def js_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(v)


# ---- index.d.ts --------------------------------------------------------------------

def ts_return(api: Api, op: Operation) -> str:
    if (op.object, op.name) in RETURNS_OVERRIDE:
        return RETURNS_OVERRIDE[(op.object, op.name)]
    kind = api.returns_kind(op.returns)
    inner = {"none": "void", "struct": cls(op.returns or ""), "json": cls(op.returns or ""),
             "batch": "Msg" if op.returns == "message" else cls(op.returns or ""),
             "object": cls(op.returns or "")}.get(kind)
    if kind == "scalar":
        inner = "Buffer" if op.returns == "bytes" else TS[op.returns]
    return inner if op.kind == "call" else f"Promise<{inner}>"


def ts(api: Api) -> str:
    out = ["// " + banner("").strip(), "", (TEMPLATES / "node_index_head.d.ts").read_text().rstrip(), ""]
    # errors
    for e in api.errors:
        out += [f"/** {e.doc} */", f"export class {e.name} extends {e.parent or 'Error'} {{",
                f'  readonly code: string;', "  readonly errorCode: number;"]
        for f in e.fields:
            name = "apiCode" if f.name == "code" else camel(f.name)
            out += [f"  /** {f.doc} */", f"  readonly {name}: {TS[f.type]};"]
        out += ["}", ""]
    # records
    for t in api.types.values():
        if t.encoding == "batch" and t.name == "message":
            continue
        out += [f"/** {t.doc} */", f"export interface {cls(t.name)} {{"]
        for f in t.fields:
            name = camel(f.name) if t.encoding == "struct" else f.name
            out += [f"  /** {f.doc} */", f"  {name}: {TS[f.type]};"]
        if t.encoding == "json":
            out.append("  [key: string]: unknown;")
        out += ["}", ""]
    out += ["/** Options of connect(); durations are milliseconds. */", "export interface ConnectOptions {",
            "  /** One URL or a list (nats://, tls://); default nats://127.0.0.1:4222. */",
            "  servers?: string | string[];"]
    for o in api.connect_options:
        out += [f"  /** {o.doc} Default {js_value(o.default)}. */", f"  {camel(o.name)}?: {TS[o.type]};"]
    out += ["}", "", "/** Event names a Connection emits (besides \"error\"). */",
            "export type ConnectionEvent = " + " | ".join(f'"{camel(e.name)}"' for e in api.events) + ";", ""]
    for obj in api.objects:
        for op in obj.operations:
            opt = optional(op)
            extra = EXTRA_OPTIONS.get((op.object, op.name), [])
            if opt or extra:
                out.append(f"export interface {cls(op.object)}{cls(op.name)}Options {{")
                for a in opt:
                    out += [f"  /** {a.doc} */", f"  {camel(a.name)}?: {TS[a.type]};"]
                out += [f"  {x}" for x in extra]
                out += ["}", ""]
    for obj in api.objects:
        extra = TEMPLATES / f"node_{obj.name}.d.ts"
        ext = f" extends {EXTENDS[obj.name]}" if obj.name in EXTENDS else ""
        out += [f"/** {obj.doc} */", f"export interface {cls(obj.name)}{ext} {{"]
        for op in obj.operations:
            params = [f"{camel(a.name)}{'?' if a.has_default else ''}: "
                      f"{ARG_OVERRIDE.get((op.object, op.name, a.name), TS[a.type])}" for a in positional(op)]
            if optional(op) or EXTRA_OPTIONS.get((op.object, op.name)):
                params.append(f"opts?: {cls(op.object)}{cls(op.name)}Options")
            doc = op.doc + (" Durations are milliseconds." if any(a.type == "duration" for a in op.args) else "")
            if op.errors:
                doc += " Errors: " + ", ".join(op.errors) + "."
            out += [f"  /** {doc} */", f"  {camel(op.name)}({', '.join(params)}): {ts_return(api, op)};"]
        if extra.exists():
            out.append(extra.read_text().rstrip())
        out += ["}", ""]
    out.append((TEMPLATES / "node_index_tail.d.ts").read_text().rstrip())
    if any(obj.name == "actor_host" for obj in api.objects):  # lib/actors.js, over the actor_host object
        out += ["", (TEMPLATES / "node_actors.d.ts").read_text().rstrip()]
    if any(obj.name == "key_value" for obj in api.objects):  # lib/jetstream.js
        out += ["", (TEMPLATES / "node_jetstream_records.d.ts").read_text().rstrip()]
    return "\n".join(out) + "\n"


def generate(api: Api) -> dict[str, str]:
    return {
        "node/src/bindings.generated.cpp": glue(api),
        "node/lib/errors.generated.js": js_errors(api),
        "node/lib/ops.generated.js": js_ops(api),
        "node/index.d.ts": ts(api),
    }
