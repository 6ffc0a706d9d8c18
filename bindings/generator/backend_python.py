"""pybind11 glue for python/ and the Python error classes."""
from model import GENERATED, Api, camel

CONVERT = {"string": "std::string {n}", "bytes": "py::object {n}", "int": "int64_t {n}",
           "duration_ms": "int64_t {n}", "bool": "bool {n}", "headers": "py::object {n}"}
PASS = {"string": "{n}", "bytes": "nervure::py_bridge::bytes_view({n})", "int": "{n}", "duration_ms": "{n}",
        "bool": "{n}", "headers": "{n}_headers ? &*{n}_headers : nullptr"}


def py_default(a) -> str:
    if a.default is None:
        return "py::none()"
    if isinstance(a.default, bool):
        return "true" if a.default else "false"
    if isinstance(a.default, str):
        return f'std::string("{a.default}")'
    return str(a.default)


def glue(api: Api) -> str:
    out = [f"// {GENERATED}", '#include "py_bridge.hpp"', "", "namespace nervure::py_bridge {", "",
           "void register_operations(py::class_<PyConnection>& connection, py::class_<PySubscription>& subscription) {"]
    for obj in api.objects:
        cls = "connection" if obj.name == "connection" else "subscription"
        self_type = "PyConnection" if obj.name == "connection" else "PySubscription"
        target = "*self.bridge" if obj.name == "connection" else "*self.sub"
        for op in obj.operations:
            params = [f"{self_type}& self"] + (["uint64_t token"] if op.kind == "async" else [])
            params += [CONVERT[a.type].format(n=a.name) for a in op.args]
            args = (["token"] if op.kind == "async" else []) + [PASS[a.type].format(n=a.name) for a in op.args]
            call = f"nervure::ops::{obj.name}_{op.name}({', '.join([target] + args)})"
            body = []
            for a in op.args:  # conversions need the GIL; the call itself does not
                if a.type == "headers":
                    body.append(f"    auto {a.name}_headers = to_headers({a.name});")
            ret = op.returns if op.kind != "async" else None
            if ret == "subscription":
                body += ["    py::gil_scoped_release unlocked;",
                         f"    return PySubscription{{{call}}};"]
            elif ret == "stats":
                body += ["    Stats s;", "    {", "      py::gil_scoped_release unlocked;", f"      s = {call};", "    }",
                         "    return stats_dict(s);"]
            elif ret:
                body += ["    py::gil_scoped_release unlocked;", f"    return {call};"]
            else:
                body += ["    py::gil_scoped_release unlocked;", f"    {call};"]
            kwargs = (['py::arg("token")'] if op.kind == "async" else [])
            for a in op.args:
                kwargs.append(f'py::arg("{a.name}") = {py_default(a)}' if a.has_default else f'py::arg("{a.name}")')
            out.append(f'  {cls}.def("{op.name}", []({", ".join(params)}) {{')
            out += body
            docstring = 'R"doc(' + op.doc + ')doc"'
            out.append("  }, " + ", ".join(kwargs + [docstring]) + ");")
    out += ["}", "", "}  // namespace nervure::py_bridge", ""]
    return "\n".join(out)


def errors(api: Api) -> str:
    out = [f'"""The nervure error hierarchy ({GENERATED})."""', "", "from __future__ import annotations", "",
           "__all__ = [" + ", ".join(f'"{e["name"]}"' for e in api.errors) + ', "error_for_code"]', "", ""]
    for e in api.errors:
        parent = e["parent"] or "Exception"
        if e["name"] == "TimeoutError":
            parent = "NervureError, TimeoutError"  # also catchable as the built-in
        out += [f"class {e['name']}({parent}):", f'    """{e["doc"]}"""', "", f"    code = {e['code']}", "", ""]
    out += ["_BY_CODE = {" + ", ".join(f"{e['code']}: {e['name']}" for e in api.errors) + "}", "", "",
            "def error_for_code(code: int, message: str) -> NervureError:",
            '    """The exception instance for a core error code."""',
            "    return _BY_CODE.get(code, NervureError)(message)", ""]
    text = "\n".join(out)
    # The built-in TimeoutError is shadowed inside the module on purpose; keep a handle to it.
    return text.replace("from __future__ import annotations\n",
                        "from __future__ import annotations\n\nimport builtins\n").replace(
        "NervureError, TimeoutError)", "NervureError, builtins.TimeoutError)")


def generate(api: Api) -> dict[str, str]:
    return {"python/src/bindings.generated.cpp": glue(api), "python/nervure/_errors.py": errors(api)}
