#include "jetstream/pub_ack_scan.hpp"

#include <charconv>

namespace nervure::detail {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool at_end() const { return p_ == end_; }
  char peek() const { return p_ < end_ ? *p_ : '\0'; }
  bool take(char c) {
    skip_space();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  /// A string without escapes or control characters, quotes excluded.
  bool plain_string(std::string_view& out) {
    if (!take('"')) return false;
    const char* start = p_;
    while (p_ < end_ && *p_ != '"') {
      if (*p_ == '\\' || static_cast<unsigned char>(*p_) < 0x20) return false;
      ++p_;
    }
    if (p_ == end_) return false;
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    return true;
  }
  bool unsigned_number(uint64_t& out) {
    auto [next, ec] = std::from_chars(p_, end_, out);
    if (ec != std::errc() || next == p_) return false;
    p_ = next;
    // A fraction or an exponent is not a sequence number.
    return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E');
  }
  bool word(std::string_view w) {
    if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

bool scan_pub_ack(std::string_view body, PubAck& ack) {
  Cursor in(body);
  if (!in.take('{')) return false;
  if (in.take('}')) {
    in.skip_space();
    return in.at_end();
  }
  do {
    std::string_view key;
    if (!in.plain_string(key) || !in.take(':')) return false;
    in.skip_space();
    const char c = in.peek();
    if (c == '"') {
      std::string_view value;
      if (!in.plain_string(value)) return false;
      if (key == "stream") ack.stream.assign(value);
      else if (key == "domain") ack.domain.assign(value);
      else if (key == "seq" || key == "duplicate") return false;  // a type the full parser must judge
    } else if (c >= '0' && c <= '9') {
      uint64_t n = 0;
      if (!in.unsigned_number(n)) return false;
      if (key == "seq") ack.seq = n;
      else if (key == "stream" || key == "domain" || key == "duplicate") return false;
    } else if (c == 't' || c == 'f') {
      const bool value = c == 't';
      if (!in.word(value ? "true" : "false")) return false;
      if (key == "duplicate") ack.duplicate = value;
      else if (key == "stream" || key == "domain" || key == "seq") return false;
    } else {
      return false;  // an object ("error"), an array, null or a negative number
    }
  } while (in.take(','));
  if (!in.take('}')) return false;
  in.skip_space();
  return in.at_end();
}

}  // namespace nervure::detail
