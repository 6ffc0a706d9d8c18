// Feeds arbitrary bytes to the parser the way the connection does (in chunks,
// keeping unconsumed bytes) and decodes every header block it reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "nervure/errors.hpp"
#include "nervure/message.hpp"
#include "protocol/headers_codec.hpp"
#include "protocol/parser.hpp"

namespace {
struct Sink : nervure::protocol::ParserHandler {
  void on_msg(const nervure::protocol::MsgView& m) override {
    if (m.has_headers) {
      nervure::Headers h;
      try {
        nervure::protocol::decode_headers(m.headers, h);
      } catch (const nervure::protocol::ProtocolError&) {
      }
    }
    bytes += m.payload.size() + m.subject.size() + m.reply.size();
  }
  void on_info(std::string_view j) override { bytes += j.size(); }
  void on_ping() override {}
  void on_pong() override {}
  void on_ok() override {}
  void on_err(std::string_view t) override { bytes += t.size(); }
  std::size_t bytes = 0;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 64;  // first byte picks the read size
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  Sink sink;
  std::string buffer;
  try {
    for (std::size_t i = 0; i < input.size(); i += chunk) {
      buffer.append(input.substr(i, chunk));
      auto r = nervure::protocol::parse(buffer, sink);
      if (r.consumed > buffer.size()) __builtin_trap();
      buffer.erase(0, r.consumed);
    }
  } catch (const nervure::protocol::ProtocolError&) {
  }
  return 0;
}
