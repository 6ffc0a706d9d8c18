#include "cli_args.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "connect_options.hpp"

namespace nervure::cli {
namespace {

const Flag* find_flag(const CommandSpec& spec, const std::string& name) {
  for (const auto& f : spec.flags)
    if (f.name == name) return &f;
  if (spec.connection_flags)
    for (const auto& f : connection_flags())
      if (f.name == name) return &f;
  return nullptr;
}

constexpr std::size_t kHelpColumn = 24;

void append_option(std::ostringstream& out, const std::string& left, const std::string& help) {
  out << left;
  // A long flag pushes its help onto the next line rather than misalign the column.
  if (left.size() >= kHelpColumn) out << "\n" << std::string(kHelpColumn, ' ');
  else out << std::string(kHelpColumn - left.size(), ' ');
  out << help << "\n";
}

void append_flags(std::ostringstream& out, const std::vector<Flag>& flags) {
  for (const auto& f : flags)
    append_option(out, "  --" + f.name + (f.value_name.empty() ? "" : " " + f.value_name),
                  f.help + (f.repeatable ? " (repeatable)" : ""));
}

}  // namespace

std::string usage_text(const CommandSpec& spec) {
  std::ostringstream out;
  out << "usage: nervure " << spec.name << (spec.synopsis.empty() ? "" : " " + spec.synopsis) << " [options]\n\n"
      << spec.summary << "\n\noptions:\n";
  append_flags(out, spec.flags);
  append_option(out, "  -h, --help", "show this help");
  if (spec.connection_flags) {
    out << "\nconnection options:\n";
    append_flags(out, connection_flags());
  }
  return out.str();
}

Args::Args(const CommandSpec& spec, int argc, char** argv, int first) {
  bool flags_done = false;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (!flags_done && (a == "-h" || a == "--help")) throw HelpRequested{};
    if (flags_done || a.rfind("--", 0) != 0) {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {  // everything after it is data, even "--foo"
      flags_done = true;
      continue;
    }
    std::string name = a.substr(2), value;
    bool inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    const Flag* flag = find_flag(spec, name);
    if (!flag) throw UsageError("unknown option --" + name);
    if (flag->value_name.empty()) {
      if (inline_value) throw UsageError("--" + name + " takes no value");
      value = "true";
    } else if (!inline_value) {
      if (i + 1 >= argc) throw UsageError("--" + name + " needs a value (" + flag->value_name + ")");
      value = argv[++i];
    }
    if (!flag->repeatable && values_.count(name)) throw UsageError("--" + name + " given twice");
    values_.emplace(name, value);
  }
  if (positional_.size() < spec.min_positional)
    throw UsageError("missing argument: nervure " + spec.name + " " + spec.synopsis);
  if (positional_.size() > spec.max_positional)
    throw UsageError("unexpected argument '" + positional_[spec.max_positional] + "'" +
                     (spec.max_positional > 1 ? " (quote a payload that has spaces)" : ""));
}

std::string Args::positional_or(std::size_t i, const std::string& fallback) const {
  return i < positional_.size() ? positional_[i] : fallback;
}

std::string Args::get(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Args::all(const std::string& flag) const {
  std::vector<std::string> out;
  for (auto [it, end] = values_.equal_range(flag); it != end; ++it) out.push_back(it->second);
  return out;
}

int64_t Args::integer(const std::string& flag, int64_t fallback, int64_t min, int64_t max) const {
  if (!has(flag)) return fallback;
  const std::string text = get(flag);
  int64_t v = 0;
  try {
    std::size_t used = 0;
    v = std::stoll(text, &used);
    if (used != text.size()) throw std::invalid_argument("trailing characters");
  } catch (const std::exception&) {
    throw UsageError("--" + flag + " wants a whole number, got '" + text + "'");
  }
  if (v < min || v > max) {
    std::string range = max == INT64_MAX ? "at least " + std::to_string(min)
                                         : "between " + std::to_string(min) + " and " + std::to_string(max);
    throw UsageError("--" + flag + " must be " + range + ", got " + text);
  }
  return v;
}

std::chrono::milliseconds Args::duration(const std::string& flag, std::chrono::milliseconds fallback) const {
  if (!has(flag)) return fallback;
  try {
    return parse_duration(get(flag));
  } catch (const UsageError& e) {
    throw UsageError("--" + flag + ": " + e.what());
  }
}

std::chrono::milliseconds parse_duration(const std::string& text) {
  std::size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    throw UsageError("not a duration: '" + text + "' (examples: 2s, 150ms, 1m)");
  }
  const std::string unit = text.substr(used);
  double scale = unit == "ms" ? 1 : unit == "s" ? 1e3 : unit == "m" ? 60e3 : unit == "h" ? 3600e3 : -1;
  if (unit.empty()) throw UsageError("'" + text + "' has no unit (write " + text + "s or " + text + "ms)");
  if (scale < 0) throw UsageError("unknown unit '" + unit + "' in '" + text + "' (use ms, s, m or h)");
  if (!std::isfinite(v) || v < 0 || v * scale > 1e12) throw UsageError("duration out of range: '" + text + "'");
  return std::chrono::milliseconds(static_cast<int64_t>(std::llround(v * scale)));
}

std::string format_duration(std::chrono::milliseconds d) {
  if (d.count() % 1000 != 0) return std::to_string(d.count()) + "ms";
  return std::to_string(d.count() / 1000) + "s";
}

Headers parse_headers(const std::vector<std::string>& specs) {
  Headers h;
  for (const auto& spec : specs) {
    auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0) throw UsageError("header '" + spec + "' should be Key:Value");
    std::string key = spec.substr(0, colon), value = spec.substr(colon + 1);
    if (key.find_first_of(" \t\r\n") != std::string::npos)
      throw UsageError("header name '" + key + "' must not contain spaces");
    // "Key: Value" is how people write headers; the space is not part of the value.
    value.erase(0, std::min(value.find_first_not_of(' '), value.size()));
    if (value.find_first_of("\r\n") != std::string::npos)
      throw UsageError("header '" + key + "' must not contain line breaks");
    h.add(std::move(key), std::move(value));
  }
  return h;
}

}  // namespace nervure::cli
