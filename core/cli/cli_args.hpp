#pragma once
// Command-line parsing shared by every subcommand: positional arguments, flags,
// and the connection options every subcommand accepts.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "nervure/nervure.hpp"

namespace nervure::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  /// flags_with_values: names (without --) that take a value; the rest are switches.
  Args(int argc, char** argv, int first, const std::vector<std::string>& flags_with_values);

  const std::vector<std::string>& positional() const { return positional_; }
  std::string positional_or(std::size_t i, const std::string& fallback) const;
  bool has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::string get(const std::string& flag, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& flag) const;
  int64_t integer(const std::string& flag, int64_t fallback) const;
  std::chrono::milliseconds duration(const std::string& flag, std::chrono::milliseconds fallback) const;

 private:
  std::vector<std::string> positional_;
  std::multimap<std::string, std::string> values_;
};

/// The value flags every subcommand understands (server, credentials, TLS, name).
const std::vector<std::string>& connection_flags();
std::string connection_usage();
Options connection_options(const Args& args, const std::string& default_name);

/// "2s", "150ms", "1m", or plain milliseconds.
std::chrono::milliseconds parse_duration(const std::string& text);
/// "Key:Value" into headers.
Headers parse_headers(const std::vector<std::string>& specs);

}  // namespace nervure::cli
