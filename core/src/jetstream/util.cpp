#include "jetstream/util.hpp"

#include <charconv>
#include <ctime>

#include "nervure/errors.hpp"

namespace nervure::detail {

void validate_name(const std::string& what, const std::string& name) {
  if (name.empty()) throw Error(ErrorCode::invalid_argument, what + " must not be empty");
  for (char c : name) {
    if (c == '.' || c == '*' || c == '>' || c == '/' || c == '\\' || static_cast<unsigned char>(c) <= ' ')
      throw Error(ErrorCode::invalid_argument,
                  what + " '" + name + "' may not contain '.', '*', '>', '/', '\\' or white space");
  }
}

std::string format_time(TimePoint t) {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ns / 1000000000);
  int64_t frac = ns % 1000000000;
  if (frac < 0) {
    frac += 1000000000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%09lldZ", static_cast<long long>(frac));
  return buf;
}

namespace {
int digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) throw Error(ErrorCode::invalid_argument, "malformed time '" + std::string(s) + "'");
  int v = 0;
  auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + count, v);
  if (ec != std::errc() || p != s.data() + pos + count)
    throw Error(ErrorCode::invalid_argument, "malformed time '" + std::string(s) + "'");
  return v;
}
}  // namespace

TimePoint parse_time(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
  std::tm tm{};
  tm.tm_year = digits(s, 0, 4) - 1900;
  tm.tm_mon = digits(s, 5, 2) - 1;
  tm.tm_mday = digits(s, 8, 2);
  tm.tm_hour = digits(s, 11, 2);
  tm.tm_min = digits(s, 14, 2);
  tm.tm_sec = digits(s, 17, 2);
  std::size_t pos = 19;
  int64_t frac_ns = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int64_t scale = 100000000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      frac_ns += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
  }
  int64_t offset = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int sign = s[pos] == '-' ? -1 : 1;
    offset = sign * (digits(s, pos + 1, 2) * 3600 + digits(s, pos + 4, 2) * 60);
  }
  std::time_t secs = timegm(&tm) - offset;
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::seconds(secs) +
                                                                    std::chrono::nanoseconds(frac_ns)));
}

std::string go_time_to_rfc3339(std::string_view s) {
  // "2022-08-06 00:29:27.587861324 +0000 UTC": date, clock, offset, zone name.
  auto space = s.find(' ');
  if (space == std::string_view::npos) return std::string(s);
  auto clock_end = s.find(' ', space + 1);
  std::string out(s.substr(0, space));
  out += 'T';
  out.append(s.substr(space + 1, clock_end == std::string_view::npos ? std::string_view::npos : clock_end - space - 1));
  if (clock_end == std::string_view::npos) return out + "Z";
  auto offset = s.substr(clock_end + 1, 5);
  if (offset == "+0000" || offset.size() < 5) return out + "Z";
  out += offset.substr(0, 3);
  out += ':';
  out += offset.substr(3, 2);
  return out;
}

std::string base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    int v = value(c);
    if (v < 0) throw Error(ErrorCode::nervure, "stored message is not valid base64");
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string seconds_text(Duration d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count()) + "s";
}

}  // namespace nervure::detail
