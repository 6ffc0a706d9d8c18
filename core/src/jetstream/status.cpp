#include "jetstream/status.hpp"

#include <cstdlib>

namespace nervure::detail {
namespace {

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

int64_t header_number(const Message& m, const char* key) {
  auto v = m.headers.get(key);
  return v ? std::strtoll(v->c_str(), nullptr, 10) : 0;
}

}  // namespace

Status classify(const Message& m) {
  Status s;
  s.code = m.headers.status();
  if (s.code == 0) return s;
  s.description = m.headers.description();
  s.pending_msgs = header_number(m, "Nats-Pending-Messages");
  s.pending_bytes = header_number(m, "Nats-Pending-Bytes");
  const std::string& d = s.description;
  switch (s.code) {
    case 100:
      s.kind = !m.reply.empty() || has(d, "FlowControl") ? StatusKind::flow_control : StatusKind::heartbeat;
      break;
    case 404:
    case 408:
    case 423:
      s.kind = StatusKind::pull_done;
      break;
    case 409:
      if (has(d, "Consumer Deleted") || has(d, "Consumer is push based")) s.kind = StatusKind::terminal;
      else if (has(d, "Exceeded Max")) s.kind = StatusKind::warning;
      else s.kind = StatusKind::pull_done;  // Message Size Exceeds MaxBytes, Leadership Change, ...
      break;
    case 400:
      s.kind = StatusKind::terminal;
      break;
    case 503:
      s.kind = StatusKind::no_responders;
      break;
    default:
      s.kind = StatusKind::unknown;
  }
  return s;
}

int64_t counted_bytes(const Message& m) {
  int64_t n = static_cast<int64_t>(m.subject.size() + m.reply.size() + m.data.size());
  if (m.has_headers) {
    n += 12;  // "NATS/1.0\r\n" and the closing "\r\n"
    for (auto& [k, v] : m.headers.entries()) n += static_cast<int64_t>(k.size() + v.size() + 4);
  }
  return n;
}

}  // namespace nervure::detail
