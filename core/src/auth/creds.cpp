#include "auth/creds.hpp"

#include <fstream>
#include <sstream>

#include "auth/nkeys.hpp"
#include "nervure/errors.hpp"

namespace nervure::auth {
namespace {

[[noreturn]] void bad_file(const std::string& path, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "bad creds file '" + path + "': " + why);
}

// The body between a "-----BEGIN <label>-----" line and the next "-----END" line,
// trimmed; dashes and line endings vary between tools, so match loosely.
std::string block(const std::string& text, const std::string& label) {
  std::size_t begin = text.find("BEGIN " + label);
  if (begin == std::string::npos) return {};
  std::size_t body = text.find('\n', begin);
  if (body == std::string::npos) return {};
  std::size_t end = text.find("END " + label, body);
  if (end == std::string::npos) return {};
  std::size_t end_line = text.rfind('\n', end);
  std::string out;
  for (std::size_t i = body + 1; i < end_line && i < text.size(); ++i) {
    char c = text[i];
    if (c != '\r' && c != '\n' && c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

}  // namespace

Creds read_creds_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) bad_file(path, "cannot be read");
  std::ostringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  Creds creds;
  creds.jwt = block(text, "NATS USER JWT");
  creds.seed = block(text, "USER NKEY SEED");
  wipe(text);
  if (creds.jwt.empty()) bad_file(path, "no user JWT block");
  if (creds.seed.empty()) {
    wipe(creds.jwt);
    bad_file(path, "no user NKey seed block");
  }
  try {
    (void)public_key_from_seed(creds.seed);
  } catch (const Error& e) {
    wipe(creds.seed);
    bad_file(path, e.what());
  }
  return creds;
}

}  // namespace nervure::auth
