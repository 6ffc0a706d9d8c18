#include "protocol/headers_codec.hpp"

#include <charconv>

#include "nervure/errors.hpp"
#include "protocol/parser.hpp"

namespace nervure::protocol {
namespace {
constexpr std::string_view kVersion = "NATS/1.0";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
}  // namespace

void decode_headers(std::string_view block, Headers& out) {
  std::size_t eol = block.find("\r\n");
  if (block.substr(0, kVersion.size()) != kVersion || eol == std::string_view::npos)
    throw ProtocolError("header block does not start with NATS/1.0");
  std::string_view status_line = trim(block.substr(kVersion.size(), eol - kVersion.size()));
  if (!status_line.empty()) {
    std::size_t sp = status_line.find(' ');
    std::string_view code = status_line.substr(0, sp);
    int status = 0;
    auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), status);
    if (ec != std::errc() || p != code.data() + code.size()) throw ProtocolError("bad header status");
    std::string description = sp == std::string_view::npos ? "" : std::string(trim(status_line.substr(sp + 1)));
    out.set_status(status, std::move(description));
  }
  std::size_t pos = eol + 2;
  while (pos < block.size()) {
    std::size_t end = block.find("\r\n", pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 2;
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) throw ProtocolError("bad header line");
    out.add(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  }
}

void encode_headers(std::string& out, const Headers& headers) {
  out.append(kVersion);
  if (headers.status() != 0) {
    char num[16];
    auto [p, ec] = std::to_chars(num, num + sizeof num, headers.status());
    out.push_back(' ');
    out.append(num, p);
    if (!headers.description().empty()) {
      out.push_back(' ');
      out.append(headers.description());
    }
  }
  out.append("\r\n");
  for (const auto& [k, v] : headers.entries()) {
    out.append(k);
    out.append(": ");
    out.append(v);
    out.append("\r\n");
  }
  out.append("\r\n");
}

void validate_headers(const Headers& headers) {
  for (const auto& [k, v] : headers.entries()) {
    if (k.empty()) throw Error(ErrorCode::invalid_argument, "header key must not be empty");
    for (char c : k)
      if (c == ':' || c == ' ' || c == '\r' || c == '\n' || c == '\t' || static_cast<unsigned char>(c) < 33 ||
          c == 127)
        throw Error(ErrorCode::invalid_argument, "header key '" + k + "' contains a forbidden character");
    for (char c : v)
      if (c == '\r' || c == '\n')
        throw Error(ErrorCode::invalid_argument, "header value of '" + k + "' contains a line break");
  }
}

}  // namespace nervure::protocol
