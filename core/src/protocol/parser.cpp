#include "protocol/parser.hpp"

#include <array>
#include <charconv>
#include <cstring>

namespace nervure::protocol {
namespace {

// Splits a control line's arguments on spaces and tabs; returns how many were found.
template <std::size_t N>
std::size_t split_args(std::string_view line, std::array<std::string_view, N>& out) {
  std::size_t n = 0, i = 0;
  // Servers separate with spaces only: then each argument ends at the next
  // space, found by memchr, rather than by testing every byte for both.
  if (!std::memchr(line.data(), '\t', line.size())) {
    const char* p = line.data();
    const char* const end = p + line.size();
    while (p < end) {
      if (*p == ' ') {
        ++p;
        continue;
      }
      const void* space = std::memchr(p, ' ', static_cast<std::size_t>(end - p));
      const char* arg_end = space ? static_cast<const char*>(space) : end;
      if (n == N) throw ProtocolError("too many arguments in control line");
      out[n++] = std::string_view(p, static_cast<std::size_t>(arg_end - p));
      p = arg_end;
    }
    return n;
  }
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (n == N) throw ProtocolError("too many arguments in control line");
    out[n++] = line.substr(start, i - start);
  }
  return n;
}

uint64_t to_u64(std::string_view s, const char* what) {
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) throw ProtocolError(std::string("bad ") + what);
  return v;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? char(c - 32) : c; }

bool starts_with_ci(std::string_view line, std::string_view op) {
  if (line.size() < op.size()) return false;
  for (std::size_t i = 0; i < op.size(); ++i)
    if (upper(line[i]) != op[i]) return false;
  return true;
}

std::string_view strip_quotes(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

ParseResult parse(std::string_view data, ParserHandler& handler) {
  ParseResult r;
  std::size_t pos = 0;
  const std::size_t size = data.size();
  while (pos < size) {
    const char* begin = data.data() + pos;
    const void* nl = std::memchr(begin, '\n', size - pos);
    if (!nl) {
      if (size - pos > max_control_line) throw ProtocolError("control line too long");
      break;
    }
    std::size_t line_end = static_cast<const char*>(nl) - data.data();  // index of '\n'
    std::size_t content_end = (line_end > pos && data[line_end - 1] == '\r') ? line_end - 1 : line_end;
    std::string_view line = data.substr(pos, content_end - pos);
    std::size_t after_line = line_end + 1;

    if (line.empty()) throw ProtocolError("empty control line");
    char op = upper(line[0]);
    if (op == 'M' || op == 'H') {
      bool with_headers = op == 'H';
      std::size_t op_len = with_headers ? 4 : 3;
      if (!starts_with_ci(line, with_headers ? "HMSG" : "MSG") || line.size() <= op_len ||
          (line[op_len] != ' ' && line[op_len] != '\t'))
        throw ProtocolError("unknown protocol operation");
      std::array<std::string_view, 5> a;
      std::size_t n = split_args(line.substr(op_len), a);
      MsgView m;
      m.has_headers = with_headers;
      std::size_t hdr_len = 0, total_len = 0;
      if (!with_headers) {
        if (n != 3 && n != 4) throw ProtocolError("bad MSG arguments");
        m.subject = a[0];
        m.sid = to_u64(a[1], "MSG sid");
        if (n == 4) m.reply = a[2];
        total_len = to_u64(a[n - 1], "MSG size");
      } else {
        if (n != 4 && n != 5) throw ProtocolError("bad HMSG arguments");
        m.subject = a[0];
        m.sid = to_u64(a[1], "HMSG sid");
        if (n == 5) m.reply = a[2];
        hdr_len = to_u64(a[n - 2], "HMSG header size");
        total_len = to_u64(a[n - 1], "HMSG size");
        if (hdr_len > total_len) throw ProtocolError("HMSG header size exceeds total size");
      }
      std::size_t frame_end = after_line + total_len + 2;
      if (frame_end > size) {
        r.needed = frame_end - pos;
        break;
      }
      if (data[after_line + total_len] != '\r' || data[after_line + total_len + 1] != '\n')
        throw ProtocolError("message payload not followed by CRLF");
      m.headers = data.substr(after_line, hdr_len);
      m.payload = data.substr(after_line + hdr_len, total_len - hdr_len);
      handler.on_msg(m);
      pos = frame_end;
    } else if (op == 'P') {
      if (starts_with_ci(line, "PING")) handler.on_ping();
      else if (starts_with_ci(line, "PONG")) handler.on_pong();
      else throw ProtocolError("unknown protocol operation");
      pos = after_line;
    } else if (op == 'I') {
      if (!starts_with_ci(line, "INFO")) throw ProtocolError("unknown protocol operation");
      std::string_view json = line.substr(4);
      while (!json.empty() && (json.front() == ' ' || json.front() == '\t')) json.remove_prefix(1);
      handler.on_info(json);
      pos = after_line;
    } else if (op == '+') {
      if (!starts_with_ci(line, "+OK")) throw ProtocolError("unknown protocol operation");
      handler.on_ok();
      pos = after_line;
    } else if (op == '-') {
      if (!starts_with_ci(line, "-ERR")) throw ProtocolError("unknown protocol operation");
      handler.on_err(strip_quotes(line.substr(4)));
      pos = after_line;
    } else {
      throw ProtocolError("unknown protocol operation");
    }
    r.consumed = pos;
  }
  return r;
}

}  // namespace nervure::protocol
