#include "auth/creds.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

#include "auth/nkeys.hpp"
#include "nervure/errors.hpp"

namespace nervure::auth {
namespace {

// Real creds files are a few KiB; the cap stops a wrong path (a device, a log)
// from being slurped whole.
constexpr std::size_t kMaxFileSize = 1 << 20;

[[noreturn]] void bad_file(const std::string& path, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "bad creds file '" + path + "': " + why);
}

// Wipes the string however the scope is left.
struct WipeOnExit {
  std::string& secret;
  ~WipeOnExit() { wipe(secret); }
};

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text(int err) { return std::generic_category().message(err); }

// Reads with read(2) into buffers we own, so every copy of the file's bytes
// can be wiped; iostreams would keep their own unreachable copies.
void read_file(const std::string& path, std::string& out) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) bad_file(path, "cannot be opened: " + errno_text(errno));
  out.assign(4096, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == out.size()) {
      if (out.size() >= kMaxFileSize) bad_file(path, "is larger than 1 MiB");
      std::string bigger(out.size() * 2, '\0');
      std::memcpy(bigger.data(), out.data(), used);
      wipe(out);
      out.swap(bigger);
    }
    ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) bad_file(path, "cannot be read: " + errno_text(errno));
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  out.resize(used);  // shrinking keeps the buffer, so wipe() still reaches it
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view space = " \t\r\n";
  std::size_t first = s.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

// The label of a marker line such as "-----BEGIN NATS USER JWT-----", or empty.
// nsc puts five dashes before BEGIN and six before END; other tools differ, so
// any run of three or more counts.
std::string_view marker_label(std::string_view line) {
  line = trim(line);
  std::size_t lead = line.find_first_not_of('-');
  if (lead == std::string_view::npos || lead < 3) return {};
  std::size_t trail = line.size() - 1 - line.find_last_not_of('-');
  if (trail < 3) return {};
  return trim(line.substr(lead, line.size() - lead - trail));
}

// The single non-blank line between the BEGIN and END markers of `what`.
std::string_view block(const std::string& path, std::string_view text, std::string_view what,
                       const std::string& name) {
  const std::string begin = "BEGIN " + std::string(what);
  const std::string end = "END " + std::string(what);
  std::string_view body;
  bool inside = false;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t eol = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    std::string_view label = marker_label(line);
    if (!inside) {
      inside = label == begin;
    } else if (label == end) {
      if (body.empty()) bad_file(path, name + " block is empty");
      return body;
    } else if (!label.empty()) {
      break;  // another block begins before this one ended
    } else if (!trim(line).empty()) {
      if (!body.empty()) bad_file(path, name + " block holds more than one line");
      body = trim(line);
    }
  }
  if (!inside) bad_file(path, "no " + name + " block");
  bad_file(path, name + " block has no END line");
}

// A JWT is three base64url parts joined by dots; anything else would only
// fail later as an opaque authorization error.
bool looks_like_jwt(std::string_view jwt) {
  int dots = 0;
  for (char c : jwt) {
    if (c == '.') ++dots;
    else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '=') return false;
  }
  return dots == 2 && jwt.front() != '.' && jwt.back() != '.' && jwt.find("..") == std::string_view::npos;
}

}  // namespace

Creds read_creds_file(const std::string& path) {
  std::string text;
  WipeOnExit wipe_text{text};
  read_file(path, text);

  std::string_view jwt = block(path, text, "NATS USER JWT", "user JWT");
  if (!looks_like_jwt(jwt)) bad_file(path, "user JWT is malformed");
  std::string_view seed = block(path, text, "USER NKEY SEED", "user NKey seed");
  try {
    (void)public_key_from_seed(seed);
  } catch (const Error& e) {
    bad_file(path, e.what());  // names what is wrong, never the seed
  }
  Creds creds;
  creds.jwt.assign(jwt);
  creds.seed.assign(seed);
  return creds;
}

}  // namespace nervure::auth
