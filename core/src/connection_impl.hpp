#pragma once
// The connection's engine. One I/O thread per connection owns the socket's
// life and the reconnect loop; user threads append to the output buffer and
// wake the writer. Input is read and parsed by whoever holds read_mu_: the I/O
// thread, or a thread that waits for this connection's input and polls the
// socket itself (poll_input). Callbacks into bindings run after parsing.
#include <atomic>
#include <future>
#include <optional>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dispatcher.hpp"
#include "nervure/connection.hpp"
#include "protocol/parser.hpp"
#include "server_pool.hpp"
#include "spin_wait.hpp"
#include "subscription_state.hpp"
#include "transport/transport.hpp"

namespace nervure::detail {

class ConnectionImpl : public std::enable_shared_from_this<ConnectionImpl>, private protocol::ParserHandler {
 public:
  explicit ConnectionImpl(Options options);
  const Options& options() const noexcept { return opts_; }
  ~ConnectionImpl() override;

  /// Starts the I/O thread and blocks until the first connect succeeded or failed (throws).
  void start();

  /// How a request leaves: at once when someone waits for its reply, or
  /// coalesced with what follows like a plain publish when nobody waits for
  /// this one in particular (asynchronous JetStream publishes, a window of them in flight).
  enum class Send { now, coalesced };
  void publish(std::string_view subject, std::string_view reply, const Headers* headers, std::string_view data,
               Send send = Send::now);
  /// Where a subscription's handler runs. The reader is the thread that has
  /// just parsed the message (the I/O thread or a poller), so it skips the
  /// dispatcher's wake-up; such a handler must neither block nor wait for this
  /// connection's input. The core's own routers use it (the actor host's calls).
  enum class HandlerThread { dispatcher, reader };
  std::shared_ptr<SubscriptionState> subscribe(std::string_view subject, const SubscribeOptions& opts,
                                               MessageHandler handler,
                                               HandlerThread where = HandlerThread::dispatcher);
  void unsubscribe(SubscriptionState& sub, int64_t max_msgs);
  void drain_subscription(const std::shared_ptr<SubscriptionState>& sub, Duration timeout);

  uint64_t request_async(std::string_view subject, std::string_view data, Duration timeout,
                         const Headers* headers, ReplyCallback done, Send send = Send::now);
  bool cancel_request(uint64_t id);
  void flush_async(Duration timeout, DoneCallback done);
  void flush(Duration timeout);
  void drain(Duration timeout);
  void close();

  bool is_connected() const;
  bool is_closed() const;
  bool is_reconnecting() const;
  Stats stats() const;
  ServerInfo server_info() const;
  std::string connected_url() const;
  std::vector<std::string> servers() const;
  int64_t max_payload() const { return max_payload_.load(); }
  std::string new_inbox() const;

  /// For a thread that is about to see this connection's input (a reply, a
  /// message for its handler): it reads and parses what the socket holds now,
  /// as the I/O thread would, instead of waiting for the I/O thread to be woken
  /// and hand it over; on a virtual machine each wake-up costs tens of
  /// microseconds, and a round trip otherwise pays two. Never blocks: false when
  /// another thread is reading, under TLS, while not connected, when this
  /// thread is already parsing input, or when nothing has arrived.
  bool poll_input();
  /// The socket poll_input reads (-1 under TLS or while not connected).
  int input_fd();

  /// One thread's polling of this connection's input, from its first poll to
  /// its end. While any thread polls, input smaller than kPollingLowWater
  /// raises no readiness on the socket (its receive low-water mark,
  /// SO_RCVLOWAT), so the I/O thread is not woken for what the poller reads
  /// anyway; those wake-ups took a fifth of a polling requester's CPU. The
  /// last poller to stop lowers the mark again, and the kernel then signals
  /// whatever has arrived meanwhile to the I/O thread: nothing waits unread.
  class Polling {
   public:
    explicit Polling(ConnectionImpl* connection) : connection_(connection) {}
    ~Polling();
    Polling(const Polling&) = delete;
    Polling& operator=(const Polling&) = delete;
    /// poll_input, after raising the mark on the first call that can.
    bool poll();

   private:
    ConnectionImpl* connection_;
    bool raised_ = false;
  };
  static constexpr int kPollingLowWater = 16 * 1024;  // kept small: a larger mark grows the receive buffer
  /// poll_input on every connection of the process that can be polled.
  static void poll_all_inputs();

 private:
  bool start_polling_quietly();
  void stop_polling_quietly();

 public:

  /// Waits for what a reply of this connection completes: polls it (reading
  /// the socket, see poll_input) within the request spin budget, then sleeps.
  template <typename T>
  void await_reply(std::future<T>& reply, Duration timeout) {
    const auto started = std::chrono::steady_clock::now();
    {
      Polling polling(this);  // ends before the sleep below: the I/O thread must be woken then
      request_spin_.spin(started, deadline_after(started, timeout), [&] {
        polling.poll();
        return reply.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
      });
    }
    reply.wait();
    request_spin_.waited(started);
  }

 private:
  enum class State { connecting, connected, reconnecting, draining, closed };
  struct PendingOp {
    ReplyCallback on_reply;  // requests
    DoneCallback on_done;    // flushes
    std::chrono::steady_clock::time_point deadline;
  };
  using Deferred = std::function<void()>;

  // I/O thread.
  boost::asio::awaitable<void> run();
  boost::asio::awaitable<void> connect_to(const ServerUrl& url);
  boost::asio::awaitable<void> read_until_info();
  void open_input();  // the socket becomes pollable (input_fd, poll_input) and is read from here on
  boost::asio::awaitable<void> read_loop();
  boost::asio::awaitable<void> ping_loop(uint64_t generation);
  void process_input();  // read_mu_ held
  /// One non-blocking read of the plain TCP socket fd, parsed at once (read_mu_ held).
  enum class ReadResult { data, nothing, end_of_file, failed };
  ReadResult read_once_locked(int fd, int& error);  // error: errno when failed
  /// Pollers stop before the socket's descriptor is closed (and may be reused).
  void stop_polling();
  /// The I/O thread, or a thread parsing this connection's input: either must not
  /// wait for the I/O thread, which may itself be waiting to read.
  bool on_io_role() const;
  void start_write();
  void on_written(boost::system::error_code ec, uint64_t generation);
  void arm_deadline_timer();
  void expire_deadlines();
  void shutdown_on_io_thread();
  void act_on_seen();
  void resubscribe_locked(std::string& frames);
  void emit(Event e, const std::string& detail);

  // ParserHandler, called by process_input with subs_mu_ held.
  void on_msg(const protocol::MsgView& msg) override;
  void on_info(std::string_view json) override;
  void on_ping() override;
  void on_pong() override;
  void on_ok() override {}
  void on_err(std::string_view text) override;

  // With mu_ held.
  void append_locked(std::size_t size);  // throws when the frame cannot be accepted
  void kick_writer_locked();
  /// Requests, replies and flushes skip the hop to the I/O thread: when no write
  /// is in flight they go to the socket from the calling thread at once.
  void write_now_locked();
  /// Plain publishes below a full buffer: the I/O thread flushes them shortly,
  /// once per burst, so a busy publisher is not trailed by a busy writer thread.
  void schedule_tail_flush_locked();
  void arm_tail_flush(std::chrono::steady_clock::time_point due, std::chrono::steady_clock::duration patience);  // I/O thread
  /// A plain publish that filled kDirectWriteThreshold: the publisher sends it,
  /// waiting (boundedly) for room in the socket.
  void write_full_buffer_locked();
  bool is_reply_subject(std::string_view subject) const;
  void release_idle_buffers_locked();
  uint64_t send_ping_locked(uint64_t op_id);
  void ensure_response_sub_locked();

  std::string build_connect_json(const ServerUrl& url);
  void apply_info(std::string_view json, bool initial);
  void complete_op(uint64_t id, Message* reply, std::exception_ptr error);
  void erase_deadline_locked(std::chrono::steady_clock::time_point deadline, uint64_t id);  // ops_mu_ held
  void fail_all_ops(std::exception_ptr error);
  void end_all_subscriptions();

  const Options opts_;
  boost::asio::io_context io_{1};
  std::thread io_thread_;
  std::thread::id io_thread_id_;
  std::shared_ptr<boost::asio::ssl::context> tls_ctx_;
  bool system_trust_loaded_ = false;  // I/O thread
  std::shared_ptr<Transport> transport_;  // I/O thread
  boost::asio::steady_timer deadline_timer_{io_};
  std::chrono::steady_clock::time_point armed_deadline_ = std::chrono::steady_clock::time_point::max();
  std::promise<void> first_connect_;
  bool first_connect_done_ = false;

  // Parsing state, guarded by read_mu_: held by the I/O thread while it reads or
  // parses, and tried by pollers. Whoever holds it never waits for the I/O thread.
  std::mutex read_mu_;
  int poll_fd_ = -1;            // the plain TCP socket pollers may read; -1 under TLS or when down
  int pollers_ = 0;             // threads within a Polling that raised the socket's low-water mark
  std::string poll_failure_;    // why a poller's parse gave up on the connection
  std::vector<char> read_buf_;
  std::size_t read_len_ = 0;
  // What the parser saw; acted on after parsing, when no lock is held.
  struct Seen {
    int pings = 0;
    int pongs = 0;
    std::vector<std::string> infos;
    std::vector<std::string> errors;
    std::vector<std::shared_ptr<SubscriptionState>> ready;  // queues that turned non-empty
    std::vector<std::pair<ReplyCallback, Message>> replies;  // requests answered
    std::vector<Deferred> deferred;                         // other completions and events
  } seen_;
  bool in_handshake_ = false;
  bool handshake_pong_ = false;
  bool got_info_ = false;
  std::string handshake_error_;
  std::string last_server_error_;

  // Guarded by mu_: state, output, PING bookkeeping, server info and pool.
  mutable std::mutex mu_;
  std::condition_variable write_cv_;
  State state_ = State::connecting;
  std::string out_buf_;
  std::string writing_;  // owned by the I/O thread while write_in_flight_
  bool write_in_flight_ = false;
  bool write_posted_ = false;
  bool tail_flush_armed_ = false;
  std::chrono::steady_clock::time_point pending_since_;  // when out_buf_ last stopped being empty
  std::chrono::steady_clock::time_point last_full_write_;  // when a publisher last wrote a full buffer itself
  int socket_waiters_ = 0;  // publishers waiting for the I/O thread's write to end, to write themselves
  boost::asio::steady_timer tail_flush_timer_{io_};
  int direct_fd_ = -1;             // the plain TCP socket while connected; -1 under TLS or when down
  uint64_t generation_ = 0;       // bumps with each transport, so stale completions are ignored
  std::deque<uint64_t> pong_ids_;  // one entry per PING on the wire, 0 for keepalive
  int pings_out_ = 0;
  ServerInfo info_;
  std::unique_ptr<ServerPool> pool_;
  std::optional<ServerUrl> current_url_;

  // Guarded by subs_mu_.
  mutable std::mutex subs_mu_;
  std::unordered_map<uint64_t, std::shared_ptr<SubscriptionState>> subs_;
  uint64_t next_sid_ = 1;
  uint64_t resp_sid_ = 0;
  std::string resp_prefix_;  // "<inbox>.<nuid>."

  // Guarded by ops_mu_: pending requests and flushes with their deadlines.
  mutable std::mutex ops_mu_;
  std::unordered_map<uint64_t, PendingOp> ops_;
  std::multimap<std::chrono::steady_clock::time_point, uint64_t> deadlines_;
  uint64_t next_op_id_ = 1;

  std::atomic<int64_t> max_payload_{1024 * 1024};
  std::atomic<uint64_t> in_msgs_{0}, in_bytes_{0}, reconnects_{0};
  uint64_t out_msgs_ = 0, out_bytes_ = 0;  // guarded by mu_, which publish holds anyway
  std::string last_valid_subject_;         // guarded by mu_
  Dispatcher dispatcher_;
  AdaptiveSpin request_spin_{opts_.request_spin};
};

}  // namespace nervure::detail
