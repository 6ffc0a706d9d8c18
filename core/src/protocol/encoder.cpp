#include "protocol/encoder.hpp"

#include <charconv>
#include <cstring>

namespace nervure::protocol {
namespace {
constexpr std::size_t kSmallFrame = 256;

char* put(char* p, std::string_view s) {
  if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view's data may be null
  return p + s.size();
}

void append_number(std::string& out, uint64_t n) {
  char buf[24];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, p);
}
}  // namespace

void encode_pub(std::string& out, std::string_view subject, std::string_view reply, std::string_view payload) {
  // The hot path of every publish: one capacity check for the whole frame.
  char size_text[24];
  auto [size_end, ec] = std::to_chars(size_text, size_text + sizeof size_text, payload.size());
  const std::size_t size_len = static_cast<std::size_t>(size_end - size_text);
  const std::size_t frame = 4 + subject.size() + 1 + (reply.empty() ? 0 : reply.size() + 1) + size_len + 2 +
                            payload.size() + 2;
  if (frame <= kSmallFrame) {
    // Small frames are put together on the stack and appended once: one
    // append costs less than the seven below, each checking the capacity.
    char buf[kSmallFrame];
    char* p = put(buf, "PUB ");
    p = put(p, subject);
    *p++ = ' ';
    if (!reply.empty()) {
      p = put(p, reply);
      *p++ = ' ';
    }
    p = put(p, std::string_view(size_text, size_len));
    p = put(p, "\r\n");
    p = put(p, payload);
    p = put(p, "\r\n");
    out.append(buf, frame);
    return;
  }
  // reserve + append: resize would zero-fill what the copies overwrite anyway.
  out.reserve(out.size() + frame);
  out.append("PUB ", 4);
  out.append(subject);
  out.push_back(' ');
  if (!reply.empty()) {
    out.append(reply);
    out.push_back(' ');
  }
  out.append(size_text, size_len);
  out.append("\r\n", 2);
  out.append(payload);
  out.append("\r\n", 2);
}

void encode_hpub(std::string& out, std::string_view subject, std::string_view reply,
                 std::string_view header_block, std::string_view payload) {
  out.append("HPUB ");
  out.append(subject);
  out.push_back(' ');
  if (!reply.empty()) {
    out.append(reply);
    out.push_back(' ');
  }
  append_number(out, header_block.size());
  out.push_back(' ');
  append_number(out, header_block.size() + payload.size());
  out.append("\r\n");
  out.append(header_block);
  out.append(payload);
  out.append("\r\n");
}

void encode_sub(std::string& out, std::string_view subject, std::string_view queue, uint64_t sid) {
  out.append("SUB ");
  out.append(subject);
  out.push_back(' ');
  if (!queue.empty()) {
    out.append(queue);
    out.push_back(' ');
  }
  append_number(out, sid);
  out.append("\r\n");
}

void encode_unsub(std::string& out, uint64_t sid, uint64_t max) {
  out.append("UNSUB ");
  append_number(out, sid);
  if (max > 0) {
    out.push_back(' ');
    append_number(out, max);
  }
  out.append("\r\n");
}

void encode_connect(std::string& out, std::string_view json) {
  out.append("CONNECT ");
  out.append(json);
  out.append("\r\n");
}

}  // namespace nervure::protocol
