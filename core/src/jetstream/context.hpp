#pragma once
// The JetStream context: where API requests go ($JS.API, a domain's, or a
// custom prefix), how their answers become results or JetStreamApiErrors, and
// which features the server can honour.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "jetstream/codec.hpp"
#include "nervure/connection.hpp"
#include "nervure/jetstream_types.hpp"

namespace nervure::detail {

class AsyncPublisher;

class JetStreamImpl : public std::enable_shared_from_this<JetStreamImpl> {
 public:
  JetStreamImpl(std::shared_ptr<Connection> nc, JetStreamOptions options);
  ~JetStreamImpl();

  const std::shared_ptr<Connection>& nc() const noexcept { return nc_; }
  const JetStreamOptions& options() const noexcept { return opts_; }
  std::string api_subject(const std::string& what) const { return prefix_ + "." + what; }

  /// A request to <prefix>.<what>; the parsed answer, or the server's error thrown.
  json api(const std::string& what, const json& body = nullptr, std::optional<Duration> timeout = {});
  /// The raw reply of a request (direct gets answer with messages, not JSON).
  Message api_raw(const std::string& what, const std::string& payload, std::optional<Duration> timeout = {});

  int api_level();
  /// Features of nats-server 2.10 (API level 0 like 2.9, so the connected
  /// server's version decides) and of API level 1 and newer (2.11+).
  bool has_2_10();
  void require_2_10(const std::string& feature);
  void require_level(int level, const std::string& feature);

  /// Whether a stream answers direct gets, as last seen in its configuration.
  std::optional<bool> direct_allowed(const std::string& stream);
  void remember(const StreamInfo& info);
  void forget_direct(const std::string& stream);

  AsyncPublisher& async_publisher();

 private:
  [[noreturn]] void refuse(const std::string& feature, const std::string& needs);

  std::shared_ptr<Connection> nc_;
  JetStreamOptions opts_;
  std::string prefix_;
  std::mutex mu_;
  int api_level_ = -1;
  std::unordered_map<std::string, bool> direct_;
  std::shared_ptr<AsyncPublisher> publisher_;
};

}  // namespace nervure::detail
