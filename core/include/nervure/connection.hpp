#pragma once
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "nervure/errors.hpp"
#include "nervure/message.hpp"
#include "nervure/options.hpp"
#include "nervure/subscription.hpp"

namespace nervure {

namespace detail {
class ConnectionImpl;
}

/// Completion of an asynchronous request. Runs on the I/O thread: bindings use
/// it to hand the result to their own loop; it must not block. On failure, error
/// holds a nervure::Error and reply is empty.
using ReplyCallback = std::function<void(Message&& reply, std::exception_ptr error)>;
using DoneCallback = std::function<void(std::exception_ptr error)>;

class Connection {
 public:
  /// Connects to the first reachable server of options.servers, or throws.
  static std::shared_ptr<Connection> connect(Options options);

  ~Connection();  // closes the connection
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void publish(std::string_view subject, std::string_view data, std::string_view reply = {});
  void publish(std::string_view subject, std::string_view data, std::string_view reply,
               const Headers& headers);
  void publish(const Message& msg);

  std::shared_ptr<Subscription> subscribe(std::string_view subject, SubscribeOptions options = {});
  std::shared_ptr<Subscription> subscribe(std::string_view subject, MessageHandler handler,
                                          SubscribeOptions options = {});

  /// One reply or an error: NoRespondersError, TimeoutError, ConnectionClosedError.
  Message request(std::string_view subject, std::string_view data, Duration timeout,
                  const Headers* headers = nullptr);
  /// Returns a request id usable with cancel_request. The callback runs exactly once
  /// unless the request is cancelled first.
  uint64_t request_async(std::string_view subject, std::string_view data, Duration timeout,
                         const Headers* headers, ReplyCallback done);
  std::future<Message> request_future(std::string_view subject, std::string_view data,
                                      Duration timeout, const Headers* headers = nullptr);
  /// True when the request was still pending and its callback will not run.
  bool cancel_request(uint64_t request_id);

  /// Round trip to the server: everything published before it has been processed.
  void flush(Duration timeout);
  void flush_async(Duration timeout, DoneCallback done);

  /// Drains every subscription, flushes publishes, then closes.
  void drain(Duration timeout);
  void close();

  bool is_connected() const;
  bool is_closed() const;
  bool is_reconnecting() const;
  Stats stats() const;
  ServerInfo server_info() const;
  std::string connected_url() const;
  std::vector<std::string> servers() const;  // known servers, discovered ones included
  int64_t max_payload() const;
  std::string new_inbox() const;
  /// Round-trip time of a PING measured now.
  Duration rtt();
  /// For language bindings whose event loop polls while a reply is due: reads
  /// and parses whatever input the socket holds now on the calling thread, so
  /// the reply does not wait for the I/O thread to be woken. Never blocks;
  /// true when it read something. Callbacks it completes run on this thread.
  bool poll_input();
  /// The socket poll_input reads, for a binding that waits for it to turn
  /// readable in its own event loop before calling poll_input: watch it, never
  /// read or close it. -1 under TLS or while not connected; a reconnect
  /// replaces it.
  int input_fd() const;

  explicit Connection(std::shared_ptr<detail::ConnectionImpl> impl);
  detail::ConnectionImpl& impl() { return *impl_; }

 private:
  std::shared_ptr<detail::ConnectionImpl> impl_;
};

/// For bindings whose thread waits for a completion (a blocking call from
/// Java, say): until ready() answers true, polls ready() and the socket of
/// every open connection of the process (Connection::poll_input), for at most
/// budget and only while this kind of wait has been short and the machine has
/// a CPU to spare. Returns ready()'s last answer; the caller then sleeps as it
/// would have. Completions it reads run on the calling thread.
bool poll_connections_until(const std::function<bool()>& ready, std::chrono::microseconds budget);

}  // namespace nervure
