#pragma once
// Command-line parsing: each subcommand declares its flags once, and the same
// declaration drives parsing, validation and the --help text, so the two
// cannot drift apart.
#include <chrono>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "nervure/message.hpp"

namespace nervure::cli {

/// Bad command line: the message is shown with a pointer to --help, exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// --help or -h was given: the caller prints the usage text and exits 0.
struct HelpRequested {};

struct Flag {
  std::string name;        // without the leading --
  std::string value_name;  // empty for a switch
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;      // "pub"
  std::string synopsis;  // "SUBJECT [DATA]"
  std::string summary;   // one paragraph shown under the usage line
  std::vector<Flag> flags;
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
  bool connection_flags = true;  // also accepts --server, credentials and TLS
};

std::string usage_text(const CommandSpec& spec);

class Args {
 public:
  /// Parses argv[first..argc). Throws UsageError or HelpRequested.
  Args(const CommandSpec& spec, int argc, char** argv, int first);

  const std::vector<std::string>& positional() const { return positional_; }
  std::string positional_or(std::size_t i, const std::string& fallback) const;
  bool has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::string get(const std::string& flag, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& flag) const;
  /// Whole number within [min, max], or fallback when absent.
  int64_t integer(const std::string& flag, int64_t fallback, int64_t min = INT64_MIN,
                  int64_t max = INT64_MAX) const;
  std::chrono::milliseconds duration(const std::string& flag, std::chrono::milliseconds fallback) const;

 private:
  std::vector<std::string> positional_;
  std::multimap<std::string, std::string> values_;
};

/// "2s", "150ms", "1.5m", "1h". A bare number is refused: "2" could mean either unit.
std::chrono::milliseconds parse_duration(const std::string& text);
/// "1.5s", "250ms": for human output.
std::string format_duration(std::chrono::milliseconds d);
/// "Key:Value" pairs into headers.
Headers parse_headers(const std::vector<std::string>& specs);

}  // namespace nervure::cli
