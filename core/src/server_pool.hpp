#pragma once
// The servers a connection may use: the configured ones plus those the cluster
// announces, in the order reconnects try them, with ADR-40 style backoff.
#include <chrono>
#include <optional>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "nervure/options.hpp"

namespace nervure::detail {

struct ServerUrl {
  std::string scheme;  // nats, tls, ws is not supported
  std::string host;    // without brackets for IPv6
  uint16_t port = 4222;
  std::string user;     // from user:pass@ or token@
  std::string password;
  std::string original;
  bool tls() const { return scheme == "tls"; }
  std::string display() const;  // never shows credentials
};

/// Throws Error(invalid_argument) naming the URL (credentials masked).
ServerUrl parse_server_url(const std::string& url);

class ServerPool {
 public:
  struct Entry {
    ServerUrl url;
    bool discovered = false;
    bool ever_connected = false;
    int failed_attempts = 0;  // since the last successful connect to it
  };

  ServerPool(const std::vector<std::string>& urls, bool randomize);

  /// Adds announced URLs ("host:port"); returns true when any was new.
  bool add_discovered(const std::vector<std::string>& host_ports, bool randomize);

  /// Next server to dial, rotating so the one just lost is tried last.
  /// Returns nothing when every server used up its attempts. Entries move
  /// around as servers are discovered, so callers hold copies, never pointers.
  std::optional<ServerUrl> next(int max_attempts);
  void mark_connected(const ServerUrl& u);
  void mark_failed(const ServerUrl& u);
  /// Moves this server to the back so a reconnect prefers another one.
  void demote(const ServerUrl& u);

  /// Wait before the attempt about to start: none for the first pass over the
  /// pool, then exponential in completed passes, capped, plus jitter.
  std::chrono::milliseconds backoff(const ReconnectOptions& r, bool tls);
  void reset_backoff() { attempts_since_connect_ = 0; }

  std::vector<std::string> urls() const;
  std::size_t size() const { return entries_.size(); }

 private:
  Entry* find(const ServerUrl& u);
  std::vector<Entry> entries_;
  std::size_t cursor_ = 0;
  int attempts_since_connect_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace nervure::detail
