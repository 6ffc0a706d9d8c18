#include "bridge.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

#include "input_pass.hpp"  // core/src

namespace nervure::bridge {

const ErrorField* ErrorInfo::field(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

ErrorInfo describe(const std::exception& error) noexcept {
  ErrorInfo info;
  try {
    info.message = error.what();
    if (auto* e = dynamic_cast<const Error*>(&error)) {
      info.code = e->code();
      error_fields(*e, info.fields);
    } else if (dynamic_cast<const std::bad_alloc*>(&error)) {
      info.code = ErrorCode::nervure;
      info.message = "out of memory";
    } else {
      info.code = ErrorCode::nervure;
    }
  } catch (...) {
    info.code = ErrorCode::nervure;  // describing ran out of memory: keep the code at least
  }
  return info;
}

ErrorInfo describe(std::exception_ptr error) noexcept {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return describe(e);
  } catch (...) {
  }
  ErrorInfo info;
  info.code = ErrorCode::nervure;
  try {
    info.message = "unknown error";
  } catch (...) {
  }
  return info;
}

// ---- Inbox ------------------------------------------------------------------

Inbox::Inbox() {
  fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd_ < 0) throw Error(ErrorCode::nervure, "cannot create an eventfd for the language bridge");
}

Inbox::~Inbox() {
  if (fd_ >= 0) ::close(fd_);
}

void Inbox::signal_locked(bool completion) {  // one write per batch, however much is queued meanwhile
  queued_.store(true, std::memory_order_release);
  if (signalled_) return;
  signalled_ = true;
  if (quiet_thread_ == std::this_thread::get_id()) return;  // the spinner takes or announces it
  // Completions come one per message (JetStream acknowledgements): woken at the
  // first, the language would take them while the reader still posts the rest.
  // A source's readiness comes once per batch already, and is announced at
  // once: its reader starts on the messages while the rest are parsed.
  if (completion && detail::in_input_pass()) {
    if (auto self = weak_from_this().lock())
      return detail::at_end_of_input_pass(std::move(self), [](void* inbox) { static_cast<Inbox*>(inbox)->announce(); });
  }
  write_locked();
}

void Inbox::announce() {
  std::lock_guard lock(mu_);
  // Taken meanwhile (signalled_ cleared), or written already: nothing to announce.
  if (signalled_ && !written_ && quiet_thread_ != std::this_thread::get_id()) write_locked();
}

void Inbox::write_locked() {
  written_ = true;
  uint64_t one = 1;
  ssize_t n;
  do n = ::write(fd_, &one, sizeof one);
  while (n < 0 && errno == EINTR);
}

void Inbox::post(Completion&& c) {
  std::lock_guard lock(mu_);
  pending_.completions.push_back(std::move(c));
  signal_locked(true);
}

void Inbox::post_ready(uint64_t source_id) {
  std::lock_guard lock(mu_);
  pending_.ready_sources.push_back(source_id);
  signal_locked(false);
}

void Inbox::post_event(Event e, std::string detail) {
  std::lock_guard lock(mu_);
  pending_.events.push_back({e, std::move(detail)});
  signal_locked(false);
}

Batch Inbox::take() {
  Batch out;
  std::lock_guard lock(mu_);
  if (written_) {
    uint64_t value;
    [[maybe_unused]] ssize_t n = ::read(fd_, &value, sizeof value);
    written_ = false;
  }
  signalled_ = false;
  queued_.store(false, std::memory_order_relaxed);
  std::swap(out, pending_);
  return out;
}

void Inbox::hold_own_signals() {
  std::lock_guard lock(mu_);
  quiet_thread_ = std::this_thread::get_id();
}

bool Inbox::release_own_signals(bool announce) {
  std::lock_guard lock(mu_);
  quiet_thread_ = {};
  if (!signalled_ || written_) return false;
  if (!announce) return true;
  write_locked();
  return false;
}

void Inbox::request_started(uint64_t token, uint64_t request_id) {
  std::lock_guard lock(requests_mu_);
  if (finished_early_.erase(token) != 0) return;
  requests_.emplace(token, request_id);
  extend_spin();
  in_flight_.store(requests_.size(), std::memory_order_release);
}

void Inbox::awaited_started() {
  awaited_.fetch_add(1, std::memory_order_release);
  extend_spin();
}

void Inbox::extend_spin() {
  spin_until_.store((std::chrono::steady_clock::now() + spin_budget_).time_since_epoch().count(),
                    std::memory_order_relaxed);
}

void Inbox::request_finished(uint64_t token) {
  std::lock_guard lock(requests_mu_);
  if (requests_.erase(token) == 0) finished_early_.insert(token);
  in_flight_.store(requests_.size(), std::memory_order_release);
}

bool Inbox::forget_request(uint64_t token, uint64_t& request_id) {
  std::lock_guard lock(requests_mu_);
  auto it = requests_.find(token);
  if (it == requests_.end()) return false;
  request_id = it->second;
  requests_.erase(it);
  in_flight_.store(requests_.size(), std::memory_order_release);
  return true;
}

// ---- Bridge -------------------------------------------------------------------

void deliver(const std::shared_ptr<Inbox>& inbox, const DirectCompletion& direct, Completion&& c) {
  if (!direct) return inbox->post(std::move(c));
  try {
    direct(std::move(c));
  } catch (...) {
  }
}

Completion failed(uint64_t token, std::exception_ptr error) {
  Completion c;
  c.token = token;
  c.error = describe(error);
  return c;
}

std::shared_ptr<Bridge> Bridge::connect(Options options) {
  std::shared_ptr<Bridge> bridge(new Bridge());
  bridge->inbox_ = std::make_shared<Inbox>();
  bridge->inbox_->set_spin_budget(options.request_spin);
  options.on_event = [inbox = bridge->inbox_](Event e, const std::string& detail) { inbox->post_event(e, detail); };
  bridge->conn_ = Connection::connect(std::move(options));
  bridge->inbox_->set_input(bridge->conn_);
  return bridge;
}

Bridge::~Bridge() {
  if (conn_) {
    try {
      conn_->close();
    } catch (...) {
    }
  }
}

std::shared_ptr<BridgeSubscription> Bridge::subscribe(std::string_view subject, const SubscribeOptions& options) {
  return adopt(conn_->subscribe(subject, options));
}

std::shared_ptr<BridgeSubscription> Bridge::adopt(std::shared_ptr<Subscription> source) {
  const uint64_t id = inbox_->next_source_id();
  auto sub = std::make_shared<BridgeSubscription>(std::move(source), id);
  sub->core().set_ready_notifier([inbox = inbox_, id] { inbox->post_ready(id); });
  return sub;
}

WakeFd::WakeFd() {
  fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd_ < 0) throw Error(ErrorCode::nervure, "cannot create an eventfd for a subscription");
}

WakeFd::~WakeFd() {
  if (fd_ >= 0) ::close(fd_);
}

void WakeFd::signal() {
  uint64_t one = 1;
  ssize_t n;
  do n = ::write(fd_, &one, sizeof one);
  while (n < 0 && errno == EINTR);
}

int BridgeSubscription::own_wake_fd() {
  if (!sub_) return -1;
  std::lock_guard lock(wake_mu_);
  if (!wake_) {
    wake_ = std::make_shared<WakeFd>();
    sub_->set_ready_notifier([wake = wake_] { wake->signal(); });
  }
  return wake_->fd();
}

Subscription& BridgeSubscription::core() {
  if (!sub_) throw Error(ErrorCode::invalid_argument, hooks_.name + " is not a core subscription");
  return *sub_;
}

const std::string& BridgeSubscription::queue() const {
  static const std::string none;
  return sub_ ? sub_->queue() : none;
}

void Bridge::request(AsyncTarget target, std::string_view subject, std::string_view data, Duration timeout,
                     const Headers* headers) {
  const uint64_t token = target.token;
  auto done = [inbox = inbox_, target = std::move(target)](Message&& reply, std::exception_ptr err) {
    inbox->request_finished(target.token);
    if (err) return deliver(inbox, target.direct, failed(target.token, err));
    Completion c;
    c.token = target.token;
    c.has_message = true;
    c.message = std::move(reply);
    deliver(inbox, target.direct, std::move(c));
  };
  const uint64_t id = conn_->request_async(subject, data, timeout, headers, std::move(done));
  inbox_->request_started(token, id);
}

void request_via(const std::shared_ptr<Inbox>& inbox, Connection& conn, AsyncTarget target, std::string_view subject,
                 std::string_view data, Duration timeout) {
  conn.request_async(subject, data, timeout, nullptr,
                     [inbox, target = std::move(target)](Message&& reply, std::exception_ptr err) {
                       inbox->awaited_finished();
                       if (err) return deliver(inbox, target.direct, failed(target.token, err));
                       Completion c;
                       c.token = target.token;
                       c.has_message = true;
                       c.message = std::move(reply);
                       deliver(inbox, target.direct, std::move(c));
                     });
  inbox->awaited_started();
}

bool Bridge::cancel(uint64_t token) {
  uint64_t id = 0;
  return inbox_->forget_request(token, id) && conn_->cancel_request(id);
}

void Bridge::flush(AsyncTarget target, Duration timeout) {
  conn_->flush_async(timeout, [inbox = inbox_, target = std::move(target)](std::exception_ptr err) {
    if (err) return deliver(inbox, target.direct, failed(target.token, err));
    Completion c;
    c.token = target.token;
    deliver(inbox, target.direct, std::move(c));
  });
}

}  // namespace nervure::bridge
