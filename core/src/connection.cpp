#include "nervure/connection.hpp"

#include "connection_impl.hpp"

namespace nervure {

std::shared_ptr<Connection> Connection::connect(Options options) {
  auto impl = std::make_shared<detail::ConnectionImpl>(std::move(options));
  impl->start();
  return std::make_shared<Connection>(std::move(impl));
}

Connection::Connection(std::shared_ptr<detail::ConnectionImpl> impl) : impl_(std::move(impl)) {}
Connection::~Connection() { impl_->close(); }

void Connection::publish(std::string_view subject, std::string_view data, std::string_view reply) {
  impl_->publish(subject, reply, nullptr, data);
}
void Connection::publish(std::string_view subject, std::string_view data, std::string_view reply,
                         const Headers& headers) {
  impl_->publish(subject, reply, &headers, data);
}
void Connection::publish(const Message& msg) {
  impl_->publish(msg.subject, msg.reply, msg.has_headers || !msg.headers.empty() ? &msg.headers : nullptr, msg.data);
}

std::shared_ptr<Subscription> Connection::subscribe(std::string_view subject, SubscribeOptions options) {
  return std::make_shared<Subscription>(impl_->subscribe(subject, options, nullptr));
}
std::shared_ptr<Subscription> Connection::subscribe(std::string_view subject, MessageHandler handler,
                                                    SubscribeOptions options) {
  if (!handler) throw Error(ErrorCode::invalid_argument, "subscribe needs a handler");
  return std::make_shared<Subscription>(impl_->subscribe(subject, options, std::move(handler)));
}

bool Connection::poll_input() { return impl_->poll_input(); }
int Connection::input_fd() const { return impl_->input_fd(); }

bool poll_connections_until(const std::function<bool()>& ready, std::chrono::microseconds budget) {
  // Not adaptive: the caller's sleep that follows is not seen here, so every
  // such wait may poll, bounded by the budget and by the machine's spare CPU.
  static detail::AdaptiveSpin spin{std::chrono::hours(1)};
  const auto started = detail::AdaptiveSpin::clock::now();
  return spin.spin(started, detail::deadline_after(started, budget), [&] {
    detail::ConnectionImpl::poll_all_inputs();
    return ready();
  }) || ready();
}

Message Connection::request(std::string_view subject, std::string_view data, Duration timeout,
                            const Headers* headers) {
  auto reply = request_future(subject, data, timeout, headers);
  impl_->await_reply(reply, timeout);  // Options::request_spin: poll for the reply a little before sleeping
  return reply.get();
}

uint64_t Connection::request_async(std::string_view subject, std::string_view data, Duration timeout,
                                   const Headers* headers, ReplyCallback done) {
  return impl_->request_async(subject, data, timeout, headers, std::move(done));
}

std::future<Message> Connection::request_future(std::string_view subject, std::string_view data, Duration timeout,
                                                const Headers* headers) {
  auto promise = std::make_shared<std::promise<Message>>();
  auto future = promise->get_future();
  impl_->request_async(subject, data, timeout, headers, [promise](Message&& reply, std::exception_ptr err) {
    if (err) promise->set_exception(err);
    else promise->set_value(std::move(reply));
  });
  return future;
}

bool Connection::cancel_request(uint64_t id) { return impl_->cancel_request(id); }
void Connection::flush(Duration timeout) { impl_->flush(timeout); }
void Connection::flush_async(Duration timeout, DoneCallback done) { impl_->flush_async(timeout, std::move(done)); }
void Connection::drain(Duration timeout) { impl_->drain(timeout); }
void Connection::close() { impl_->close(); }
bool Connection::is_connected() const { return impl_->is_connected(); }
bool Connection::is_closed() const { return impl_->is_closed(); }
bool Connection::is_reconnecting() const { return impl_->is_reconnecting(); }
Stats Connection::stats() const { return impl_->stats(); }
ServerInfo Connection::server_info() const { return impl_->server_info(); }
std::string Connection::connected_url() const { return impl_->connected_url(); }
std::vector<std::string> Connection::servers() const { return impl_->servers(); }
int64_t Connection::max_payload() const { return impl_->max_payload(); }
std::string Connection::new_inbox() const { return impl_->new_inbox(); }

Duration Connection::rtt() {
  auto start = std::chrono::steady_clock::now();
  impl_->flush(Duration(10000));
  return std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now() - start);
}

}  // namespace nervure
