#include "protocol/validation.hpp"

#include <array>
#include <string>

#include "nervure/errors.hpp"

namespace nervure::protocol {
namespace {

[[noreturn]] void fail(std::string_view what, std::string_view value, std::string_view why) {
  throw Error(ErrorCode::invalid_subject, std::string(what) + " '" + std::string(value) + "' is invalid: " +
                                              std::string(why));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// The bytes a subject check must look at: dots, wildcards and white space.
constexpr std::array<bool, 256> kNotable = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\r', '\n', '\f', '\v', '.', '*', '>'}) t[c] = true;
  return t;
}();

// Tokens are separated by '.', may not be empty, and may not hold white space.
// Wildcards are whole tokens: '*' anywhere, '>' only last. One pass: every
// acknowledgement publishes to a subject never seen before, so this runs per message.
void check_subject(std::string_view what, std::string_view s, bool wildcards_allowed) {
  if (s.empty()) fail(what, s, "it is empty");
  const char* const end = s.data() + s.size();
  const char* token = s.data();
  for (const char* p = token;; ++p) {
    if (p != end && !kNotable[static_cast<unsigned char>(*p)]) continue;
    if (p == end || *p == '.') {
      const std::size_t length = static_cast<std::size_t>(p - token);
      if (length == 0) fail(what, s, "it has an empty token");
      if (length == 1 && (*token == '*' || *token == '>')) {
        if (!wildcards_allowed) fail(what, s, "wildcards are not allowed here");
        if (*token == '>' && p != end) fail(what, s, "'>' must be the last token");
      }
      if (p == end) return;
      token = p + 1;
    } else if (is_space(*p)) {
      fail(what, s, "it contains white space");
    }  // '*' or '>' within a longer token is an ordinary character
  }
}

}  // namespace

void validate_publish_subject(std::string_view subject) { check_subject("subject", subject, false); }
void validate_subscribe_subject(std::string_view subject) { check_subject("subject", subject, true); }

void validate_queue_group(std::string_view queue) {
  if (queue.empty()) return;
  for (char c : queue)
    if (is_space(c)) fail("queue group", queue, "it contains white space");
}

}  // namespace nervure::protocol
