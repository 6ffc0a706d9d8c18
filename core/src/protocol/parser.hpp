#pragma once
// Zero-copy NATS protocol parser. It reads only complete frames: views handed to
// the handler point into the caller's buffer, and an incomplete trailing frame is
// left in place for the next call, so nothing is copied on the way in.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nervure::protocol {

struct MsgView {
  std::string_view subject;
  std::string_view reply;
  std::string_view headers;  // raw header block ("NATS/1.0...\r\n\r\n"), empty for MSG
  std::string_view payload;
  uint64_t sid = 0;
  bool has_headers = false;
};

class ParserHandler {
 public:
  virtual ~ParserHandler() = default;
  virtual void on_msg(const MsgView& msg) = 0;
  virtual void on_info(std::string_view json) = 0;
  virtual void on_ping() = 0;
  virtual void on_pong() = 0;
  virtual void on_ok() = 0;
  virtual void on_err(std::string_view text) = 0;  // quotes stripped
};

class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParseResult {
  std::size_t consumed = 0;  // bytes of complete frames handled
  std::size_t needed = 0;    // when > 0: size of the incomplete frame at `consumed`, if known
};

/// Longest control line accepted before the stream is declared corrupt.
inline constexpr std::size_t max_control_line = 64 * 1024;

/// Handles every complete frame in data. Throws ProtocolError on malformed input.
ParseResult parse(std::string_view data, ParserHandler& handler);

}  // namespace nervure::protocol
