#include "cli_args.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace nervure::cli {

Args::Args(int argc, char** argv, int first, const std::vector<std::string>& flags_with_values) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value = "true";
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (std::find(flags_with_values.begin(), flags_with_values.end(), name) != flags_with_values.end()) {
      if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
      value = argv[++i];
    }
    values_.emplace(name, value);
  }
}

std::string Args::positional_or(std::size_t i, const std::string& fallback) const {
  return i < positional_.size() ? positional_[i] : fallback;
}

std::string Args::get(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Args::all(const std::string& flag) const {
  std::vector<std::string> out;
  for (auto [it, end] = values_.equal_range(flag); it != end; ++it) out.push_back(it->second);
  return out;
}

int64_t Args::integer(const std::string& flag, int64_t fallback) const {
  if (!has(flag)) return fallback;
  try {
    std::size_t used = 0;
    int64_t v = std::stoll(get(flag), &used);
    if (used != get(flag).size()) throw std::invalid_argument("trailing");
    return v;
  } catch (const std::exception&) {
    throw UsageError("--" + flag + " wants a whole number, got '" + get(flag) + "'");
  }
}

std::chrono::milliseconds Args::duration(const std::string& flag, std::chrono::milliseconds fallback) const {
  return has(flag) ? parse_duration(get(flag)) : fallback;
}

std::chrono::milliseconds parse_duration(const std::string& text) {
  std::size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    throw UsageError("not a duration: '" + text + "' (use 2s, 150ms, 1m)");
  }
  std::string unit = text.substr(used);
  double ms = unit == "ms" || unit.empty() ? v : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : -1;
  if (ms < 0) throw UsageError("unknown duration unit in '" + text + "' (use ms, s or m)");
  return std::chrono::milliseconds(static_cast<int64_t>(ms));
}

Headers parse_headers(const std::vector<std::string>& specs) {
  Headers h;
  for (const auto& spec : specs) {
    auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0) throw UsageError("header '" + spec + "' should be Key:Value");
    std::string value = spec.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    h.add(spec.substr(0, colon), value);
  }
  return h;
}

const std::vector<std::string>& connection_flags() {
  static const std::vector<std::string> flags = {"server", "user",    "password", "token",    "creds",
                                                 "nkey",   "tls-ca",  "tls-cert", "tls-key", "name"};
  return flags;
}

std::string connection_usage() {
  return "connection options:\n"
         "  --server URL       server URL, repeatable or comma separated (default: $NERVURE_URL, $NATS_URL,\n"
         "                     or nats://127.0.0.1:4222)\n"
         "  --user U --password P | --token T | --creds FILE | --nkey SEED_FILE\n"
         "  --tls-ca FILE --tls-cert FILE --tls-key FILE --tls-first\n"
         "  --name NAME        connection name shown by the server\n";
}

Options connection_options(const Args& args, const std::string& default_name) {
  Options o;
  std::vector<std::string> servers;
  for (const auto& value : args.all("server")) {
    std::stringstream ss(value);
    for (std::string url; std::getline(ss, url, ',');)
      if (!url.empty()) servers.push_back(url);
  }
  if (servers.empty()) {
    for (const char* env : {"NERVURE_URL", "NATS_URL"})
      if (const char* v = std::getenv(env); v && *v) {
        servers = {v};
        break;
      }
  }
  if (!servers.empty()) o.servers = servers;
  o.name = args.get("name", default_name);
  o.user = args.get("user");
  o.password = args.get("password");
  o.token = args.get("token");
  o.creds_file = args.get("creds");
  if (args.has("nkey")) {
    std::ifstream in(args.get("nkey"));
    if (!in) throw UsageError("cannot read the NKey seed file '" + args.get("nkey") + "'");
    std::getline(in, o.nkey_seed);
  }
  o.tls.ca_file = args.get("tls-ca");
  o.tls.cert_file = args.get("tls-cert");
  o.tls.key_file = args.get("tls-key");
  o.tls.handshake_first = args.has("tls-first");
  o.tls.enabled = !o.tls.ca_file.empty() || !o.tls.cert_file.empty() || o.tls.handshake_first;
  return o;
}

}  // namespace nervure::cli
