#include "jetstream/publish_async.hpp"

#include <algorithm>

#include "jetstream/context.hpp"
#include "connection_impl.hpp"
#include "jetstream/publish.hpp"

namespace nervure {
namespace detail {

struct AsyncPublisher::Pending {
  std::string subject;
  std::string data;
  Headers headers;
  Duration timeout;
  int retries_left;
  PubAckCallback done;
};

AsyncPublisher::AsyncPublisher(const std::shared_ptr<Connection>& nc, const JetStreamOptions& options)
    : nc_(nc), opts_(options) {}

AsyncPublisher::~AsyncPublisher() { retries_.stop(); }

void AsyncPublisher::publish(const std::string& subject, std::string_view data, Headers headers, Duration timeout,
                             PubAckCallback done) {
  bool alone;
  {
    std::unique_lock lock(mu_);
    // Room in the window is the common case: wait_for would read the clock first.
    if (inflight_ >= opts_.max_pending_acks &&
        !cv_.wait_for(lock, opts_.stall_wait, [&] { return inflight_ < opts_.max_pending_acks; }))
      throw Error(ErrorCode::timeout, "asynchronous publish stalled: " + std::to_string(inflight_) +
                                          " acknowledgements outstanding for " +
                                          std::to_string(opts_.stall_wait.count()) + " ms");
    ++inflight_;
    alone = ++unanswered_ == 1;
  }
  auto p = std::make_shared<Pending>(
      Pending{subject, std::string(data), std::move(headers), timeout, std::max(0, opts_.publish_retry_attempts), std::move(done)});
  try {
    // The only publish in flight is one somebody waits for (a binding's awaited
    // publish): it leaves now. Later ones of a burst coalesce, a few large writes
    // instead of a system call each, flushed by the first write or the tail flush.
    send(p, alone ? ConnectionImpl::Send::now : ConnectionImpl::Send::coalesced);
  } catch (...) {
    std::lock_guard lock(mu_);
    --inflight_;
    --unanswered_;
    cv_.notify_all();
    throw;
  }
}

void AsyncPublisher::send(std::shared_ptr<Pending> p, ConnectionImpl::Send how) {
  auto nc = nc_.lock();
  if (!nc) throw Error(ErrorCode::connection_closed, "connection is closed");
  std::weak_ptr<AsyncPublisher> weak = weak_from_this();
  nc->impl().request_async(
      p->subject, p->data, p->timeout, p->headers.empty() ? nullptr : &p->headers,
      [weak, p](Message&& reply, std::exception_ptr error) {
        if (auto self = weak.lock()) self->on_reply(p, std::move(reply), error);
        else if (p->done)
          p->done(PubAck{}, std::make_exception_ptr(Error(ErrorCode::connection_closed, "the JetStream context is gone")));
      },
      how);
}

void AsyncPublisher::on_reply(const std::shared_ptr<Pending>& p, Message&& reply, std::exception_ptr error) {
  if (error) {
    bool no_responders = false;
    try {
      std::rethrow_exception(error);
    } catch (const Error& e) {
      no_responders = e.code() == ErrorCode::no_responders;
    } catch (...) {
    }
    if (!no_responders) return finish(p, PubAck{}, error);
    if (p->retries_left-- <= 0) return finish(p, PubAck{}, std::make_exception_ptr(no_stream_error(p->subject)));
    // No stream leader yet: try again shortly, off the I/O thread.
    std::weak_ptr<AsyncPublisher> weak = weak_from_this();
    retries_.schedule(opts_.publish_retry_wait, [weak, p](bool cancelled) {
      auto self = weak.lock();
      if (!self) {
        if (p->done)
          p->done(PubAck{}, std::make_exception_ptr(Error(ErrorCode::connection_closed, "the JetStream context is gone")));
        return;
      }
      if (cancelled)
        return self->finish(p, PubAck{}, std::make_exception_ptr(Error(ErrorCode::connection_closed, "JetStream context closed")));
      try {
        self->send(p, ConnectionImpl::Send::now);
      } catch (...) {
        self->finish(p, PubAck{}, std::current_exception());
      }
    });
    return;
  }
  try {
    finish(p, decode_pub_ack(reply), nullptr);
  } catch (...) {
    finish(p, PubAck{}, std::current_exception());
  }
}

void AsyncPublisher::finish(const std::shared_ptr<Pending>& p, PubAck&& ack, std::exception_ptr error) {
  PubAckCallback done = std::move(p->done);
  {
    std::lock_guard lock(mu_);
    --unanswered_;
  }
  if (done) {
    try {
      done(std::move(ack), error);
    } catch (...) {
      // A throwing completion must not take the I/O thread down.
    }
  }
  std::lock_guard lock(mu_);
  --inflight_;
  // A publisher waiting for room is woken once a quarter of the window is free,
  // not at every acknowledgement (it would publish one message and sleep again:
  // a thread wake-up per message); wait_complete is woken at zero.
  if (inflight_ == 0 || inflight_ == opts_.max_pending_acks - std::max(1, opts_.max_pending_acks / 4))
    cv_.notify_all();
}

void AsyncPublisher::wait_complete(Duration timeout) {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, timeout, [&] { return inflight_ == 0; }))
    throw Error(ErrorCode::timeout, std::to_string(inflight_) + " asynchronous publishes still have no outcome after " +
                                        std::to_string(timeout.count()) + " ms");
}

int AsyncPublisher::pending() const {
  std::lock_guard lock(mu_);
  return inflight_;
}

}  // namespace detail

std::future<PubAck> JetStream::publish_async(const std::string& subject, std::string_view data,
                                             const PublishOptions& options) {
  auto promise = std::make_shared<std::promise<PubAck>>();
  auto future = promise->get_future();
  publish_async(subject, data, options, [promise](PubAck&& ack, std::exception_ptr error) {
    if (error) promise->set_exception(error);
    else promise->set_value(std::move(ack));
  });
  return future;
}

void JetStream::publish_async(const std::string& subject, std::string_view data, const PublishOptions& options,
                              PubAckCallback done) {
  Headers h = detail::publish_headers(*impl_, options);
  impl_->async_publisher().publish(subject, data, std::move(h), options.timeout.value_or(impl_->options().timeout),
                                   std::move(done));
}

void JetStream::publish_async_complete(Duration timeout) { impl_->async_publisher().wait_complete(timeout); }
int JetStream::publish_async_pending() const { return impl_->async_publisher().pending(); }

}  // namespace nervure
