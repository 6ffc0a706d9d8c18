"""Python: the pybind11 glue of nervure._core, its type stubs, the error
classes and the tables the asyncio layer reads (events, connect options).

Operations become methods of the handle classes (Connection, Subscription).
Hot operations skip pybind11's dispatcher: they are METH_FASTCALL functions
that parse their own arguments. At this level durations are milliseconds
(`timeout_ms`) and asynchronous operations take a token first; the asyncio
layer in python/nervure/ turns those into seconds and awaitables.
"""
from pathlib import Path

from model import Api, Object, Operation, Type, banner, pascal

TEMPLATES = Path(__file__).resolve().parent / "templates"
CLASS = {"message": "Msg"}  # Python names that differ from the definition's

# pybind11 argument declarations (cold path) and how to hand them to ops::
PB_PARAM = {"string": "std::string {n}", "bytes": "py::object {n}", "int": "int64_t {n}", "uint": "uint64_t {n}",
            "bool": "bool {n}", "duration": "int64_t {n}_ms", "headers": "py::object {n}"}
PB_PASS = {"string": "{n}", "bytes": "{n}_view", "int": "{n}", "uint": "{n}", "bool": "{n}", "duration": "{n}_ms",
           "headers": "{n}_h ? &*{n}_h : nullptr"}
# fast path: a[i] is the PyObject* (NULL when not given)
FAST_CONVERT = {"string": "text_view({o}, \"{n}\")", "bytes": "bytes_view({o}, \"{n}\")",
                "int": "to_int({o}, \"{n}\")", "uint": "to_uint({o}, \"{n}\")", "bool": "to_bool({o})",
                "duration": "to_int({o}, \"{n}_ms\")", "headers": "to_headers({o})"}
FAST_TYPE = {"string": "std::string_view", "bytes": "std::string_view", "int": "int64_t", "uint": "uint64_t",
             "bool": "bool", "duration": "int64_t", "headers": "std::optional<Headers>"}
PY_HINT = {"string": "str", "bytes": "_Data", "int": "int", "uint": "int", "bool": "bool", "duration": "int",
           "headers": "_HeadersIn", "string_list": "list[str]"}


def cls(name: str) -> str:
    return CLASS.get(name, pascal(name))


def handle_type(obj: Object) -> str:
    return f"Py{pascal(obj.name)}"


def cpp_default(arg) -> str:
    v = arg.default
    if arg.type == "headers":
        return "std::nullopt"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'std::string_view("{v}")'
    return str(v)


def py_default(arg) -> str:
    v = arg.default
    if v is None:
        return "None"
    if arg.type == "bytes":
        return repr(v.encode())
    return repr(v)


def py_param_name(a) -> str:
    return f"{a.name}_ms" if a.type == "duration" else a.name


def text_signature(op: Operation) -> str:
    params = ["$self", "/"] + (["token"] if op.kind == "async" else [])
    for a in op.args:
        params.append(f"{py_param_name(a)}={py_default(a)}" if a.has_default else py_param_name(a))
    return f"{op.name}({', '.join(params)})"


# ---- C++ --------------------------------------------------------------------

def records_header(api: Api) -> str:
    out = [banner("//"), "#pragma once", "// Included by py_bridge.hpp.", "", "namespace nervure::py_bridge {", ""]
    for obj in api.objects:
        out += [f"/// _core.{cls(obj.name)}: {obj.doc}", f"struct {handle_type(obj)} {{",
                f"  std::shared_ptr<{obj.handle}> handle;", "};", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += [f"/// nervure.{cls(t.name)}: one item of a batch; fields become Python objects on first read.",
                    f"struct {cls(t.name)}Object {{", "  PyObject_HEAD", f"  {t.core} item;",
                    "  PyObject* conn;  // the _core.Connection it came from, or NULL",
                    f"  PyObject* cache[{len(t.fields)}];", "};",
                    f"extern PyGetSetDef {t.name}_getset[];", ""]
        elif t.encoding == "struct":
            out += [f"py::dict to_python(const {t.core}& record);", ""]
    out += ["}  // namespace nervure::py_bridge", ""]
    return "\n".join(out)


def record_getters(t: Type) -> list[str]:
    """Getter functions (for an anonymous namespace); record_table lists them."""
    obj = f"{cls(t.name)}Object"
    out = []
    for i, f in enumerate(t.fields):
        value = f"m.{f.core or f.name}"
        make = {
            "string": f'PyUnicode_DecodeUTF8({value}.data(), static_cast<Py_ssize_t>({value}.size()), "surrogateescape")',
            "bytes": f"PyBytes_FromStringAndSize({value}.data(), static_cast<Py_ssize_t>({value}.size()))",
            "int": f"PyLong_FromLongLong({value})",
            "uint": f"PyLong_FromUnsignedLongLong({value})",
            "bool": f"PyBool_FromLong({value})",
            "duration": f"PyFloat_FromDouble({value}.count() / 1000.0)",
            "headers": f"make_headers({value})",
        }[f.type]
        out += [f"PyObject* {t.name}_get_{f.name}(PyObject* self, void*) {{",
                f"  auto* o = reinterpret_cast<{obj}*>(self);",
                f"  if (!o->cache[{i}]) {{", "    const auto& m = o->item;",
                f"    o->cache[{i}] = guard([&] {{ return {make}; }});", f"    if (!o->cache[{i}]) return nullptr;",
                "  }", f"  Py_INCREF(o->cache[{i}]);", f"  return o->cache[{i}];", "}", ""]
    return out


def record_table(t: Type) -> list[str]:
    out = [f"PyGetSetDef {t.name}_getset[] = {{"]
    for f in t.fields:
        out.append(f'    {{"{f.name}", {t.name}_get_{f.name}, nullptr, const_cast<char*>("{f.doc}"), nullptr}},')
    out += ["    {nullptr, nullptr, nullptr, nullptr, nullptr}};", ""]
    return out


def struct_converter(t: Type) -> list[str]:
    out = [f"py::dict to_python(const {t.core}& record) {{", "  py::dict d;"]
    for f in t.fields:
        value = f"record.{f.core or f.name}"
        if f.type == "duration":
            value += ".count() / 1000.0"
        out.append(f'  d["{f.name}"] = {value};')
    out += ["  return d;", "}", ""]
    return out


def result_expr(api: Api, op: Operation, call: str) -> list[str]:
    """Statements that run call without the GIL and return its Python value."""
    kind = api.returns_kind(op.returns) if op.kind != "async" else "none"
    if kind == "none":
        return ["{", "  py::gil_scoped_release unlocked;", f"  {call};", "}", "return py::object(py::none());"]
    if kind == "object":
        target = handle_type(api.object(op.returns))
        return ["std::shared_ptr<" + api.object(op.returns).handle + "> result;", "{",
                "  py::gil_scoped_release unlocked;", f"  result = {call};", "}",
                f"return py::cast({target}{{std::move(result)}});"]
    if kind == "struct":
        return [f"{api.types[op.returns].core} result;", "{", "  py::gil_scoped_release unlocked;",
                f"  result = {call};", "}", "return py::object(to_python(result));"]
    ctype = {"bool": "bool", "int": "int64_t", "uint": "uint64_t", "duration": "int64_t", "string": "std::string",
             "bytes": "std::string", "json": "std::string"}["json" if kind == "json" else op.returns]
    cast = "py::bytes(result)" if op.returns == "bytes" else "py::cast(result)"
    return [f"{ctype} result;", "{", "  py::gil_scoped_release unlocked;", f"  result = {call};", "}",
            f"return {cast};"]


def pybind_op(api: Api, op: Operation) -> list[str]:
    obj = api.object(op.object)
    params = [f"{handle_type(obj)}& self"] + (["uint64_t token"] if op.kind == "async" else [])
    params += [PB_PARAM[a.type].format(n=a.name) for a in op.args]
    body = []
    for a in op.args:  # conversions need the GIL; the call does not
        if a.type == "bytes":
            body.append(f'auto {a.name}_view = bytes_view({a.name}, "{a.name}");')
        elif a.type == "headers":
            body.append(f"auto {a.name}_h = to_headers({a.name});")
    args = ["*self.handle"] + (["ops::AsyncTarget{token, {}}"] if op.kind == "async" else [])
    args += [PB_PASS[a.type].format(n=a.name) for a in op.args]
    body += result_expr(api, op, f"ops::{op.object}_{op.name}({', '.join(args)})")
    kwargs = ['py::arg("token")'] if op.kind == "async" else []
    for a in op.args:
        name = py_param_name(a)
        if not a.has_default:
            kwargs.append(f'py::arg("{name}")')
        elif a.type == "headers" or a.default is None:
            kwargs.append(f'py::arg("{name}") = py::none()')
        elif a.type == "bytes":
            kwargs.append(f'py::arg("{name}") = py::bytes("{a.default}")')
        elif isinstance(a.default, str):
            kwargs.append(f'py::arg("{name}") = std::string("{a.default}")')
        elif isinstance(a.default, bool):
            kwargs.append(f'py::arg("{name}") = {"true" if a.default else "false"}')
        else:
            kwargs.append(f'py::arg("{name}") = {a.default}')
    doc = 'R"doc(' + op.doc + ')doc"'
    out = [f'  {op.object}.def("{op.name}", []({", ".join(params)}) -> py::object {{']
    out += [f"    {line}" for line in body]
    out.append("  }, " + ", ".join(kwargs + [doc]) + ");")
    return out


def fast_op(api: Api, op: Operation) -> list[str]:
    obj = api.object(op.object)
    fn = f"{op.object}_{op.name}_fast"
    is_async = op.kind == "async"
    first = 1 if is_async else 0  # an async operation's token comes first
    n = len(op.args) + first
    names = ", ".join((['"token"'] if is_async else []) + [f'"{py_param_name(a)}"' for a in op.args])
    out = [f"PyObject* {fn}(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {{",
           f"  static const char* const names[] = {{{names}}};", f"  PyObject* a[{max(n, 1)}];",
           f'  if (!parse_args("{op.name}", args, nargs, kwnames, names, {n}, {len(op.required_args) + first}, a)) '
           "return nullptr;",
           "  return guard([&]() -> PyObject* {", f"    auto& h = self_as<{handle_type(obj)}>(self);"]
    if is_async:
        out.append('    uint64_t token = to_uint(a[0], "token");')
    for i, a in enumerate(op.args, start=first):
        conv = FAST_CONVERT[a.type].format(o=f"a[{i}]", n=a.name)
        if a.has_default:
            out.append(f"    {FAST_TYPE[a.type]} {a.name} = a[{i}] ? {conv} : {cpp_default(a)};")
        else:
            out.append(f"    {FAST_TYPE[a.type]} {a.name} = {conv};")
    args = ["*h.handle"] + (["ops::AsyncTarget{token, {}}"] if is_async else [])
    args += [f"{a.name} ? &*{a.name} : nullptr" if a.type == "headers" else a.name for a in op.args]
    doc = op.doc + (" Completes through take() with the token." if is_async
                    else " Returns at once; awaiting the result is allowed.")
    out += ["    {", "      Unlocked unlocked;", f"      ops::{op.object}_{op.name}({', '.join(args)});", "    }",
            "    Py_RETURN_NONE;" if is_async else "    return done();", "  });", "}", "",
            f'PyMethodDef {fn}_def = {{"{op.name}", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>'
            f'({fn})), METH_FASTCALL | METH_KEYWORDS,',
            f'    "{text_signature(op)}\\n--\\n\\n{doc}"}};', ""]
    return out


def glue(api: Api) -> str:
    out = [banner("//"), '#include "py_bridge.hpp"', "", "namespace nervure::py_bridge {", "namespace {", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += record_getters(t)
    for obj in api.objects:
        for op in obj.operations:
            if op.hot:
                out += fast_op(api, op)
    out += ["}  // namespace", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += record_table(t)
        if t.encoding == "struct":
            out += struct_converter(t)
    out += ["void register_api(py::module_& m) {"]
    for obj in api.objects:
        out.append(f'  auto {obj.name} = py::class_<{handle_type(obj)}>(m, "{cls(obj.name)}", R"doc({obj.doc})doc");')
    for obj in api.objects:
        for op in obj.operations:
            if op.hot:
                out.append(f"  install_fast({obj.name}, &{op.object}_{op.name}_fast_def);")
            else:
                out += pybind_op(api, op)
            if op.loop_async:
                out += pybind_op(api, op.loop_form())
    out += ["}", "", "}  // namespace nervure::py_bridge", ""]
    return "\n".join(out)


# ---- Python -------------------------------------------------------------------

def errors(api: Api) -> str:
    out = [f'"""The nervure error hierarchy, the same in every language ({banner("").strip()})."""', "",
           "from __future__ import annotations", "", "import builtins", "from typing import Any", "",
           "__all__ = [" + ", ".join(f'"{e.name}"' for e in api.errors) + ', "error_for_code"]', "", ""]
    for e in api.errors:
        parent = e.parent or "Exception"
        if e.name == "TimeoutError":
            parent = "NervureError, builtins.TimeoutError"  # also caught by `except TimeoutError`
        doc = e.doc
        if e.fields:
            doc += "\n\n    Attributes:\n" + "\n".join(f"        {f.name}: {f.doc}" for f in e.fields) + "\n    "
        out += [f"class {e.name}({parent}):", f'    """{doc}"""', "", f"    error_code = {e.code}"]
        for f in e.fields:
            hint, zero = ("str", '""') if f.type == "string" else ("int", "0")
            out.append(f"    {f.name}: {hint} = {zero}")
        out += ["", ""]
    out += ["_BY_CODE: dict[int, type[NervureError]] = {" + ", ".join(f"{e.code}: {e.name}" for e in api.errors) + "}",
            "", "",
            "def error_for_code(code: int, message: str, fields: dict[str, Any] | None = None) -> NervureError:",
            '    """The exception for a core error code, with its structured fields as attributes."""',
            "    exc = _BY_CODE.get(code, NervureError)(message)",
            "    for name, value in (fields or {}).items():",
            "        setattr(exc, name, value)",
            "    return exc", ""]
    return "\n".join(out)


def api_tables(api: Api) -> str:
    out = [f'"""Tables from the API definition for the asyncio layer ({banner("").strip()})."""', "",
           "from __future__ import annotations", "", "from typing import Any, NamedTuple", "", "",
           "class ConnectOption(NamedTuple):", "    type: str  # string, int, bool or duration (seconds here)",
           "    default: Any", "    doc: str", "", "",
           "EVENTS: dict[int, str] = {" + ", ".join(f'{e.code}: "{e.name}"' for e in api.events) + "}", "",
           "EVENT_DOCS: dict[str, str] = {"]
    out += [f'    "{e.name}": {e.doc!r},' for e in api.events]
    out += ["}", "", "# Every operation of the definition, by object: the asyncio layer offers each one.",
            "OPERATIONS: dict[str, tuple[str, ...]] = {"]
    for obj in api.objects:
        out.append(f'    "{obj.name}": (' + "".join(f'"{op.name}", ' for op in obj.operations) + "),")
    out += ["}", "", "CONNECT_OPTIONS: dict[str, ConnectOption] = {"]
    for o in api.connect_options:
        default = o.default / 1000 if o.type == "duration" else o.default
        out.append(f'    "{o.name}": ConnectOption("{o.type}", {default!r}, {o.doc!r}),')
    out += ["}", ""]
    return "\n".join(out)


def stub_op(api: Api, op: Operation) -> str:
    params = ["self"] + (["token: int"] if op.kind == "async" else [])
    for a in op.args:
        hint = PY_HINT[a.type]
        params.append(f"{py_param_name(a)}: {hint}" + (f" = {py_default(a)}" if a.has_default else ""))
    kind = api.returns_kind(op.returns) if op.kind != "async" else "none"
    ret = {"none": "None", "object": cls(op.returns or ""), "struct": "dict[str, int]", "json": "str"}.get(kind)
    if kind == "scalar":
        ret = PY_HINT[op.returns].replace("_Data", "bytes")
    if op.hot and op.kind != "async":
        ret = "Done"
    return f"    def {op.name}({', '.join(params)}) -> {ret}: ..."


def stubs(api: Api) -> str:
    out = [f'"""Type stubs of the native extension ({banner("").strip()}).', "",
           'User code goes through the nervure package, not this module."""', "",
           (TEMPLATES / "core_stub_head.pyi").read_text().rstrip(), ""]
    for t in api.types.values():
        if t.encoding != "batch":
            continue
        out += ["", f"class {cls(t.name)}:", f'    """{t.doc}"""']
        for f in t.fields:
            hint = "Headers" if f.type == "headers" else PY_HINT[f.type].replace("_Data", "bytes")
            out += ["    @property", f"    def {f.name}(self) -> {hint}: ..."]
        out.append("    def respond(self, data: _Data = b\"\", headers: _HeadersIn = None) -> Done: ...")
    for obj in api.objects:
        out += ["", f"class {cls(obj.name)}:", f'    """{obj.doc}"""']
        for op in obj.operations:
            out.append(stub_op(api, op))
            if op.loop_async:
                out.append(stub_op(api, op.loop_form()))
        extra = TEMPLATES / f"core_stub_{obj.name}.pyi"
        if extra.exists():
            out.append(extra.read_text().rstrip())
    out += ["", (TEMPLATES / "core_stub_tail.pyi").read_text().rstrip(), ""]
    return "\n".join(out)


# ---- the default asyncio idiom of every operation ---------------------------------

PY_ARG = {"string": "str", "bytes": "Data", "int": "int", "uint": "int", "bool": "bool", "duration": "float",
          "headers": "HeadersIn"}
PY_SCALAR_RETURN = {"bool": "bool", "int": "int", "uint": "int", "string": "str", "bytes": "bytes", "duration": "float"}
# Python reads these as attributes, as nats-py users expect.
PROPERTIES = {("connection", "connected_url"), ("connection", "max_payload")}
# Immediate calls that Python awaits anyway, as in nats-py (and so overrides may await).
AWAITED_CALLS = {("connection", "subscribe"), ("subscription", "unsubscribe")}


def idiom_default(a) -> str:
    if a.type == "duration":
        return repr(a.default / 1000)
    return py_default(a)


def idiom_op(api: Api, op: Operation) -> list[str]:
    params = ["self"]
    for a in op.args:
        params.append(f"{a.name}: {PY_ARG[a.type]}" + (f" = {idiom_default(a)}" if a.has_default else ""))
    # Durations are converted (and checked) before anything starts.
    # A duration whose default is 0 means "none" and may be 0; others must be positive.
    prologue = [f'        {a.name}_ms = to_ms({a.name}, "{a.name}", {0 if a.has_default and a.default == 0 else 1})'
                for a in op.args if a.type == "duration"]
    call_args = [f"{a.name}_ms" if a.type == "duration" else a.name for a in op.args]
    kind = api.returns_kind(op.returns)
    if op.kind == "async":
        ret, convert = ("native.Msg" if op.returns else "None"), "{}"
    elif kind == "none":
        ret, convert = "None", "{}"
    elif kind == "scalar":
        ret = PY_SCALAR_RETURN[op.returns]
        convert = "{} / 1000" if op.returns == "duration" else "{}"
    elif kind == "struct":
        ret, convert = "dict[str, int]", "{}"
    elif kind == "json":
        ret, convert = "dict[str, Any]", "_json_object({})"
    else:
        ret, convert = "Any", f'self._wrap("{op.returns}", {{}})'
    native = f"self._core.{op.name}"
    doc = op.doc
    if any(a.type == "duration" for a in op.args):
        doc += " Durations are in seconds."
    if op.errors:
        doc += " Raises " + ", ".join(op.errors) + "."
    out = []
    if (op.object, op.name) in PROPERTIES:
        out.append("    @property")
    awaited = "async " if op.kind != "call" or (op.object, op.name) in AWAITED_CALLS else ""
    if op.hot and op.kind == "call":
        doc += " Returns at once; awaiting the result is allowed."
        ret, awaited = "Awaitable[None]", ""
    out += [f"    {awaited}def {op.name}({', '.join(params)}) -> {ret}:", f'        """{doc}"""'] + prologue
    if op.kind == "call":
        out.append("        return " + convert.format(f"{native}({', '.join(call_args)})"))
    elif op.loop_async:  # awaited through the bridge: no thread, and the loop polls for the reply
        args = ", ".join(["token"] + call_args)
        read = {"None": "{}", "int": "_number({})", "dict[str, Any]": "_json_object(({}).data.decode())"}[ret]
        out += [f"        result: {ret} = " + read.format(f"await self._async_call(lambda token: {native}_async({args}))"),
                "        return result"]
    elif op.kind == "blocking" and ret == "None":
        out.append(f"        await self._in_thread({', '.join([native] + call_args)})")
    elif op.kind == "blocking":
        out += [f"        result: {ret} = " + convert.format(f"await self._in_thread({', '.join([native] + call_args)})"),
                "        return result"]
    else:
        args = ", ".join(["token"] + call_args)
        out += [f"        result: {ret} = await self._async_call(lambda token: {native}({args}))",
                "        return result"]
    return out + [""]


def idiom(api: Api) -> str:
    out = [f'"""The default asyncio idiom of every operation ({banner("").strip()}).', "",
           "Each object's class (Connection, Subscription) inherits its mixin here and",
           "overrides what needs more than the default: call returns at once, blocking",
           "runs in a thread off the event loop (unless the definition marks it",
           "loop_async: its _async form is awaited), async awaits its completion (and",
           'cancelling the await cancels the operation). Durations are seconds."""', "",
           "from __future__ import annotations", "", "import json", "from typing import Any, Awaitable, Callable", "",
           "from . import _core as native", "from ._types import Data, HeadersIn, to_ms", "", "",
           "def _json_object(text: str) -> dict[str, Any]:", "    value: dict[str, Any] = json.loads(text or \"{}\")",
           "    return value", "", "",
           "def _number(msg: native.Msg) -> int:", "    return int(msg.data)", ""]
    for obj in api.objects:
        out += ["", f"class {cls(obj.name)}Ops:", f'    """{obj.doc}"""', "", f"    _core: native.{cls(obj.name)}", "",
                "    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:",
                "        raise NotImplementedError", "",
                "    async def _async_call(self, start: Callable[[int], None]) -> Any:",
                "        raise NotImplementedError", "",
                "    def _wrap(self, kind: str, handle: Any) -> Any:", "        raise NotImplementedError", ""]
        for op in obj.operations:
            out += idiom_op(api, op)
    return "\n".join(out).rstrip() + "\n"


def generate(api: Api) -> dict[str, str]:
    return {
        "python/src/records.generated.hpp": records_header(api),
        "python/src/bindings.generated.cpp": glue(api),
        "python/nervure/_errors.py": errors(api),
        "python/nervure/_api.py": api_tables(api),
        "python/nervure/_core.pyi": stubs(api),
        "python/nervure/_ops.py": idiom(api),
    }
