#include "jetstream/stream_core.hpp"

namespace nervure::detail {

namespace {
constexpr std::size_t kPollBatch = 256;

std::exception_ptr closed_error() {
  return std::make_exception_ptr(Error(ErrorCode::connection_closed, "the connection closed; consuming ended"));
}
}  // namespace

StreamCore::StreamCore(std::shared_ptr<JetStreamImpl> js, JsMessageHandler handler, ConsumeErrorHandler on_error)
    : js_(std::move(js)), handler_(std::move(handler)), on_error_(std::move(on_error)) {
  acks_ = std::make_shared<AckChannel>();
  acks_->nc = js_->nc();
}

StreamCore::~StreamCore() {
  stopping_ = true;
  worker_cv_.notify_all();
  if (thread_.joinable()) {
    if (thread_.get_id() == std::this_thread::get_id()) thread_.detach();
    else thread_.join();
  }
}

void StreamCore::launch() {
  // The thread keeps the core alive until it has said its last words.
  auto self = shared_from_this();
  thread_ = std::thread([self] { self->run(); });
}

void StreamCore::run() {
  reconnects_seen_ = js_->nc()->stats().reconnects;
  try {
    start();
  } catch (...) {
    finish(std::current_exception());
  }
  std::vector<Message> batch;
  batch.reserve(kPollBatch);
  while (!stopping_) {
    {
      std::unique_lock lock(mu_);
      worker_cv_.wait_for(lock, tick_period(), [&] { return arrivals_ || room_ || stopping_.load(); });
      arrivals_ = room_ = false;
    }
    if (stopping_) break;
    try {
      for (auto sub = sub_; sub && sub == sub_ && !stopping_;) {
        batch.clear();
        std::size_t n = sub->poll(batch, kPollBatch);
        for (auto& m : batch) {
          if (stopping_ || sub != sub_) break;  // a driver may replace the subscription midway
          on_message(std::move(m));
        }
        hand_over();
        if (n < kPollBatch) break;
      }
      if (stopping_) break;
      auto& nc = js_->nc();
      if (nc->is_closed() || (sub_ && sub_->ended())) {
        finish(closed_error());
        break;
      }
      uint64_t reconnects = nc->stats().reconnects;
      if (reconnects != reconnects_seen_ && nc->is_connected()) {
        reconnects_seen_ = reconnects;
        on_reconnect();
      }
      on_tick(std::chrono::steady_clock::now());
      hand_over();
    } catch (...) {
      hand_over();  // what arrived before the error is still the reader's
      finish(std::current_exception());
    }
  }
  try {
    on_stop();
  } catch (...) {
  }
  unsubscribe_current();
  std::function<void()> notify;
  {
    std::lock_guard lock(mu_);
    ended_ = true;
    notify = notify_;
  }
  reader_cv_.notify_all();
  if (notify) notify();
}

void StreamCore::unsubscribe_current() {
  if (!sub_) return;
  try {
    sub_->unsubscribe();
  } catch (...) {
    // A closed connection has dropped it already.
  }
  sub_.reset();
}

void StreamCore::use_subscription(std::shared_ptr<Subscription> sub) {
  unsubscribe_current();
  sub_ = std::move(sub);
  if (!sub_) return;
  std::weak_ptr<StreamCore> weak = weak_from_this();
  sub_->set_ready_notifier([weak] {
    if (auto self = weak.lock()) {
      {
        std::lock_guard lock(self->mu_);
        self->arrivals_ = true;
      }
      self->worker_cv_.notify_one();
    }
  });
  // Whatever came before the notifier was set must not wait for the next arrival.
  std::lock_guard lock(mu_);
  arrivals_ = true;
}

void StreamCore::deliver(Message&& m) {
  if (!handler_) {
    outbox_.emplace_back(std::move(m), acks_);
    return;
  }
  JsMessage msg(std::move(m), acks_);
  {
    std::lock_guard lock(mu_);
    handler_busy_ = true;
  }
  try {
    handler_(std::move(msg));
  } catch (const std::exception& e) {
    warn(Error(ErrorCode::nervure, std::string("the message handler threw: ") + e.what()));
  } catch (...) {
    warn(Error(ErrorCode::nervure, "the message handler threw"));
  }
  delivered_.fetch_add(1);
  {
    std::lock_guard lock(mu_);
    handler_busy_ = false;
  }
  reader_cv_.notify_all();
}

void StreamCore::hand_over() {
  if (outbox_.empty()) return;
  std::function<void()> notify;
  {
    std::lock_guard lock(mu_);
    if (queue_.empty()) notify = notify_;
    for (auto& m : outbox_) queue_.push_back(std::move(m));
  }
  outbox_.clear();
  reader_cv_.notify_all();
  if (notify) notify();
}

void StreamCore::warn(const Error& e) {
  if (!on_error_) return;
  try {
    on_error_(e, false);
  } catch (...) {
  }
}

void StreamCore::finish(std::exception_ptr error) {
  {
    std::lock_guard lock(mu_);
    if (ended_) return;
  }
  stopping_ = true;
  // The handler hears of the end before any reader can see it.
  if (error && on_error_) {
    try {
      std::rethrow_exception(error);
    } catch (const Error& e) {
      try {
        on_error_(e, true);
      } catch (...) {
      }
    } catch (const std::exception& e) {
      try {
        on_error_(Error(ErrorCode::nervure, e.what()), true);
      } catch (...) {
      }
    } catch (...) {
    }
  }
  std::function<void()> notify;
  {
    std::lock_guard lock(mu_);
    if (ended_) return;
    error_ = error;
    ended_ = true;
    notify = notify_;
  }
  reader_cv_.notify_all();
  if (notify) notify();
}

std::size_t StreamCore::take(std::vector<JsMessage>& out, std::size_t max, Duration timeout) {
  std::size_t n = 0;
  {
    std::unique_lock lock(mu_);
    if (queue_.empty() && !ended_) reader_cv_.wait_for(lock, timeout, [&] { return !queue_.empty() || ended_; });
    while (n < max && !queue_.empty()) {
      out.push_back(std::move(queue_.front()));
      queue_.pop_front();
      ++n;
    }
    if (n > 0) room_ = true;
  }
  if (n > 0) {
    delivered_.fetch_add(n);
    worker_cv_.notify_one();
    reader_cv_.notify_all();  // a drain may wait for the queue to empty
  }
  return n;
}

std::size_t StreamCore::poll(std::vector<JsMessage>& out, std::size_t max) { return take(out, max, Duration(0)); }

void StreamCore::set_notifier(std::function<void()> notify) {
  bool now;
  {
    std::lock_guard lock(mu_);
    notify_ = notify;
    now = !queue_.empty() || ended_;
  }
  if (now && notify) notify();
}

void StreamCore::stop() {
  stopping_ = true;
  worker_cv_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
  std::function<void()> notify;
  {
    std::lock_guard lock(mu_);
    queue_.clear();
    if (!ended_) notify = notify_;
    ended_ = true;
  }
  reader_cv_.notify_all();
  if (notify) notify();
}

void StreamCore::drain(Duration timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  stopping_ = true;
  worker_cv_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
  std::unique_lock lock(mu_);
  ended_ = true;
  reader_cv_.notify_all();
  if (!reader_cv_.wait_until(lock, deadline, [&] { return queue_.empty() && !handler_busy_; }))
    throw Error(ErrorCode::timeout, "drain timed out with " + std::to_string(queue_.size()) + " messages not taken");
}

bool StreamCore::ended() const {
  std::lock_guard lock(mu_);
  return ended_ && queue_.empty();
}

std::exception_ptr StreamCore::error() const {
  std::lock_guard lock(mu_);
  return error_;
}

std::size_t StreamCore::buffered() const {  // the stream's thread, which alone touches outbox_
  std::lock_guard lock(mu_);
  return queue_.size() + outbox_.size();
}

bool StreamCore::connected() const { return js_->nc()->is_connected(); }

std::string StreamCore::consumer_name() const {
  std::lock_guard lock(mu_);
  return consumer_name_;
}

void StreamCore::set_consumer_name(std::string name) {
  std::lock_guard lock(mu_);
  consumer_name_ = std::move(name);
}

}  // namespace nervure::detail
