// Calling an actor: a request to the subject of the actor's partition. When no
// host serves that partition yet (no responders), ask the type's hosts to take
// it and try again, until the call's deadline.
#include <chrono>
#include <future>
#include <memory>

#include "actors/wire.hpp"
#include "connection_impl.hpp"
#include <nlohmann/json.hpp>

#include "nervure/actors.hpp"
#include "nervure/errors.hpp"
#include "nuid.hpp"

namespace nervure {
namespace {

using Clock = std::chrono::steady_clock;
namespace wire = detail::actor_wire;

struct PendingCall : std::enable_shared_from_this<PendingCall> {
  std::shared_ptr<Connection> connection;
  std::string type;
  std::string subject;
  int partition = 0;
  std::string args;
  Headers headers;
  Clock::time_point deadline;
  ActorReplyCallback done;

  Duration remaining() const {
    return std::chrono::duration_cast<Duration>(deadline - Clock::now());
  }

  void fail(std::exception_ptr error) { done({}, std::move(error)); }

  void send() {
    auto left = remaining();
    if (left.count() <= 0)
      return fail(std::make_exception_ptr(Error(ErrorCode::timeout, "actor call to " + type + " timed out")));
    auto self = shared_from_this();
    try {
      connection->request_async(subject, args, left, &headers,
                                [self](Message&& reply, std::exception_ptr error) { self->on_reply(std::move(reply), error); });
    } catch (...) {
      fail(std::current_exception());
    }
  }

  void on_reply(Message&& reply, std::exception_ptr error) {
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const Error& e) {
        if (e.code() == ErrorCode::no_responders) return acquire();
        if (e.code() == ErrorCode::timeout)
          return fail(std::make_exception_ptr(Error(ErrorCode::timeout, "actor call to " + type + " timed out")));
      } catch (...) {
      }
      return fail(error);
    }
    if (auto remote = reply.headers.get(wire::kErrorHeader)) {
      if (*remote == "$retry") return acquire();  // the partition moved while the call was on its way
      if (*remote == "$timeout") return fail(std::make_exception_ptr(Error(ErrorCode::timeout, reply.data)));
      return fail(std::make_exception_ptr(ActorError(*remote, reply.data)));
    }
    done(std::move(reply.data), nullptr);
  }

  // Asks one host of the type to take the partition; it answers once it serves it.
  void acquire() {
    auto left = remaining();
    if (left.count() <= 0)
      return fail(std::make_exception_ptr(Error(ErrorCode::timeout, "actor call to " + type + " timed out")));
    auto self = shared_from_this();
    try {
      connection->request_async(wire::acquire_subject(type), std::to_string(partition), left, nullptr,
                                [self](Message&&, std::exception_ptr error) {
                                  if (error) {
                                    try {
                                      std::rethrow_exception(error);
                                    } catch (const Error& e) {
                                      if (e.code() == ErrorCode::no_responders)
                                        return self->fail(std::make_exception_ptr(Error(
                                            ErrorCode::no_responders, "no host serves actor type " + self->type)));
                                    } catch (...) {
                                    }
                                    return self->fail(error);
                                  }
                                  self->send();
                                });
    } catch (...) {
      fail(std::current_exception());
    }
  }
};

}  // namespace

ActorProxy::ActorProxy(std::shared_ptr<Connection> connection, std::string actor_type, std::string actor_id,
                       ActorCallOptions options)
    : connection_(std::move(connection)), type_(std::move(actor_type)), id_(std::move(actor_id)), options_(options) {
  wire::validate_type(type_);
  wire::validate_id(id_);
  if (options_.partitions < 1) throw Error(ErrorCode::invalid_argument, "partitions must be at least 1");
}

std::string ActorProxy::invoke(const std::string& method, std::string_view args) {
  return invoke(method, args, options_.timeout);
}

std::string ActorProxy::invoke(const std::string& method, std::string_view args, Duration timeout) {
  auto promise = std::make_shared<std::promise<std::string>>();
  auto future = promise->get_future();
  invoke_async(method, args, timeout, [promise](std::string result, std::exception_ptr error) {
    if (error) promise->set_exception(error);
    else promise->set_value(std::move(result));
  });
  connection_->impl().await_reply(future, timeout);
  return future.get();
}

void ActorProxy::invoke_async(const std::string& method, std::string_view args, Duration timeout,
                              ActorReplyCallback done) {
  if (method.empty()) throw Error(ErrorCode::invalid_argument, "actor method name must not be empty");
  if (method.find_first_of("\r\n") != std::string::npos)
    throw Error(ErrorCode::invalid_argument, "actor method name must not contain CR or LF");
  if (timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "actor call timeout must be positive");
  auto call = std::make_shared<PendingCall>();
  call->connection = connection_;
  call->type = type_;
  call->partition = wire::partition_of(id_, options_.partitions);
  call->subject = wire::call_subject(type_, call->partition);
  call->args.assign(args);
  call->headers.add(std::string(wire::kIdHeader), id_);
  call->headers.add(std::string(wire::kMethodHeader), method);
  call->headers.add(std::string(wire::kChainHeader), chain_.empty() ? detail::next_nuid() : chain_);
  call->headers.add(std::string(wire::kDepthHeader), std::to_string(depth_ + 1));
  call->deadline = Clock::now() + timeout;
  call->done = std::move(done);
  call->send();
}

void ActorProxy::tell(const std::string& method, std::string_view args, const std::string& dedup_id) {
  auto promise = std::make_shared<std::promise<void>>();
  auto future = promise->get_future();
  tell_async(method, args, dedup_id, [promise](std::exception_ptr error) {
    if (error) promise->set_exception(error);
    else promise->set_value();
  });
  future.get();
}

void ActorProxy::tell_async(const std::string& method, std::string_view args, const std::string& dedup_id,
                            std::function<void(std::exception_ptr error)> done) {
  if (method.empty()) throw Error(ErrorCode::invalid_argument, "actor method name must not be empty");
  if (method.find_first_of("\r\n") != std::string::npos)
    throw Error(ErrorCode::invalid_argument, "actor method name must not contain CR or LF");
  // A JetStream publish is a request whose reply is the stream's acknowledgement.
  Headers headers;
  headers.add(std::string(wire::kIdHeader), id_);
  headers.add(std::string(wire::kMethodHeader), method);
  headers.add("Nats-Msg-Id", dedup_id.empty() ? detail::next_nuid() : dedup_id);
  connection_->request_async(
      wire::tell_subject(type_), args, options_.timeout, &headers,
      [done = std::move(done), type = type_](Message&& reply, std::exception_ptr error) {
        if (error) {
          try {
            std::rethrow_exception(error);
          } catch (const Error& e) {
            if (e.code() == ErrorCode::no_responders)
              error = std::make_exception_ptr(
                  Error(ErrorCode::no_responders, "no tell stream: no host of actor type " + type + " ever started"));
          } catch (...) {
          }
          return done(error);
        }
        auto ack = nlohmann::json::parse(reply.data, nullptr, false);
        if (ack.is_object() && ack.contains("error")) {
          const auto& e = ack["error"];
          return done(std::make_exception_ptr(JetStreamApiError(e.value("code", 0), e.value("err_code", 0),
                                                                e.value("description", "tell not stored"))));
        }
        done(nullptr);
      });
}

}  // namespace nervure
