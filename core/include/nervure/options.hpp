#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace nervure {

using Duration = std::chrono::milliseconds;

enum class Event : int {
  connected = 1,
  disconnected = 2,
  reconnected = 3,
  closed = 4,
  lame_duck = 5,
  servers_discovered = 6,
  async_error = 7,  // detail holds the error text; slow consumers and -ERR from the server
  slow_consumer = 8,
};
const char* event_name(Event e) noexcept;

/// Called on a core thread: it must be quick and must not block on the connection.
/// Bindings forward it to their own event loop.
using EventCallback = std::function<void(Event event, const std::string& detail)>;

struct TlsOptions {
  bool enabled = false;         // also implied by a tls:// URL or a server that requires TLS
  std::string ca_file;          // trust anchors; the system store when empty
  std::string cert_file;        // client certificate (mutual TLS)
  std::string key_file;
  bool verify = true;           // verify the server certificate chain
  bool verify_hostname = true;  // check the certificate names the host we dialled
  bool handshake_first = false; // TLS before INFO (server option handshake_first)
};

struct ReconnectOptions {
  bool enabled = true;
  int max_attempts = 60;                 // per server; -1 retries forever
  Duration wait{2000};                   // base backoff between attempts at the same server
  Duration wait_max{8000};               // cap of the exponential backoff
  Duration jitter{100};                  // random extra wait, plain TCP
  Duration jitter_tls{1000};             // random extra wait, TLS
  std::size_t buffer_size = 8 * 1024 * 1024;  // bytes of publishes kept while disconnected; 0 disables
};

struct Options {
  std::vector<std::string> servers{"nats://127.0.0.1:4222"};
  std::string name;
  bool randomize = true;   // shuffle the server list (the first connect too)
  Duration connect_timeout{2000};

  // Credentials: at most one of token, user/password, nkey_seed, creds_file.
  std::string user;
  std::string password;
  std::string token;
  std::string nkey_seed;   // an "SU..." user seed; the public key is derived from it
  std::string creds_file;  // JWT + seed, as written by nsc

  TlsOptions tls;
  ReconnectOptions reconnect;

  Duration ping_interval{120000};
  int max_pings_out = 2;

  // A blocking request() checks for its reply for up to this long, yielding the
  // CPU in between, before it sleeps: waking a sleeping thread costs tens of
  // microseconds on a virtual machine, and most loopback replies come sooner.
  // It polls only while the previous reply came within this time and the
  // machine has a CPU to spare. 0: sleep at once. Asynchronous requests never spin.
  std::chrono::microseconds request_spin{200};

  bool no_echo = false;
  std::string inbox_prefix = "_INBOX";
  bool ignore_discovered_servers = false;

  // Default pending limits for new subscriptions: messages and bytes. -1: unlimited.
  int64_t pending_msgs_limit = 512 * 1024;
  int64_t pending_bytes_limit = 64 * 1024 * 1024;

  EventCallback on_event;
};

struct Stats {
  uint64_t in_msgs = 0;
  uint64_t in_bytes = 0;
  uint64_t out_msgs = 0;
  uint64_t out_bytes = 0;
  uint64_t reconnects = 0;
};

struct ServerInfo {
  std::string server_id;
  std::string server_name;
  std::string version;
  std::string host;
  int port = 0;
  int proto = 0;
  int64_t max_payload = 0;
  bool headers = false;
  bool jetstream = false;
  bool tls_required = false;
  bool auth_required = false;
  bool lame_duck_mode = false;
  std::string cluster;
  std::string domain;
  std::string nonce;
  std::vector<std::string> connect_urls;
  std::string client_ip;
  uint64_t client_id = 0;
  std::string raw_json;  // the INFO as the server sent it
};

}  // namespace nervure
