#include "bridge.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>

namespace nervure::bridge {
namespace {

Completion failure(uint64_t token, std::exception_ptr error) {
  Completion c;
  c.token = token;
  try {
    std::rethrow_exception(error);
  } catch (const Error& e) {
    c.error = e.code();
    c.error_message = e.what();
  } catch (const std::exception& e) {
    c.error = ErrorCode::nervure;
    c.error_message = e.what();
  } catch (...) {
    c.error = ErrorCode::nervure;
    c.error_message = "unknown error";
  }
  return c;
}

}  // namespace

Bridge::Bridge() {
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw Error(ErrorCode::nervure, "cannot create an eventfd for the language bridge");
}

Bridge::~Bridge() {
  if (conn_) conn_->close();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

std::shared_ptr<Bridge> Bridge::connect(Options options) {
  std::shared_ptr<Bridge> bridge(new Bridge());
  std::weak_ptr<Bridge> weak = bridge;
  auto user_events = std::move(options.on_event);
  options.on_event = [weak](Event e, const std::string& detail) {
    if (auto b = weak.lock()) {
      std::lock_guard lock(b->mu_);
      b->pending_.events.push_back({e, detail});
      b->signal();
    }
  };
  bridge->conn_ = Connection::connect(std::move(options));
  return bridge;
}

void Bridge::signal() {  // with mu_ held: one write per batch, however much is queued
  if (signalled_) return;
  signalled_ = true;
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

Batch Bridge::take() {
  uint64_t value;
  [[maybe_unused]] ssize_t n = ::read(wake_fd_, &value, sizeof value);
  std::lock_guard lock(mu_);
  signalled_ = false;
  Batch out;
  std::swap(out, pending_);
  return out;
}

void Bridge::complete(Completion&& c) {
  std::lock_guard lock(mu_);
  pending_.completions.push_back(std::move(c));
  signal();
}

std::shared_ptr<BridgeSubscription> Bridge::subscribe(std::string_view subject, const SubscribeOptions& options) {
  uint64_t id;
  {
    std::lock_guard lock(mu_);
    id = next_sub_id_++;
  }
  auto sub = std::make_shared<BridgeSubscription>(conn_->subscribe(subject, options), id);
  std::weak_ptr<Bridge> weak = weak_from_this();
  sub->core().set_ready_notifier([weak, id] {
    if (auto b = weak.lock()) {
      std::lock_guard lock(b->mu_);
      b->pending_.ready_subscriptions.push_back(id);
      b->signal();
    }
  });
  return sub;
}

void Bridge::request(uint64_t token, std::string_view subject, std::string_view data, Duration timeout,
                     const Headers* headers) {
  std::weak_ptr<Bridge> weak = weak_from_this();
  auto id = conn_->request_async(subject, data, timeout, headers, [weak, token](Message&& reply, std::exception_ptr err) {
    auto b = weak.lock();
    if (!b) return;
    {
      std::lock_guard lock(b->requests_mu_);
      if (b->requests_.erase(token) == 0) b->finished_early_.insert(token);
    }
    if (err) return b->complete(failure(token, err));
    Completion c;
    c.token = token;
    c.has_message = true;
    c.message = std::move(reply);
    b->complete(std::move(c));
  });
  std::lock_guard lock(requests_mu_);
  if (finished_early_.erase(token) == 0) requests_.emplace(token, id);
}

void Bridge::cancel(uint64_t token) {
  uint64_t id = 0;
  {
    std::lock_guard lock(requests_mu_);
    auto it = requests_.find(token);
    if (it == requests_.end()) return;
    id = it->second;
    requests_.erase(it);
  }
  conn_->cancel_request(id);
}

void Bridge::flush(uint64_t token, Duration timeout) {
  std::weak_ptr<Bridge> weak = weak_from_this();
  conn_->flush_async(timeout, [weak, token](std::exception_ptr err) {
    auto b = weak.lock();
    if (!b) return;
    if (err) return b->complete(failure(token, err));
    Completion c;
    c.token = token;
    b->complete(std::move(c));
  });
}

}  // namespace nervure::bridge
