#include "jetstream/context.hpp"

#include "jetstream/publish_async.hpp"
#include "protocol/validation.hpp"

namespace nervure::detail {

JetStreamImpl::JetStreamImpl(std::shared_ptr<Connection> nc, JetStreamOptions o) : nc_(std::move(nc)), opts_(std::move(o)) {
  if (!nc_) throw Error(ErrorCode::invalid_argument, "JetStream needs a connection");
  if (opts_.timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "the JetStream timeout must be positive");
  if (opts_.max_pending_acks <= 0) throw Error(ErrorCode::invalid_argument, "max_pending_acks must be positive");
  if (!opts_.api_prefix.empty()) {
    prefix_ = opts_.api_prefix;
    while (!prefix_.empty() && prefix_.back() == '.') prefix_.pop_back();
  } else if (!opts_.domain.empty()) {
    prefix_ = "$JS." + opts_.domain + ".API";
  } else {
    prefix_ = "$JS.API";
  }
  protocol::validate_publish_subject(prefix_ + ".INFO");
}

JetStreamImpl::~JetStreamImpl() = default;

Message JetStreamImpl::api_raw(const std::string& what, const std::string& payload, std::optional<Duration> timeout) {
  try {
    return nc_->request(api_subject(what), payload, timeout.value_or(opts_.timeout));
  } catch (const Error& e) {
    if (e.code() == ErrorCode::no_responders)
      throw Error(ErrorCode::no_responders, "JetStream is not available here (not enabled for this account, or no "
                                            "server answers " + prefix_ + ")");
    throw;
  }
}

json JetStreamImpl::api(const std::string& what, const json& body, std::optional<Duration> timeout) {
  Message reply = api_raw(what, body.is_null() ? std::string() : body.dump(), timeout);
  return parse_response(reply.data, what);
}

int JetStreamImpl::api_level() {
  {
    std::lock_guard lock(mu_);
    if (api_level_ >= 0) return api_level_;
  }
  int level = decode_account_info(api("INFO")).api_level;
  std::lock_guard lock(mu_);
  api_level_ = level;
  return level;
}

bool JetStreamImpl::has_2_10() {
  {
    std::lock_guard lock(mu_);
    if (api_level_ >= 1) return true;
  }
  // The version in INFO tells 2.10 from 2.9 without a request, which matters
  // where consumers start: an API request there can time out in an election.
  auto version = nc_->server_info().version;
  int major = 0, minor = 0;
  if (std::sscanf(version.c_str(), "%d.%d", &major, &minor) != 2) return false;
  return major > 2 || (major == 2 && minor >= 10);
}

void JetStreamImpl::refuse(const std::string& feature, const std::string& needs) {
  throw Error(ErrorCode::not_supported_by_server,
              feature + " needs " + needs + "; the connected server (" + nc_->server_info().version +
                  ", JetStream API level " + std::to_string(api_level()) + ") would silently ignore it");
}

void JetStreamImpl::require_2_10(const std::string& feature) {
  if (!has_2_10()) refuse(feature, "nats-server 2.10 or newer");
}

void JetStreamImpl::require_level(int level, const std::string& feature) {
  if (api_level() < level)
    refuse(feature, "JetStream API level " + std::to_string(level) + " (nats-server 2.11 or newer)");
}

std::optional<bool> JetStreamImpl::direct_allowed(const std::string& stream) {
  std::lock_guard lock(mu_);
  auto it = direct_.find(stream);
  if (it == direct_.end()) return std::nullopt;
  return it->second;
}

void JetStreamImpl::remember(const StreamInfo& info) {
  std::lock_guard lock(mu_);
  direct_[info.config.name] = info.config.allow_direct;
}

void JetStreamImpl::forget_direct(const std::string& stream) {
  std::lock_guard lock(mu_);
  direct_.erase(stream);
}

AsyncPublisher& JetStreamImpl::async_publisher() {
  std::lock_guard lock(mu_);
  if (!publisher_) publisher_ = std::make_shared<AsyncPublisher>(nc_, opts_);
  return *publisher_;
}

}  // namespace nervure::detail
