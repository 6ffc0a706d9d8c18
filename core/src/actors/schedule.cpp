// Due times and periods for timers and reminders: Go durations ("1m30s") and
// ISO 8601 durations ("PT1M30S"), with "R<n>/" repetitions on periods, the
// forms Dapr accepts, so schedules written for Dapr keep working.
#include <cctype>
#include <cmath>
#include <string>

#include "nervure/actors.hpp"
#include "nervure/errors.hpp"

namespace nervure {
namespace {

[[noreturn]] void bad(std::string_view text, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "invalid duration \"" + std::string(text) + "\": " + why);
}

// Reads a decimal number (fraction allowed) at pos.
double read_number(std::string_view text, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.')) ++pos;
  if (pos == start) bad(text, "expected a number at position " + std::to_string(start));
  try {
    return std::stod(std::string(text.substr(start, pos - start)));
  } catch (const std::exception&) {
    bad(text, "malformed number");
  }
}

Duration to_duration(std::string_view text, double ms) {
  if (!std::isfinite(ms) || ms > 1e15) bad(text, "too long");
  return Duration(static_cast<int64_t>(std::llround(ms)));
}

Duration parse_go(std::string_view text) {
  double total = 0;
  std::size_t pos = 0;
  if (text == "0") return Duration(0);
  while (pos < text.size()) {
    double n = read_number(text, pos);
    std::size_t unit_start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    std::string_view unit = text.substr(unit_start, pos - unit_start);
    double scale;
    if (unit == "h") scale = 3600e3;
    else if (unit == "m") scale = 60e3;
    else if (unit == "s") scale = 1e3;
    else if (unit == "ms") scale = 1;
    else if (unit == "us" || unit == "µs") scale = 1e-3;
    else if (unit == "ns") scale = 1e-6;
    else if (unit.empty()) bad(text, "missing unit (h, m, s, ms, us, ns)");
    else bad(text, "unknown unit \"" + std::string(unit) + "\"");
    total += n * scale;
  }
  return to_duration(text, total);
}

Duration parse_iso(std::string_view text) {
  // P[nD]T[nH][nM][nS] (weeks as nW); years and months have no fixed length.
  std::size_t pos = 1;
  double total = 0;
  bool in_time = false, any = false;
  while (pos < text.size()) {
    if (text[pos] == 'T') {
      if (in_time) bad(text, "two 'T' designators");
      in_time = true;
      ++pos;
      continue;
    }
    double n = read_number(text, pos);
    if (pos >= text.size()) bad(text, "number without a designator");
    char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[pos++])));
    double scale = 0;
    if (!in_time && unit == 'W') scale = 7 * 86400e3;
    else if (!in_time && unit == 'D') scale = 86400e3;
    else if (!in_time && (unit == 'Y' || unit == 'M')) bad(text, "years and months have no fixed length");
    else if (in_time && unit == 'H') scale = 3600e3;
    else if (in_time && unit == 'M') scale = 60e3;
    else if (in_time && unit == 'S') scale = 1e3;
    else bad(text, std::string("unexpected designator '") + unit + "'");
    total += n * scale;
    any = true;
  }
  if (!any) bad(text, "no components");
  return to_duration(text, total);
}

}  // namespace

Duration parse_duration(std::string_view text) {
  if (text.empty()) bad(text, "empty");
  if (text[0] == 'P' || text[0] == 'p') return parse_iso(text);
  return parse_go(text);
}

Schedule parse_schedule(std::string_view due, std::string_view period) {
  Schedule s;
  s.due = due.empty() ? Duration(0) : parse_duration(due);
  if (period.empty()) {
    s.repetitions = 1;
    return s;
  }
  if (period[0] == 'R' || period[0] == 'r') {
    auto slash = period.find('/');
    if (slash == std::string_view::npos) bad(period, "repetitions need \"R<n>/<duration>\"");
    std::string count(period.substr(1, slash - 1));
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos)
      bad(period, "repetition count must be a whole number");
    s.repetitions = std::stoll(count);
    if (s.repetitions == 0) bad(period, "repetition count must be positive");
    period = period.substr(slash + 1);
  }
  s.period = parse_duration(period);
  if (s.period.count() <= 0) bad(period, "period must be positive");
  return s;
}

}  // namespace nervure
