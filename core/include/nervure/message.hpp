#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nervure {

/// NATS message headers: ordered, multi-valued, keys keep their case.
/// Lookups ignore case so "nats-msg-id" finds "Nats-Msg-Id".
class Headers {
 public:
  using Entry = std::pair<std::string, std::string>;

  void add(std::string key, std::string value);
  /// Replaces every value of key with one value.
  void set(std::string key, std::string value);
  void remove(std::string_view key);
  std::optional<std::string> get(std::string_view key) const;  // first value
  std::vector<std::string> values(std::string_view key) const;
  bool empty() const noexcept { return entries_.empty() && status_ == 0; }
  const std::vector<Entry>& entries() const noexcept { return entries_; }

  /// Status line of a server-generated message (503 no responders, 408, 404, 100...).
  int status() const noexcept { return status_; }
  const std::string& description() const noexcept { return description_; }
  void set_status(int status, std::string description) {
    status_ = status;
    description_ = std::move(description);
  }

  bool operator==(const Headers&) const = default;

 private:
  std::vector<Entry> entries_;
  int status_ = 0;
  std::string description_;
};

struct Message {
  std::string subject;
  std::string reply;
  std::string data;
  Headers headers;
  bool has_headers = false;  // true when the message arrived as HMSG / should go out as HPUB
  uint64_t sid = 0;          // subscription id that received it (0 for outgoing)
};

}  // namespace nervure
