"""The language-neutral runtime pieces: connect options by name, and the
structured fields of errors. Every language's glue links these."""
from model import Api, banner

OPTIONS_HEAD = """{banner}
#include <utility>

#include "options.hpp"

namespace nervure::bridge {{
namespace {{

template <typename T>
void set_integer(T& field, int64_t value, std::string_view name, int64_t min) {{
  if (value < min || !std::in_range<T>(value))
    throw Error(ErrorCode::invalid_argument, std::string(name) + " is out of range: " + std::to_string(value));
  field = static_cast<T>(value);
}}

void set_duration(Duration& field, int64_t ms, std::string_view name) {{
  if (ms < 0) throw Error(ErrorCode::invalid_argument, std::string(name) + " must not be negative");
  field = Duration(ms);
}}

}}  // namespace

void set_option(Options& o, std::string_view name, const OptionValue& v) {{
"""

OPTION_TYPE = {"string": "string", "int": "int_", "bool": "bool_", "duration": "duration"}

OPTION_BODY = {
    "string": '    o.{field} = std::string(v.text);',
    "bool": '    o.{field} = v.flag;',
    "int": '    set_integer(o.{field}, v.number, name, {min});',
    "duration": '    set_duration(o.{field}, v.number, name);',
}


def options(api: Api) -> str:
    out = [OPTIONS_HEAD.format(banner=banner("//"))]
    for opt in api.connect_options:
        minimum = "INT64_MIN" if opt.min is None else str(opt.min)
        out.append(f'  if (name == "{opt.name}") {{')
        out.append(f'    v.expect(OptionType::{OPTION_TYPE[opt.type]}, name);')
        out.append(OPTION_BODY[opt.type].format(field=opt.core, min=minimum))
        out.append("    return;")
        out.append("  }")
    out += ['  throw Error(ErrorCode::invalid_argument, "unknown connect option \'" + std::string(name) + "\'");', "}", "",
            "}  // namespace nervure::bridge", ""]
    return "\n".join(out)


def errors(api: Api) -> str:
    out = [banner("//"), '#include "bridge.hpp"', "", "namespace nervure::bridge {", "",
           "void error_fields(const Error& e, std::vector<ErrorField>& out) {"]
    for err in api.errors:
        if not err.fields:
            continue
        out.append(f"  if (auto* x = dynamic_cast<const {err.core_class}*>(&e)) {{")
        for f in err.fields:
            if f.type == "string":
                out.append(f'    out.push_back(ErrorField{{"{f.name}", true, 0, std::string(x->{f.core})}});')
            else:
                out.append(f'    out.push_back(ErrorField{{"{f.name}", false, static_cast<int64_t>(x->{f.core}), {{}}}});')
        out.append("    return;")
        out.append("  }")
    out += ["  (void)e;", "  (void)out;", "}", "", "}  // namespace nervure::bridge", ""]
    return "\n".join(out)


def generate(api: Api) -> dict[str, str]:
    return {"bindings/runtime/options.generated.cpp": options(api),
            "bindings/runtime/errors.generated.cpp": errors(api)}
