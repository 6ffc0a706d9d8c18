#include "connect_options.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "exit_status.hpp"

namespace nervure::cli {
namespace {

std::vector<std::string> split_urls(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  for (std::string url; std::getline(ss, url, ',');) {
    url.erase(0, std::min(url.find_first_not_of(' '), url.size()));
    url.erase(url.find_last_not_of(' ') + 1);
    if (!url.empty()) out.push_back(url);
  }
  return out;
}

// nsc writes seed files with comments and blank lines around the seed; take
// the first line that looks like a user seed and never echo the file.
std::string read_nkey_seed(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("--nkey: cannot read '" + path + "'");
  for (std::string line; std::getline(in, line);) {
    line.erase(0, std::min(line.find_first_not_of(" \t"), line.size()));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (line.rfind("SU", 0) == 0) return line;
  }
  throw UsageError("--nkey: '" + path + "' holds no user seed (a line starting with SU)");
}

// Server URLs may carry user:password@; errors must not repeat them.
std::string without_userinfo(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto at = url.find('@', start);
  return at == std::string::npos ? url : url.substr(0, start) + "***@" + url.substr(at + 1);
}

void require_readable(const Args& args, const std::string& flag) {
  if (!args.has(flag)) return;
  if (!std::ifstream(args.get(flag))) throw UsageError("--" + flag + ": cannot read '" + args.get(flag) + "'");
}

}  // namespace

const std::vector<Flag>& connection_flags() {
  static const std::vector<Flag> flags = {
      {"server", "URL", "nats://host:port or tls://host:port; comma separated lists too", true},
      {"user", "NAME", "user name (with --password)"},
      {"password", "SECRET", "password (with --user)"},
      {"token", "TOKEN", "authorization token"},
      {"creds", "FILE", "credentials file (JWT and seed), as written by nsc"},
      {"nkey", "SEED_FILE", "file holding an NKey user seed (SU...)"},
      {"tls-ca", "FILE", "CA certificates to verify the server with (implies TLS)"},
      {"tls-cert", "FILE", "client certificate for mutual TLS (implies TLS)"},
      {"tls-key", "FILE", "private key of --tls-cert"},
      {"tls-first", "", "TLS handshake before the server's INFO (server option handshake_first)"},
      {"name", "NAME", "connection name shown by the server's monitoring"},
  };
  return flags;
}

Options connection_options(const Args& args, const std::string& default_name) {
  Options o;
  std::vector<std::string> servers;
  for (const auto& value : args.all("server"))
    for (auto& url : split_urls(value)) servers.push_back(std::move(url));
  if (args.has("server") && servers.empty()) throw UsageError("--server needs a URL");
  if (servers.empty())
    for (const char* env : {"NERVURE_URL", "NATS_URL"})
      if (const char* v = std::getenv(env); v && *v) {
        servers = split_urls(v);
        break;
      }
  if (!servers.empty()) o.servers = servers;
  // A command line names servers in order of preference; shuffling would make
  // which server a one-off command reached unpredictable.
  o.randomize = false;
  o.name = args.get("name", default_name);

  o.user = args.get("user");
  o.password = args.get("password");
  o.token = args.get("token");
  if (args.has("password") && !args.has("user")) throw UsageError("--password needs --user");
  int credentials = args.has("user") + args.has("token") + args.has("creds") + args.has("nkey");
  if (credentials > 1) throw UsageError("give only one of --user/--password, --token, --creds and --nkey");
  require_readable(args, "creds");
  o.creds_file = args.get("creds");
  if (args.has("nkey")) o.nkey_seed = read_nkey_seed(args.get("nkey"));

  for (const char* f : {"tls-ca", "tls-cert", "tls-key"}) require_readable(args, f);
  if (args.has("tls-cert") != args.has("tls-key")) throw UsageError("--tls-cert and --tls-key go together");
  o.tls.ca_file = args.get("tls-ca");
  o.tls.cert_file = args.get("tls-cert");
  o.tls.key_file = args.get("tls-key");
  o.tls.handshake_first = args.has("tls-first");
  o.tls.enabled = !o.tls.ca_file.empty() || !o.tls.cert_file.empty() || o.tls.handshake_first;
  return o;
}

void report_events_on_stderr(Options& options, const std::string& command) {
  options.on_event = [command](Event event, const std::string& detail) {
    // The tool closes the connection itself, and connected/discovered are routine.
    if (event == Event::connected || event == Event::closed || event == Event::servers_discovered) return;
    std::string line = "nervure " + command + ": " + event_name(event) + (detail.empty() ? "" : ": " + detail) + "\n";
    std::cerr << line << std::flush;  // one write per line: events and output must not interleave mid-line
  };
}

std::shared_ptr<Connection> connect(const Options& options) {
  try {
    return Connection::connect(options);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::authorization || e.code() == ErrorCode::invalid_argument) throw;
    std::string tried;
    for (const auto& s : options.servers) tried += (tried.empty() ? "" : ", ") + without_userinfo(s);
    const std::string what = e.what();
    // A TLS server silently waiting for the other kind of handshake (--tls-first
    // or not) shows up as a timeout, not as a TLS error.
    bool uses_tls = options.tls.enabled;
    for (const auto& s : options.servers) uses_tls = uses_tls || s.rfind("tls://", 0) == 0;
    const bool refused = what.find("refused") != std::string::npos;
    const bool tls_trouble = what.find("certificate") != std::string::npos || what.find("alert") != std::string::npos ||
                             what.find("handshake") != std::string::npos || (uses_tls && !refused);
    const char* hint = tls_trouble
                           ? "the TLS handshake failed: check --tls-ca, --tls-cert/--tls-key and --tls-first"
                           : "is nats-server running there? choose the server with --server URL or $NATS_URL";
    throw Failure(ExitStatus::unreachable, what + "\n  servers tried: " + tried + "\n  " + hint);
  }
}

}  // namespace nervure::cli
