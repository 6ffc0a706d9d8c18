#include "protocol/validation.hpp"

#include <string>

#include "nervure/errors.hpp"

namespace nervure::protocol {
namespace {

[[noreturn]] void fail(std::string_view what, std::string_view value, std::string_view why) {
  throw Error(ErrorCode::invalid_subject, std::string(what) + " '" + std::string(value) + "' is invalid: " +
                                              std::string(why));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Tokens are separated by '.', may not be empty, and may not hold white space.
// Wildcards are whole tokens: '*' anywhere, '>' only last.
void check_subject(std::string_view what, std::string_view s, bool wildcards_allowed) {
  if (s.empty()) fail(what, s, "it is empty");
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view tok = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (tok.empty()) fail(what, s, "it has an empty token");
    for (char c : tok)
      if (is_space(c)) fail(what, s, "it contains white space");
    bool last = dot == std::string_view::npos;
    if (tok == "*" || tok == ">") {
      if (!wildcards_allowed) fail(what, s, "wildcards are not allowed here");
      if (tok == ">" && !last) fail(what, s, "'>' must be the last token");
    }
    if (last) break;
    start = dot + 1;
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
