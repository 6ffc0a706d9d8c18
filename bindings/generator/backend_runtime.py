"""set_option for the bridge runtime: option names to core Options fields."""
from model import GENERATED, Api


def generate(api: Api) -> dict[str, str]:
    lines = [f"// {GENERATED}", '#include "options.hpp"', "", "namespace nervure::bridge {", "",
             "void set_option(Options& o, std::string_view name, std::string_view text_value, int64_t int_value,",
             "                bool bool_value) {"]
    for opt in api.options:
        field = opt.get("core", opt["name"])
        value = {"string": "std::string(text_value)", "bool": "bool_value", "int": "int_value",
                 "duration_ms": "std::chrono::milliseconds(int_value)"}[opt["type"]]
        if opt["type"] == "int" and field in ("reconnect.buffer_size",):
            value = "static_cast<std::size_t>(int_value)"
        if opt["type"] == "int" and field in ("reconnect.max_attempts", "max_pings_out"):
            value = "static_cast<int>(int_value)"
        if opt["type"] == "duration_ms":
            lines.append(f'  if (name == "{opt["name"]}") {{')
            lines.append(f'    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "{opt["name"]} must not be negative");')
            lines.append(f"    o.{field} = {value};")
            lines.append("    return;")
            lines.append("  }")
        else:
            lines.append(f'  if (name == "{opt["name"]}") {{ o.{field} = {value}; return; }}')
    lines += ['  throw Error(ErrorCode::invalid_argument, "unknown connect option \'" + std::string(name) + "\'");',
              "}", "", "}  // namespace nervure::bridge", ""]
    return {"bindings/runtime/options.generated.cpp": "\n".join(lines)}
