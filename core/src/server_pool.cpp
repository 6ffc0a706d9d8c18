#include "server_pool.hpp"

#include <algorithm>
#include <charconv>

#include "nervure/errors.hpp"

namespace nervure::detail {
namespace {
[[noreturn]] void bad_url(const std::string& shown, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "invalid server URL '" + shown + "': " + why);
}

// Hides credentials in a URL so it can appear in errors and logs.
std::string mask(const std::string& url) {
  auto scheme_end = url.find("://");
  std::size_t start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  auto at = url.find('@', start);
  if (at == std::string::npos) return url;
  return url.substr(0, start) + "***@" + url.substr(at + 1);
}
}  // namespace

std::string ServerUrl::display() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return scheme + "://" + h + ":" + std::to_string(port);
}

ServerUrl parse_server_url(const std::string& raw) {
  ServerUrl u;
  u.original = raw;
  const std::string shown = mask(raw);
  std::string rest = raw;
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  while (!rest.empty() && rest.back() == ' ') rest.pop_back();
  if (rest.empty()) bad_url(shown, "it is empty");
  auto scheme_end = rest.find("://");
  if (scheme_end == std::string::npos) {
    u.scheme = "nats";
  } else {
    u.scheme = rest.substr(0, scheme_end);
    std::transform(u.scheme.begin(), u.scheme.end(), u.scheme.begin(), ::tolower);
    rest = rest.substr(scheme_end + 3);
  }
  if (u.scheme != "nats" && u.scheme != "tls") bad_url(shown, "scheme must be nats:// or tls://");
  if (auto slash = rest.find('/'); slash != std::string::npos) rest = rest.substr(0, slash);
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    u.user = userinfo.substr(0, colon);
    if (colon != std::string::npos) u.password = userinfo.substr(colon + 1);
  }
  std::string port_text;
  if (!rest.empty() && rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string::npos) bad_url(shown, "unclosed '[' in IPv6 address");
    u.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') bad_url(shown, "expected ':' after IPv6 address");
      port_text = rest.substr(close + 2);
    }
  } else {
    auto colon = rest.rfind(':');
    u.host = rest.substr(0, colon);
    if (colon != std::string::npos) port_text = rest.substr(colon + 1);
  }
  if (u.host.empty()) bad_url(shown, "no host");
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [p, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || p != port_text.data() + port_text.size() || port == 0 || port > 65535)
      bad_url(shown, "bad port '" + port_text + "'");
    u.port = static_cast<uint16_t>(port);
  }
  return u;
}

ServerPool::ServerPool(const std::vector<std::string>& urls, bool randomize) : rng_(std::random_device{}()) {
  if (urls.empty()) throw Error(ErrorCode::invalid_argument, "no server URL given");
  for (const auto& u : urls) entries_.push_back(Entry{parse_server_url(u)});
  if (randomize) std::shuffle(entries_.begin(), entries_.end(), rng_);
}

bool ServerPool::add_discovered(const std::vector<std::string>& host_ports, bool randomize) {
  bool added = false;
  for (const auto& hp : host_ports) {
    ServerUrl u;
    try {
      u = parse_server_url(hp);
    } catch (const Error&) {
      continue;  // a malformed announcement must not break the connection
    }
    bool known = std::any_of(entries_.begin(), entries_.end(),
                             [&](const Entry& e) { return e.url.host == u.host && e.url.port == u.port; });
    if (known) continue;
    // Announced servers inherit the scheme and credentials of the configured ones.
    if (!entries_.empty()) {
      u.scheme = entries_.front().url.scheme;
      u.user = entries_.front().url.user;
      u.password = entries_.front().url.password;
    }
    entries_.push_back(Entry{u, true});
    added = true;
  }
  if (added && randomize && entries_.size() > 2) {
    // Keep the current server in front; shuffle the others so clients spread out.
    std::shuffle(entries_.begin() + 1, entries_.end(), rng_);
  }
  return added;
}

ServerPool::Entry* ServerPool::find(const ServerUrl& u) {
  for (auto& e : entries_)
    if (e.url.host == u.host && e.url.port == u.port) return &e;
  return nullptr;
}

std::optional<ServerUrl> ServerPool::next(int max_attempts) {
  if (max_attempts >= 0) {
    std::erase_if(entries_, [&](const Entry& e) { return e.failed_attempts > max_attempts; });
  }
  if (entries_.empty()) return std::nullopt;
  if (cursor_ >= entries_.size()) cursor_ = 0;
  ServerUrl u = entries_[cursor_].url;
  cursor_ = (cursor_ + 1) % entries_.size();
  ++attempts_since_connect_;
  return u;
}

void ServerPool::mark_connected(const ServerUrl& u) {
  attempts_since_connect_ = 0;
  if (Entry* e = find(u)) {
    e->ever_connected = true;
    e->failed_attempts = 0;
    cursor_ = static_cast<std::size_t>(e - entries_.data());
  }
}

void ServerPool::mark_failed(const ServerUrl& u) {
  if (Entry* e = find(u)) ++e->failed_attempts;
}

void ServerPool::demote(const ServerUrl& u) {
  Entry* e = find(u);
  if (!e) return;
  std::size_t i = static_cast<std::size_t>(e - entries_.data());
  std::rotate(entries_.begin() + i, entries_.begin() + i + 1, entries_.end());
  cursor_ = 0;
}

std::chrono::milliseconds ServerPool::backoff(const ReconnectOptions& r, bool tls) {
  int passes = entries_.empty() ? 0 : (attempts_since_connect_ - 1) / static_cast<int>(entries_.size());
  if (attempts_since_connect_ <= 1 || passes == 0) return std::chrono::milliseconds(0);
  int64_t wait = r.wait.count();
  for (int i = 1; i < passes && wait < r.wait_max.count(); ++i) wait *= 2;
  wait = std::min<int64_t>(wait, std::max(r.wait_max.count(), r.wait.count()));
  int64_t jitter = (tls ? r.jitter_tls : r.jitter).count();
  if (jitter > 0) wait += static_cast<int64_t>(rng_() % static_cast<uint64_t>(jitter + 1));
  return std::chrono::milliseconds(wait);
}

std::vector<std::string> ServerPool::urls() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.url.display());
  return out;
}

}  // namespace nervure::detail
