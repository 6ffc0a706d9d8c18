#include "connection_impl.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <charconv>
#include <utility>
#include <cstring>
#include <nlohmann/json.hpp>

#include "auth/creds.hpp"
#include "auth/nkeys.hpp"
#include "input_pass.hpp"
#include "nervure/version.hpp"
#include "nuid.hpp"
#include "protocol/encoder.hpp"
#include "protocol/headers_codec.hpp"
#include "protocol/validation.hpp"

namespace nervure::detail {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using steady = std::chrono::steady_clock;
using json = nlohmann::json;

namespace {
constexpr std::size_t kInitialReadBuffer = 64 * 1024;
// While connected, publishers wait once this much is queued: memory stays bounded
// when the network is slower than the producer, and the buffers stay in cache
// (at 32 MB, 128-byte publishing ran 7% behind the C client; at 1 MB it is level).
constexpr std::size_t kMaxOutBuffer = 1024 * 1024;
constexpr auto kCloseFlushWait = std::chrono::seconds(5);
constexpr std::size_t kDirectWriteThreshold = 64 * 1024;
// How long a publisher that filled kDirectWriteThreshold waits for any room in
// the socket before it leaves the rest to the I/O thread (a server that stopped
// reading is the pings' to find, not the publisher's).
constexpr int kPublisherWriteWaitMs = 20;
// How much written data may wait in the socket unsent (TCP_NOTSENT_LOWAT). By
// default a bulk publisher filled the socket's whole send buffer (4 MB): the
// data then waited for the server's receive window, and went out from the
// server's own thread as its reads opened that window, and the server's
// receive buffer stayed small. Keeping at most this much unsent moved that
// work back to the publisher: the server spent 175 rather than 186 ns per
// 128-byte message, and one connection published 5.7-5.8M rather than
// 5.3-5.4M msgs/s (libnats 5.3-5.5M), 7.3M rather than 7.1M at 16 bytes.
constexpr int kUnsentLowWater = 64 * 1024;
// Write buffers larger than this are given back when the connection is quiet.
constexpr std::size_t kKeptBuffer = 1024 * 1024;
// How long a plain publish may wait for company before the I/O thread sends it.
// Requests, replies and flushes never wait.
constexpr auto kTailFlushDelay = std::chrono::microseconds(100);
// While a publisher keeps writing its own full buffers, the tail flush looks
// at most this far apart (its look-ups back off from kTailFlushDelay) and lets
// what is queued wait this long: the last publishes of a burst may wait this
// long unless the caller flushes. Sending them after kTailFlushDelay instead
// cut a binding's bulk publishing into small writes whenever its publisher
// was descheduled or between calls (Go: 21,000 extra writes and 45,000 futex
// calls per 5 million messages).
constexpr auto kTailFlushPatience = std::chrono::milliseconds(1);

void limit_unsent_output(int fd) {
  // A kernel without the option leaves the default: only the throughput above differs.
  (void)::setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &kUnsentLowWater, sizeof kUnsentLowWater);
}

std::exception_ptr make_error(ErrorCode code, const std::string& text) {
  return std::make_exception_ptr(Error(code, text));
}

// The connection whose input this thread is parsing, if any: its callbacks act
// in the I/O thread's role (they must not wait for it) and do not poll.
thread_local const ConnectionImpl* reading_now = nullptr;

// Connections whose socket a waiter may read (poll_fd_ set), for waiters that
// do not know which connection their completion comes from.
std::mutex pollable_mu;
std::vector<std::pair<const ConnectionImpl*, std::weak_ptr<ConnectionImpl>>> pollable;

void forget_pollable(const ConnectionImpl* c) {
  std::lock_guard lock(pollable_mu);
  // No lock() here: a last reference released under pollable_mu would close its
  // connection, which comes back here.
  std::erase_if(pollable, [&](const auto& p) { return p.first == c || p.second.expired(); });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

ConnectionImpl::ConnectionImpl(Options options) : opts_(std::move(options)) {
  pool_ = std::make_unique<ServerPool>(opts_.servers, opts_.randomize);
  if (opts_.inbox_prefix.empty()) throw Error(ErrorCode::invalid_argument, "inbox_prefix must not be empty");
  protocol::validate_subscribe_subject(opts_.inbox_prefix + ".x");
  int credentials = !opts_.token.empty() + !opts_.nkey_seed.empty() + !opts_.creds_file.empty() +
                    (!opts_.user.empty() || !opts_.password.empty());
  if (credentials > 1)
    throw Error(ErrorCode::invalid_argument, "give at most one of token, user/password, nkey_seed and creds_file");
  if (!opts_.creds_file.empty()) {
    auto creds = auth::read_creds_file(opts_.creds_file);  // a bad file fails here, not at the first attempt
    auth::wipe(creds.seed);
  }
  if (!opts_.nkey_seed.empty()) (void)auth::public_key_from_seed(opts_.nkey_seed);
  if (opts_.connect_timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "connect_timeout must be positive");
  if (opts_.request_spin.count() < 0) throw Error(ErrorCode::invalid_argument, "request_spin must not be negative");
  tls_ctx_ = make_tls_context(opts_.tls);
  read_buf_.resize(kInitialReadBuffer);
  resp_prefix_ = opts_.inbox_prefix + "." + next_nuid() + ".";
  dispatcher_.set_error_sink([this](const std::string& text) { emit(Event::async_error, text); });
  dispatcher_.set_input_poller([this] { poll_input(); });
}

ConnectionImpl::~ConnectionImpl() {
  close();
  if (io_thread_.joinable()) {
    if (io_thread_.get_id() == std::this_thread::get_id()) io_thread_.detach();
    else io_thread_.join();
  }
}

void ConnectionImpl::start() {
  auto connected = first_connect_.get_future();
  auto self = shared_from_this();
  // Whatever escapes the connection loop must still settle connect(). The
  // handler holds the connection weakly: close() stops the I/O context with the
  // handler still queued in it, and a strong reference there would keep the
  // connection (its socket, epoll and timer descriptors) alive forever.
  asio::co_spawn(io_, run(), [weak = std::weak_ptr<ConnectionImpl>(self)](std::exception_ptr error) {
    auto self = weak.lock();
    if (!error || !self) return;
    std::string what = "unexpected error in the connection loop";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    if (!self->first_connect_done_) {
      self->first_connect_done_ = true;
      self->first_connect_.set_exception(make_error(ErrorCode::nervure, what));
    } else {
      self->emit(Event::async_error, what);
      std::thread([self] { self->close(); }).detach();
    }
  });
  io_thread_ = std::thread([self] {
    self->io_thread_id_ = std::this_thread::get_id();
    for (;;) {
      try {
        self->io_.run();
        break;
      } catch (const std::exception& e) {
        // A bug must not take the process down: report it and keep serving.
        self->emit(Event::async_error, std::string("internal error on the I/O thread: ") + e.what());
      }
    }
  });
  try {
    connected.get();
  } catch (...) {
    close();
    throw;
  }
}

// ---------------------------------------------------------------------------
// Connecting, reconnecting, reading
// ---------------------------------------------------------------------------

awaitable<void> ConnectionImpl::run() {
  std::string last_error;
  bool ever_connected = false;
  for (;;) {
    if (is_closed()) co_return;
    std::optional<ServerUrl> url;
    std::chrono::milliseconds wait{0};
    {
      std::lock_guard lock(mu_);
      // Before the first success every server gets one try; after it, the reconnect budget.
      int budget = ever_connected ? opts_.reconnect.max_attempts : 0;
      url = pool_->next(budget);
      if (url && ever_connected) wait = pool_->backoff(opts_.reconnect, url->tls() || opts_.tls.enabled);
    }
    if (!url) {
      std::string err = last_error.empty() ? "no server available" : last_error;
      if (!ever_connected) {
        ErrorCode code = lower(err).find("authorization") != std::string::npos ? ErrorCode::authorization
                                                                               : ErrorCode::nervure;
        first_connect_done_ = true;
        first_connect_.set_exception(make_error(code, "could not connect: " + err));
      } else {
        emit(Event::async_error, "reconnect gave up: " + err);
        close();
      }
      co_return;
    }
    if (wait.count() > 0) {
      asio::steady_timer t(io_, wait);
      boost::system::error_code ec;
      co_await t.async_wait(asio::redirect_error(use_awaitable, ec));
      if (is_closed()) co_return;
    }

    try {
      co_await connect_to(*url);
    } catch (const std::exception& e) {
      last_error = url->display() + ": " + e.what();
      if (transport_) transport_->close();
      std::lock_guard lock(mu_);
      pool_->mark_failed(*url);
      continue;
    }

    open_input();  // before connect() returns: its caller may poll the socket at once (input_fd)
    if (!ever_connected) {
      ever_connected = true;
      first_connect_done_ = true;
      emit(Event::connected, url->display());  // before connect() returns, so callers see it
      first_connect_.set_value();
    } else {
      reconnects_.fetch_add(1);
      emit(Event::reconnected, url->display());
    }

    std::string reason;
    try {
      co_await read_loop();
    } catch (const protocol::ProtocolError& e) {
      reason = std::string("protocol error: ") + e.what();
    } catch (const boost::system::system_error& e) {
      reason = e.code() == asio::error::eof ? "connection closed by the server" : e.code().message();
    } catch (const std::exception& e) {
      reason = e.what();
    }
    {
      std::lock_guard lock(mu_);
      direct_fd_ = -1;
    }
    stop_polling();
    {
      std::lock_guard lock(read_mu_);
      if (!poll_failure_.empty()) reason = std::exchange(poll_failure_, std::string());
    }
    if (!last_server_error_.empty()) reason += " (server said: " + last_server_error_ + ")";
    transport_->close();
    bool closing;
    {
      std::lock_guard lock(mu_);
      closing = state_ == State::closed;
      if (!closing) {
        state_ = State::reconnecting;
        ++generation_;
        // Bytes handed to the dead socket are lost; what was queued after them waits.
        writing_.clear();
        write_in_flight_ = false;
        write_posted_ = false;
        pong_ids_.clear();
        pings_out_ = 0;
        pool_->demote(*url);
      }
      write_cv_.notify_all();
    }
    if (closing) co_return;
    emit(Event::disconnected, url->display() + ": " + reason);
    if (!opts_.reconnect.enabled) {
      close();
      co_return;
    }
    last_error = url->display() + ": " + reason;
  }
}

awaitable<void> ConnectionImpl::connect_to(const ServerUrl& url) {
  auto transport = std::make_shared<Transport>(io_, *tls_ctx_);
  transport_ = transport;
  read_len_ = 0;
  got_info_ = false;
  handshake_pong_ = false;
  handshake_error_.clear();
  last_server_error_.clear();
  in_handshake_ = true;
  struct HandshakeFlag {
    bool& flag;
    ~HandshakeFlag() { flag = false; }
  } handshake_flag{in_handshake_};

  // One deadline for the whole handshake: when it passes the socket is closed,
  // which fails whichever step is waiting.
  auto timed_out = std::make_shared<bool>(false);
  auto finished = std::make_shared<bool>(false);  // a guard that expired as the handshake ended stays out
  auto guard = std::make_shared<asio::steady_timer>(io_, opts_.connect_timeout);
  guard->async_wait([transport, timed_out, finished](boost::system::error_code ec) {
    if (!ec && !*finished) {
      *timed_out = true;
      transport->close();
    }
  });
  struct CancelOnExit {
    std::shared_ptr<asio::steady_timer> t;
    std::shared_ptr<bool> finished;
    ~CancelOnExit() {
      *finished = true;
      t->cancel();
    }
  } cancel_on_exit{guard, finished};

  try {
    tcp::resolver resolver(io_);
    auto endpoints = co_await resolver.async_resolve(url.host, std::to_string(url.port), use_awaitable);
    co_await asio::async_connect(transport->socket(), endpoints, use_awaitable);
    transport->socket().set_option(tcp::no_delay(true));
    limit_unsent_output(transport->socket().native_handle());

    const bool tls_wanted = url.tls() || opts_.tls.enabled || opts_.tls.handshake_first;
    auto trust = [&] {
      if (opts_.tls.ca_file.empty() && !system_trust_loaded_) {
        use_system_trust_store(*tls_ctx_);
        system_trust_loaded_ = true;
      }
    };
    if (opts_.tls.handshake_first) {
      trust();
      co_await transport->start_tls(url.host, opts_.tls);
    }
    co_await read_until_info();
    if (!transport->tls_active() && (tls_wanted || server_info().tls_required)) {
      trust();
      co_await transport->start_tls(url.host, opts_.tls);
    }

    std::string hello;
    protocol::encode_connect(hello, build_connect_json(url));
    hello.append(protocol::ping_frame);
    co_await transport->write_all(asio::buffer(hello));
    auth::wipe(hello);

    // The PONG to our PING says we are in; an -ERR (bad credentials) says why not.
    while (!handshake_pong_ && handshake_error_.empty()) {
      if (read_len_ == read_buf_.size()) read_buf_.resize(read_buf_.size() * 2);
      std::size_t n = co_await transport->read_some(asio::buffer(read_buf_.data() + read_len_, read_buf_.size() - read_len_));
      std::lock_guard lock(read_mu_);
      read_len_ += n;
      process_input();
    }
  } catch (const boost::system::system_error& e) {
    // The server often closes right after an -ERR; the -ERR is the better reason.
    if (handshake_error_.empty()) {
      if (*timed_out)
        throw Error(ErrorCode::timeout,
                    "connect timed out after " + std::to_string(opts_.connect_timeout.count()) + " ms");
      throw Error(ErrorCode::nervure, e.code().message());
    }
  }
  if (!handshake_error_.empty()) {
    const std::string text = lower(handshake_error_);
    ErrorCode code = text.find("authorization") != std::string::npos ||
                             text.find("authentication") != std::string::npos ||
                             text.find("user authentication") != std::string::npos
                         ? ErrorCode::authorization
                         : ErrorCode::nervure;
    throw Error(code, "server refused the connection: " + handshake_error_);
  }

  // In: resubscribe ahead of whatever was buffered while away, then open the writer.
  uint64_t generation;
  {
    std::lock_guard lock(mu_);
    std::string frames;
    resubscribe_locked(frames);
    out_buf_.insert(0, frames);
    state_ = State::connected;
    generation = ++generation_;
    pings_out_ = 0;
    pong_ids_.clear();
    current_url_ = url;
    direct_fd_ = transport->tls_active() ? -1 : transport->socket().native_handle();
    pool_->mark_connected(url);
    {
      // Flushes that were waiting across the outage need a PING of their own.
      std::lock_guard ops_lock(ops_mu_);
      for (auto& [id, op] : ops_)
        if (op.on_done) send_ping_locked(id);
    }
    kick_writer_locked();
  }
  asio::co_spawn(io_, ping_loop(generation), asio::detached);
}

awaitable<void> ConnectionImpl::read_until_info() {
  while (!got_info_) {
    if (read_len_ == read_buf_.size()) {
      if (read_buf_.size() >= protocol::max_control_line * 2) throw Error(ErrorCode::nervure, "no INFO from server");
      read_buf_.resize(read_buf_.size() * 2);
    }
    std::size_t n = co_await transport_->read_some(asio::buffer(read_buf_.data() + read_len_, read_buf_.size() - read_len_));
    std::lock_guard lock(read_mu_);
    read_len_ += n;
    process_input();
  }
}

void ConnectionImpl::open_input() {
  const int fd = transport_->tls_active() ? -1 : transport_->socket().native_handle();
  {
    std::lock_guard lock(read_mu_);
    poll_fd_ = fd;
  }
  if (fd >= 0) {
    std::lock_guard lock(pollable_mu);
    pollable.emplace_back(this, weak_from_this());
  }
}

awaitable<void> ConnectionImpl::read_loop() {
  auto transport = transport_;
  const int fd = transport->tls_active() ? -1 : transport->socket().native_handle();
  {
    // What the handshake read past its PONG. A poller that read meanwhile
    // parsed it already, ahead of its own input: the buffer is one.
    std::lock_guard lock(read_mu_);
    if (read_len_ > 0) process_input();
  }
  if (fd < 0) {
    // TLS: OpenSSL's state belongs to this thread alone, so nobody polls.
    for (;;) {
      if (read_len_ == read_buf_.size()) read_buf_.resize(read_buf_.size() * 2);
      std::size_t n = co_await transport->read_some(asio::buffer(read_buf_.data() + read_len_, read_buf_.size() - read_len_));
      std::lock_guard lock(read_mu_);
      read_len_ += n;
      process_input();
    }
  }
  // Plain TCP: wake when input is there, then read it under read_mu_ like any
  // poller. What a poller took meanwhile leaves nothing here: the read finds
  // the socket empty and the wait starts again.
  for (;;) {
    co_await transport->wait_readable();
    std::lock_guard lock(read_mu_);
    int error = 0;
    switch (read_once_locked(fd, error)) {
      case ReadResult::end_of_file: throw boost::system::system_error(asio::error::eof);
      case ReadResult::failed: throw boost::system::system_error(error, boost::system::system_category());
      default: break;
    }
  }
}

ConnectionImpl::ReadResult ConnectionImpl::read_once_locked(int fd, int& error) {
  if (read_len_ == read_buf_.size()) read_buf_.resize(read_buf_.size() * 2);
  const ssize_t n = ::recv(fd, read_buf_.data() + read_len_, read_buf_.size() - read_len_, MSG_DONTWAIT);
  if (n > 0) {
    read_len_ += static_cast<std::size_t>(n);
    process_input();
    return ReadResult::data;
  }
  if (n == 0) return ReadResult::end_of_file;
  if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return ReadResult::nothing;
  error = errno;
  return ReadResult::failed;
}

bool ConnectionImpl::poll_input() {
  if (reading_now) return false;  // a callback of a parse in progress: the input is being read already
  std::unique_lock lock(read_mu_, std::try_to_lock);
  if (!lock.owns_lock() || poll_fd_ < 0) return false;
  const int fd = poll_fd_;
  int error = 0;
  std::string failure;
  try {
    return read_once_locked(fd, error) == ReadResult::data;  // end of file and errors: the I/O thread sees them too
  } catch (const protocol::ProtocolError& e) {
    failure = std::string("protocol error: ") + e.what();
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "unexpected error while reading";
  }
  // What the I/O thread does with such an error: give the connection up and
  // reconnect. The shutdown wakes it; the descriptor stays open until it closes it.
  poll_failure_ = std::move(failure);
  poll_fd_ = -1;
  ::shutdown(fd, SHUT_RDWR);
  return false;
}

namespace {
void set_receive_low_water(int fd, int bytes) { ::setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes); }
}  // namespace

bool ConnectionImpl::start_polling_quietly() {
  if (reading_now) return false;  // a callback of a parse in progress polls nothing
  std::unique_lock lock(read_mu_, std::try_to_lock);
  if (!lock.owns_lock() || poll_fd_ < 0) return false;
  if (pollers_++ == 0) set_receive_low_water(poll_fd_, kPollingLowWater);
  return true;
}

void ConnectionImpl::stop_polling_quietly() {
  std::unique_lock lock(read_mu_, std::defer_lock);
  if (reading_now != this) lock.lock();  // else read_mu_ is this thread's already
  // After a reconnect the mark is the new socket's default already; lowering it is harmless.
  if (--pollers_ == 0 && poll_fd_ >= 0) set_receive_low_water(poll_fd_, 1);
}

ConnectionImpl::Polling::~Polling() {
  if (raised_) connection_->stop_polling_quietly();
}

bool ConnectionImpl::Polling::poll() {
  if (!connection_) return false;
  if (!raised_) raised_ = connection_->start_polling_quietly();
  return connection_->poll_input();
}

int ConnectionImpl::input_fd() {
  if (reading_now == this) return poll_fd_;  // read_mu_ is this thread's already
  std::lock_guard lock(read_mu_);
  return poll_fd_;
}

void ConnectionImpl::poll_all_inputs() {
  if (reading_now) return;  // a callback of a parse in progress
  thread_local std::vector<std::shared_ptr<ConnectionImpl>> targets;
  {
    std::lock_guard lock(pollable_mu);
    for (const auto& [raw, weak] : pollable)
      if (auto p = weak.lock()) targets.push_back(std::move(p));
  }
  for (const auto& c : targets) c->poll_input();
  targets.clear();  // outside the lock: a last reference may close a connection
}

void ConnectionImpl::stop_polling() {
  forget_pollable(this);
  if (reading_now == this) {  // read_mu_ is this thread's already
    poll_fd_ = -1;
    return;
  }
  std::lock_guard lock(read_mu_);
  poll_fd_ = -1;
}

bool ConnectionImpl::on_io_role() const {
  return reading_now == this || std::this_thread::get_id() == io_thread_id_;
}

awaitable<void> ConnectionImpl::ping_loop(uint64_t generation) {
  asio::steady_timer timer(io_);
  for (;;) {
    timer.expires_after(opts_.ping_interval);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
    bool stale = false;
    {
      std::lock_guard lock(mu_);
      if (ec || generation != generation_ || state_ == State::closed) co_return;
      if (state_ != State::connected && state_ != State::draining) co_return;
      if (pings_out_ >= opts_.max_pings_out) stale = true;
      else {
        release_idle_buffers_locked();
        ++pings_out_;
        send_ping_locked(0);
      }
    }
    if (stale) {
      emit(Event::async_error, "stale connection: " + std::to_string(opts_.max_pings_out) + " PINGs unanswered");
      if (transport_) transport_->shut_down();  // the read loop fails and the reconnect logic takes over
      co_return;
    }
  }
}

void ConnectionImpl::process_input() {
  struct Reading {
    const ConnectionImpl* outer = reading_now;
    explicit Reading(const ConnectionImpl* c) { reading_now = c; }
    ~Reading() { reading_now = outer; }
  } reading{this};
  InputPass pass;  // work deferred to the end of this input (a binding's wake-up for its completions)
  {
    std::lock_guard lock(subs_mu_);
    auto result = protocol::parse(std::string_view(read_buf_.data(), read_len_), *this);
    if (result.consumed > 0) {
      std::memmove(read_buf_.data(), read_buf_.data() + result.consumed, read_len_ - result.consumed);
      read_len_ -= result.consumed;
    }
    if (result.needed > read_buf_.size()) read_buf_.resize(result.needed);
  }
  act_on_seen();
}

void ConnectionImpl::act_on_seen() {
  Seen seen;
  std::swap(seen, seen_);
  for (auto& info : seen.infos) apply_info(info, in_handshake_);
  if (in_handshake_) {
    if (!seen.infos.empty()) got_info_ = true;
    if (seen.pongs > 0) handshake_pong_ = true;
    if (!seen.errors.empty()) handshake_error_ = seen.errors.front();
  }
  if (seen.pings > 0 || (!in_handshake_ && seen.pongs > 0)) {
    std::vector<uint64_t> done;
    {
      std::lock_guard lock(mu_);
      for (int i = 0; i < seen.pings; ++i) out_buf_.append(protocol::pong_frame);
      if (seen.pings > 0) kick_writer_locked();
      if (!in_handshake_) {
        for (int i = 0; i < seen.pongs; ++i) {
          pings_out_ = 0;
          if (pong_ids_.empty()) break;
          if (pong_ids_.front() != 0) done.push_back(pong_ids_.front());
          pong_ids_.pop_front();
        }
      }
    }
    for (uint64_t id : done) complete_op(id, nullptr, nullptr);
  }
  if (!in_handshake_) {
    for (auto& err : seen.errors) {
      last_server_error_ = err;
      emit(Event::async_error, "server error: " + err);
    }
  }
  for (auto& sub : seen.ready) sub->notify();
  for (auto& [cb, reply] : seen.replies) cb(std::move(reply), nullptr);
  for (auto& fn : seen.deferred) fn();
  // Keep the capacity: the next read's completions reuse it.
  seen.replies.clear();
  seen.deferred.clear();
  if (seen_.replies.empty()) std::swap(seen.replies, seen_.replies);
  if (seen_.deferred.empty()) std::swap(seen.deferred, seen_.deferred);
}

// ---------------------------------------------------------------------------
// Parser callbacks (subs_mu_ held): record, act later
// ---------------------------------------------------------------------------

void ConnectionImpl::on_msg(const protocol::MsgView& v) {
  // The I/O thread alone writes these: a plain store, not a locked read-modify-write.
  in_msgs_.store(in_msgs_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  in_bytes_.store(in_bytes_.load(std::memory_order_relaxed) + v.payload.size(), std::memory_order_relaxed);

  // Constructed, not assigned: assign() takes the general replace path.
  Message m{.subject = std::string(v.subject), .reply = std::string(v.reply), .data = std::string(v.payload),
            .headers = {}, .sid = v.sid};
  if (v.has_headers) {
    m.has_headers = true;
    try {
      protocol::decode_headers(v.headers, m.headers);
    } catch (const protocol::ProtocolError& e) {
      seen_.deferred.push_back([this, why = std::string(e.what()), subj = m.subject] {
        emit(Event::async_error, "dropped a message on '" + subj + "' with malformed headers: " + why);
      });
      return;
    }
  }

  if (v.sid == resp_sid_ && resp_sid_ != 0) {
    std::string_view token = v.subject.substr(std::min(v.subject.size(), resp_prefix_.size()));
    uint64_t id = 0;
    auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), id);
    if (ec != std::errc() || p != token.data() + token.size()) return;  // not one of ours
    ReplyCallback cb;
    {
      std::lock_guard lock(ops_mu_);
      auto it = ops_.find(id);
      if (it == ops_.end()) return;  // timed out or cancelled already
      cb = std::move(it->second.on_reply);
      erase_deadline_locked(it->second.deadline, id);
      ops_.erase(it);
    }
    if (!cb) return;
    if (m.headers.status() == 503 && m.data.empty()) {
      std::string subject = m.subject;
      seen_.deferred.push_back([cb = std::move(cb)] {
        cb(Message{}, make_error(ErrorCode::no_responders, "no responders are listening on the request subject"));
      });
    } else {
      seen_.replies.emplace_back(std::move(cb), std::move(m));
    }
    return;
  }

  auto it = subs_.find(v.sid);
  if (it == subs_.end()) return;  // unsubscribed while in flight
  const std::shared_ptr<SubscriptionState>& sub = it->second;  // copied only when kept
  switch (sub->push(std::move(m))) {
    case SubscriptionState::Push::queued_first: seen_.ready.push_back(sub); break;
    case SubscriptionState::Push::dropped_first:
      seen_.deferred.push_back([this, sub] {
        emit(Event::slow_consumer, "subscription to '" + sub->subject + "' (sid " + std::to_string(sub->sid) +
                                       ") is a slow consumer: its pending limit was reached, messages are dropped");
      });
      break;
    default: break;
  }
  int64_t max = sub->max_msgs.load();
  if (max > 0 && sub->delivered() >= max) {
    seen_.deferred.push_back([sub = sub] { sub->end_arrivals(); });
    subs_.erase(it);
  }
}

void ConnectionImpl::on_info(std::string_view json_text) { seen_.infos.emplace_back(json_text); }
void ConnectionImpl::on_ping() { ++seen_.pings; }
void ConnectionImpl::on_pong() { ++seen_.pongs; }
void ConnectionImpl::on_err(std::string_view text) { seen_.errors.emplace_back(text); }

void ConnectionImpl::apply_info(std::string_view text, bool initial) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) throw protocol::ProtocolError("INFO is not valid JSON");
  bool discovered = false, lame_duck = false;
  {
    std::lock_guard lock(mu_);
    ServerInfo& i = info_;
    auto str = [&](const char* k, std::string& out) {
      if (auto it = j.find(k); it != j.end() && it->is_string()) out = it->get<std::string>();
    };
    auto boolean = [&](const char* k, bool& out) {
      if (auto it = j.find(k); it != j.end() && it->is_boolean()) out = it->get<bool>();
    };
    if (initial) i = ServerInfo{};
    str("server_id", i.server_id);
    str("server_name", i.server_name);
    str("version", i.version);
    str("host", i.host);
    str("cluster", i.cluster);
    str("domain", i.domain);
    str("nonce", i.nonce);
    str("client_ip", i.client_ip);
    if (auto it = j.find("port"); it != j.end() && it->is_number()) i.port = it->get<int>();
    if (auto it = j.find("proto"); it != j.end() && it->is_number()) i.proto = it->get<int>();
    if (auto it = j.find("client_id"); it != j.end() && it->is_number()) i.client_id = it->get<uint64_t>();
    if (auto it = j.find("max_payload"); it != j.end() && it->is_number()) {
      i.max_payload = it->get<int64_t>();
      max_payload_.store(i.max_payload);
    }
    boolean("headers", i.headers);
    boolean("jetstream", i.jetstream);
    boolean("tls_required", i.tls_required);
    boolean("auth_required", i.auth_required);
    bool ldm = false;
    boolean("ldm", ldm);
    lame_duck = ldm && !i.lame_duck_mode;
    i.lame_duck_mode = ldm;
    if (auto it = j.find("connect_urls"); it != j.end() && it->is_array()) {
      i.connect_urls.clear();
      for (auto& u : *it)
        if (u.is_string()) i.connect_urls.push_back(u.get<std::string>());
      if (!opts_.ignore_discovered_servers) discovered = pool_->add_discovered(i.connect_urls, opts_.randomize);
    }
    i.raw_json.assign(text);
  }
  if (initial) return;  // the handshake reports through its own result
  if (discovered) emit(Event::servers_discovered, "");
  if (lame_duck) {
    emit(Event::lame_duck, connected_url());
    // Move away before the server closes us, when there is somewhere to go.
    bool elsewhere;
    {
      std::lock_guard lock(mu_);
      elsewhere = pool_->size() > 1;
    }
    if (elsewhere && transport_) {
      auto transport = transport_;
      asio::post(io_, [transport] { transport->shut_down(); });
    }
  }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

void ConnectionImpl::kick_writer_locked() {
  if (state_ != State::connected && state_ != State::draining) return;
  if (write_in_flight_ || write_posted_ || out_buf_.empty()) return;
  write_posted_ = true;
  asio::post(io_, [this] { start_write(); });
}

void ConnectionImpl::write_now_locked() {
  if (direct_fd_ >= 0 && !write_in_flight_ && !write_posted_ && !out_buf_.empty() &&
      std::this_thread::get_id() != io_thread_id_) {
    std::size_t sent = 0;
    while (sent < out_buf_.size()) {
      ssize_t n = ::send(direct_fd_, out_buf_.data() + sent, out_buf_.size() - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n <= 0) break;  // full socket or an error: the rest is the writer's, a dead socket the reader's
      sent += static_cast<std::size_t>(n);
    }
    out_buf_.erase(0, sent);
  }
  kick_writer_locked();
}

void ConnectionImpl::write_full_buffer_locked() {
  if (direct_fd_ < 0 || on_io_role()) {
    kick_writer_locked();  // TLS, or a thread that reads the socket (must not wait on it): the writer takes it
    return;
  }
  if (write_in_flight_ || write_posted_) {
    // The I/O thread has the socket (a tail flush or a request took it). Wait
    // for its write to end, which then hands the socket back (on_written),
    // rather than feed it: a writer that is fed keeps the socket for good.
    std::unique_lock lock(mu_, std::adopt_lock);
    ++socket_waiters_;
    write_cv_.wait(lock, [&] {
      return (!write_in_flight_ && !write_posted_) || (state_ != State::connected && state_ != State::draining);
    });
    --socket_waiters_;
    lock.release();
    if (direct_fd_ < 0 || write_in_flight_ || write_posted_) {
      kick_writer_locked();
      return;
    }
  }
  last_full_write_ = steady::now();
  // The publisher writes and waits for room itself, as libnats does: a bulk
  // publisher then keeps to one thread and leaves the other CPU to the server.
  // Handing a full socket to the I/O thread ran both client threads at once,
  // and on two CPUs one of them took the server's.
  std::size_t sent = 0;
  while (sent < out_buf_.size()) {
    ssize_t n = ::send(direct_fd_, out_buf_.data() + sent, out_buf_.size() - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) break;
    pollfd room{.fd = direct_fd_, .events = POLLOUT, .revents = 0};
    if (::poll(&room, 1, kPublisherWriteWaitMs) <= 0 || (room.revents & POLLOUT) == 0) break;
  }
  out_buf_.erase(0, sent);
  kick_writer_locked();  // what a stalled socket did not take is the writer's; a dead one is the reader's to find
}

void ConnectionImpl::schedule_tail_flush_locked() {
  if (direct_fd_ < 0 || std::this_thread::get_id() == io_thread_id_) {
    kick_writer_locked();  // TLS, or already on the I/O thread: the writer takes it from here
    return;
  }
  if (tail_flush_armed_ || write_in_flight_ || write_posted_) return;  // something will pick it up
  tail_flush_armed_ = true;
  asio::post(io_, [this, due = pending_since_ + kTailFlushDelay] { arm_tail_flush(due, kTailFlushDelay); });
}

void ConnectionImpl::arm_tail_flush(steady::time_point due, steady::duration patience) {
  tail_flush_timer_.expires_at(due);
  tail_flush_timer_.async_wait([this, patience](boost::system::error_code ec) {
    std::unique_lock lock(mu_, std::try_to_lock);
    const auto now = steady::now();
    const auto longer = std::min<steady::duration>(patience * 2, kTailFlushPatience);
    // A publisher at work (it holds the lock, or it emptied the buffer itself
    // lately, or what waits is younger than the delay) flushes its own bulk:
    // look again later, less often the longer it goes on, rather than take
    // the socket from it mid-burst or wake it up (futex) for the lock.
    if (!ec && !lock.owns_lock()) return arm_tail_flush(now + patience, longer);
    if (!lock.owns_lock()) lock.lock();
    const bool busy = write_in_flight_ || write_posted_;
    const bool bulk = now < last_full_write_ + kTailFlushPatience;
    const auto due = pending_since_ + (out_buf_.empty() ? patience : bulk ? kTailFlushPatience : kTailFlushDelay);
    if (!ec && !busy && now < due) return arm_tail_flush(std::min(now + patience, due), longer);
    tail_flush_armed_ = false;
    if (!ec) kick_writer_locked();
  });
}

bool ConnectionImpl::is_reply_subject(std::string_view subject) const {
  auto under = [&](std::string_view prefix) {
    return subject.size() > prefix.size() && subject.compare(0, prefix.size(), prefix) == 0 &&
           subject[prefix.size()] == '.';
  };
  return under("_INBOX") || under(opts_.inbox_prefix);
}

void ConnectionImpl::start_write() {
  std::unique_lock lock(mu_);
  write_posted_ = false;
  if (write_in_flight_ || out_buf_.empty() || (state_ != State::connected && state_ != State::draining)) {
    if (socket_waiters_ > 0) write_cv_.notify_all();  // the socket is free again (write_full_buffer_locked)
    return;
  }
  writing_.swap(out_buf_);
  write_in_flight_ = true;
  const uint64_t generation = generation_;
  auto transport = transport_;
  lock.unlock();
  write_cv_.notify_all();
  transport->async_write(asio::buffer(writing_), [this, generation, transport](boost::system::error_code ec,
                                                                                std::size_t) {
    on_written(ec, generation);
  });
}

void ConnectionImpl::on_written(boost::system::error_code ec, uint64_t generation) {
  std::unique_lock lock(mu_);
  if (generation != generation_) return;  // a write to a transport that has since been replaced
  write_in_flight_ = false;
  // Keep the capacity: the two buffers take turns, and giving memory back here
  // made every burst fault its pages in again (a third of a publisher's time).
  // The keepalive tick returns it once the connection is quiet.
  writing_.clear();
  if (ec) {
    lock.unlock();
    if (transport_) transport_->shut_down();  // the read loop notices and reconnects
    return;
  }
  if (!out_buf_.empty() && socket_waiters_ == 0 && (state_ == State::connected || state_ == State::draining)) {
    lock.unlock();
    start_write();
    return;
  }
  write_cv_.notify_all();  // a publisher waiting for the socket (socket_waiters_) writes what is queued
}

void ConnectionImpl::release_idle_buffers_locked() {
  if (!write_in_flight_ && !write_posted_ && writing_.capacity() > kKeptBuffer) std::string().swap(writing_);
  if (out_buf_.empty() && out_buf_.capacity() > kKeptBuffer) std::string().swap(out_buf_);
}

uint64_t ConnectionImpl::send_ping_locked(uint64_t op_id) {
  out_buf_.append(protocol::ping_frame);
  pong_ids_.push_back(op_id);
  write_now_locked();
  return op_id;
}

void ConnectionImpl::append_locked(std::size_t size) {
  if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
  if (state_ == State::connected || state_ == State::draining) {
    if (out_buf_.size() > kMaxOutBuffer && !on_io_role()) {
      // Wait for the writer, not forever: a stuck socket is found by the pings.
      std::unique_lock lock(mu_, std::adopt_lock);
      write_cv_.wait(lock, [&] {
        return out_buf_.size() <= kMaxOutBuffer || (state_ != State::connected && state_ != State::draining);
      });
      lock.release();
      if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
    }
    if (state_ == State::connected || state_ == State::draining) return;
  }
  // Reconnecting: keep it, within the configured budget.
  const std::size_t budget = opts_.reconnect.buffer_size;
  if (budget == 0 || out_buf_.size() + size > budget)
    throw Error(ErrorCode::nervure, "reconnect buffer is full (" + std::to_string(budget) +
                                        " bytes): the publish was not sent while the connection is down");
}

// ---------------------------------------------------------------------------
// Public operations
// ---------------------------------------------------------------------------

void ConnectionImpl::publish(std::string_view subject, std::string_view reply, const Headers* headers,
                             std::string_view data, Send send) {
  if (!reply.empty()) protocol::validate_publish_subject(reply);
  std::string header_block;  // only allocated for messages that carry headers
  if (headers) {
    protocol::validate_headers(*headers);
    protocol::encode_headers(header_block, *headers);
  }
  const int64_t size = static_cast<int64_t>(header_block.size() + data.size());
  if (size > max_payload_.load(std::memory_order_relaxed))
    throw Error(ErrorCode::max_payload, "message of " + std::to_string(size) + " bytes exceeds the server's max_payload of " +
                                            std::to_string(max_payload_.load()) + " bytes");
  std::lock_guard lock(mu_);
  // Publishers repeat subjects: validate each new one, not every message. The
  // cache never holds "" (invalid), so an empty subject is always checked.
  if (subject.empty() || subject != last_valid_subject_) {
    protocol::validate_publish_subject(subject);
    last_valid_subject_.assign(subject);
  }
  append_locked(subject.size() + reply.size() + static_cast<std::size_t>(size) + 32);
  if (out_buf_.empty()) pending_since_ = steady::now();  // the tail flush counts its delay from here
  if (headers) protocol::encode_hpub(out_buf_, subject, reply, header_block, data);
  else protocol::encode_pub(out_buf_, subject, reply, data);
  ++out_msgs_;
  out_bytes_ += data.size();
  // Someone waits on requests and replies: they leave now. Plain publishes (and
  // requests nobody waits on in particular) coalesce, and a full buffer is written
  // by the publisher itself.
  const bool awaited = send == Send::now && (!reply.empty() || is_reply_subject(subject));
  if (awaited) write_now_locked();
  else if (out_buf_.size() >= kDirectWriteThreshold) write_full_buffer_locked();
  else schedule_tail_flush_locked();
}

std::shared_ptr<SubscriptionState> ConnectionImpl::subscribe(std::string_view subject, const SubscribeOptions& o,
                                                             MessageHandler handler, HandlerThread where) {
  protocol::validate_subscribe_subject(subject);
  protocol::validate_queue_group(o.queue);
  if (o.max_msgs < 0) throw Error(ErrorCode::invalid_argument, "max_msgs must not be negative");
  const int64_t lm = o.pending_msgs_limit == 0 ? opts_.pending_msgs_limit : o.pending_msgs_limit;
  const int64_t lb = o.pending_bytes_limit == 0 ? opts_.pending_bytes_limit : o.pending_bytes_limit;
  std::lock_guard lock(mu_);
  if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
  if (state_ == State::draining) throw Error(ErrorCode::connection_closed, "connection is draining");
  std::shared_ptr<SubscriptionState> sub;
  {
    std::lock_guard subs_lock(subs_mu_);
    sub = std::make_shared<SubscriptionState>(weak_from_this(), next_sid_++, std::string(subject), o.queue,
                                              o.max_msgs, lm, lb);
    if (handler) {
      sub->handler = std::move(handler);
      std::weak_ptr<SubscriptionState> weak = sub;
      if (where == HandlerThread::dispatcher) {
        sub->set_notifier([this, weak] {
          if (auto s = weak.lock()) dispatcher_.schedule(std::move(s));
        });
      } else {
        // Readers take turns under read_mu_; the lock orders the rare other
        // notifier (an unsubscribe or drain ending arrivals) with them. It is
        // recursive because a handler may unsubscribe its own subscription.
        auto one_at_a_time = std::make_shared<std::recursive_mutex>();
        Dispatcher::ErrorSink sink = [this](const std::string& text) { emit(Event::async_error, text); };
        sub->set_notifier([weak, one_at_a_time, sink = std::move(sink)] {
          auto s = weak.lock();
          if (!s) return;
          std::lock_guard lock(*one_at_a_time);
          std::vector<Message> batch;
          while (Dispatcher::run_batch(*s, batch, sink) == Dispatcher::kBatch) {
          }
        });
      }
    }
    subs_.emplace(sub->sid, sub);
  }
  if (state_ == State::connected) {
    protocol::encode_sub(out_buf_, subject, o.queue, sub->sid);
    if (o.max_msgs > 0) protocol::encode_unsub(out_buf_, sub->sid, static_cast<uint64_t>(o.max_msgs));
    kick_writer_locked();
  }
  return sub;
}

void ConnectionImpl::resubscribe_locked(std::string& frames) {
  std::lock_guard subs_lock(subs_mu_);
  for (auto it = subs_.begin(); it != subs_.end();) {
    auto& sub = it->second;
    int64_t max = sub->max_msgs.load();
    int64_t left = max > 0 ? max - sub->delivered() : 0;
    if (max > 0 && left <= 0) {
      seen_.deferred.push_back([s = sub] { s->end_arrivals(); });
      it = subs_.erase(it);
      continue;
    }
    protocol::encode_sub(frames, sub->subject, sub->queue, sub->sid);
    if (left > 0) protocol::encode_unsub(frames, sub->sid, static_cast<uint64_t>(left));
    ++it;
  }
}

void ConnectionImpl::unsubscribe(SubscriptionState& sub, int64_t max_msgs) {
  if (max_msgs < 0) throw Error(ErrorCode::invalid_argument, "max_msgs must not be negative");
  bool end_now = false;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
    std::lock_guard subs_lock(subs_mu_);
    auto it = subs_.find(sub.sid);
    if (it == subs_.end()) return;  // already gone: unsubscribing twice is harmless
    if (max_msgs > 0 && sub.delivered() < max_msgs) {
      sub.max_msgs.store(max_msgs);
      if (state_ == State::connected || state_ == State::draining)
        protocol::encode_unsub(out_buf_, sub.sid, static_cast<uint64_t>(max_msgs));
    } else {
      subs_.erase(it);
      end_now = true;
      if (state_ == State::connected || state_ == State::draining) protocol::encode_unsub(out_buf_, sub.sid, 0);
    }
    kick_writer_locked();
  }
  if (end_now) sub.end_arrivals(/*discard=*/true);
}

void ConnectionImpl::drain_subscription(const std::shared_ptr<SubscriptionState>& sub, Duration timeout) {
  const auto deadline = steady::now() + timeout;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
    if (state_ == State::connected || state_ == State::draining) {
      protocol::encode_unsub(out_buf_, sub->sid, 0);
      kick_writer_locked();
    }
  }
  // After the PONG the server has processed the UNSUB: nothing more is on its way.
  if (is_connected()) flush(timeout);
  {
    std::lock_guard subs_lock(subs_mu_);
    subs_.erase(sub->sid);
  }
  sub->end_arrivals();
  auto left = std::chrono::duration_cast<Duration>(deadline - steady::now());
  if (!sub->wait_consumed(std::max(left, Duration(0))))
    throw Error(ErrorCode::timeout, "drain of '" + sub->subject + "' timed out with " +
                                        std::to_string(sub->pending_msgs()) + " messages not consumed");
}

void ConnectionImpl::ensure_response_sub_locked() {
  std::lock_guard subs_lock(subs_mu_);
  if (resp_sid_ != 0) return;
  resp_sid_ = next_sid_++;
  auto sub = std::make_shared<SubscriptionState>(weak_from_this(), resp_sid_, resp_prefix_ + "*", "", 0, -1, -1);
  subs_.emplace(resp_sid_, sub);
  if (state_ == State::connected || state_ == State::draining) {
    protocol::encode_sub(out_buf_, sub->subject, "", resp_sid_);
    kick_writer_locked();
  }
}

uint64_t ConnectionImpl::request_async(std::string_view subject, std::string_view data, Duration timeout,
                                       const Headers* headers, ReplyCallback done, Send send) {
  if (!done) throw Error(ErrorCode::invalid_argument, "request needs a completion callback");
  if (timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "request timeout must be positive");
  protocol::validate_publish_subject(subject);
  {
    std::lock_guard lock(mu_);
    if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
    ensure_response_sub_locked();
  }
  uint64_t id;
  bool rearm = false;
  {
    std::lock_guard lock(ops_mu_);
    id = next_op_id_++;
    auto deadline = steady::now() + timeout;
    ops_.emplace(id, PendingOp{std::move(done), nullptr, deadline});
    deadlines_.emplace(deadline, id);
    rearm = deadline < armed_deadline_;
    if (rearm) armed_deadline_ = deadline;
  }
  if (rearm) asio::post(io_, [this] { arm_deadline_timer(); });
  try {
    // The reply subject is built on the stack when it fits: one allocation fewer per request.
    char buf[128];
    std::string long_reply;
    std::string_view reply;
    if (resp_prefix_.size() + 20 <= sizeof buf) {
      std::memcpy(buf, resp_prefix_.data(), resp_prefix_.size());
      auto end = std::to_chars(buf + resp_prefix_.size(), buf + sizeof buf, id).ptr;
      reply = std::string_view(buf, static_cast<std::size_t>(end - buf));
    } else {
      long_reply = resp_prefix_ + std::to_string(id);
      reply = long_reply;
    }
    publish(subject, reply, headers, data, send);
  } catch (...) {
    cancel_request(id);
    throw;
  }
  return id;
}

void ConnectionImpl::erase_deadline_locked(std::chrono::steady_clock::time_point deadline, uint64_t id) {
  auto range = deadlines_.equal_range(deadline);
  for (auto d = range.first; d != range.second; ++d)
    if (d->second == id) {
      deadlines_.erase(d);
      return;
    }
}

bool ConnectionImpl::cancel_request(uint64_t id) {
  std::lock_guard lock(ops_mu_);
  auto it = ops_.find(id);
  if (it == ops_.end()) return false;
  erase_deadline_locked(it->second.deadline, id);
  ops_.erase(it);
  return true;
}

void ConnectionImpl::flush_async(Duration timeout, DoneCallback done) {
  if (!done) throw Error(ErrorCode::invalid_argument, "flush needs a completion callback");
  if (timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "flush timeout must be positive");
  uint64_t id;
  bool rearm;
  {
    std::lock_guard lock(ops_mu_);
    id = next_op_id_++;
    auto deadline = steady::now() + timeout;
    ops_.emplace(id, PendingOp{nullptr, std::move(done), deadline});
    deadlines_.emplace(deadline, id);
    rearm = deadline < armed_deadline_;
    if (rearm) armed_deadline_ = deadline;
  }
  if (rearm) asio::post(io_, [this] { arm_deadline_timer(); });
  std::lock_guard lock(mu_);
  if (state_ == State::closed) {
    cancel_request(id);
    throw Error(ErrorCode::connection_closed, "connection is closed");
  }
  // While reconnecting, the PING is sent once the new connection is up.
  if (state_ == State::connected || state_ == State::draining) send_ping_locked(id);
}

void ConnectionImpl::flush(Duration timeout) {
  auto promise = std::make_shared<std::promise<void>>();
  auto future = promise->get_future();
  flush_async(timeout, [promise](std::exception_ptr err) {
    if (err) promise->set_exception(err);
    else promise->set_value();
  });
  future.get();
}

void ConnectionImpl::arm_deadline_timer() {
  steady::time_point next;
  {
    std::lock_guard lock(ops_mu_);
    if (deadlines_.empty()) {
      armed_deadline_ = steady::time_point::max();
      return;
    }
    next = deadlines_.begin()->first;
    armed_deadline_ = next;
  }
  deadline_timer_.expires_at(next);
  deadline_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec) expire_deadlines();
  });
}

void ConnectionImpl::expire_deadlines() {
  std::vector<PendingOp> expired;
  {
    std::lock_guard lock(ops_mu_);
    const auto now = steady::now();
    while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
      auto it = ops_.find(deadlines_.begin()->second);
      if (it != ops_.end()) {
        expired.push_back(std::move(it->second));
        ops_.erase(it);
      }
      deadlines_.erase(deadlines_.begin());
    }
    armed_deadline_ = steady::time_point::max();
  }
  for (auto& op : expired) {
    if (op.on_reply) op.on_reply(Message{}, make_error(ErrorCode::timeout, "request timed out"));
    if (op.on_done) op.on_done(make_error(ErrorCode::timeout, "flush timed out"));
  }
  arm_deadline_timer();
}

void ConnectionImpl::complete_op(uint64_t id, Message* reply, std::exception_ptr error) {
  PendingOp op;
  {
    std::lock_guard lock(ops_mu_);
    auto it = ops_.find(id);
    if (it == ops_.end()) return;
    op = std::move(it->second);
    erase_deadline_locked(op.deadline, id);
    ops_.erase(it);
  }
  if (op.on_done) op.on_done(error);
  if (op.on_reply) op.on_reply(reply ? std::move(*reply) : Message{}, error);
}

void ConnectionImpl::fail_all_ops(std::exception_ptr error) {
  std::unordered_map<uint64_t, PendingOp> ops;
  {
    std::lock_guard lock(ops_mu_);
    ops.swap(ops_);
    deadlines_.clear();
  }
  for (auto& [id, op] : ops) {
    if (op.on_done) op.on_done(error);
    if (op.on_reply) op.on_reply(Message{}, error);
  }
}

void ConnectionImpl::end_all_subscriptions() {
  std::unordered_map<uint64_t, std::shared_ptr<SubscriptionState>> subs;
  {
    std::lock_guard lock(subs_mu_);
    subs.swap(subs_);
  }
  for (auto& [sid, sub] : subs) sub->end_arrivals(/*discard=*/true);
}

void ConnectionImpl::drain(Duration timeout) {
  const auto deadline = steady::now() + timeout;
  auto left = [&] { return std::max(Duration(1), std::chrono::duration_cast<Duration>(deadline - steady::now())); };
  std::vector<std::shared_ptr<SubscriptionState>> subs;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::closed) throw Error(ErrorCode::connection_closed, "connection is closed");
    if (state_ == State::draining) throw Error(ErrorCode::connection_closed, "connection is already draining");
    bool connected = state_ == State::connected;
    state_ = connected ? State::draining : state_;
    std::lock_guard subs_lock(subs_mu_);
    for (auto& [sid, sub] : subs_) {
      if (sid == resp_sid_) continue;
      subs.push_back(sub);
      if (connected) protocol::encode_unsub(out_buf_, sid, 0);
    }
    kick_writer_locked();
  }
  bool timed_out = false;
  try {
    if (is_connected()) flush(left());
  } catch (const Error&) {
    timed_out = true;
  }
  {
    std::lock_guard subs_lock(subs_mu_);
    for (auto& sub : subs) subs_.erase(sub->sid);
  }
  for (auto& sub : subs) sub->end_arrivals();
  for (auto& sub : subs)
    if (!sub->wait_consumed(left())) timed_out = true;
  try {
    if (is_connected()) flush(left());  // what the handlers published on the way out
  } catch (const Error&) {
    timed_out = true;
  }
  close();
  if (timed_out) throw Error(ErrorCode::timeout, "drain timed out; the connection is closed");
}

void ConnectionImpl::close() {
  const auto flush_deadline = steady::now() + kCloseFlushWait;
  int sent_fd = -1;  // the plain TCP socket whose kernel queue to wait for
  {
    std::unique_lock lock(mu_);
    if (state_ == State::closed) return;
    // Give queued publishes their chance to reach the server, as a user expects
    // from publish() followed by close().
    if ((state_ == State::connected || state_ == State::draining) && io_thread_.joinable() && !on_io_role()) {
      write_cv_.wait_until(lock, flush_deadline, [&] {
        return (out_buf_.empty() && !write_in_flight_) ||
               (state_ != State::connected && state_ != State::draining);
      });
      if (state_ == State::connected || state_ == State::draining) sent_fd = direct_fd_;
    }
    state_ = State::closed;
    direct_fd_ = -1;
    write_cv_.notify_all();
  }
  stop_polling();
  // Closing a socket that holds unread input resets the connection, and the
  // reset throws away what the kernel had not yet sent: a server slow to read
  // lost the last publishes. Wait (boundedly) until the kernel has sent them;
  // the socket stays open until shutdown_on_io_thread, posted below.
  if (sent_fd >= 0) {
    int unsent = 0;
    while (::ioctl(sent_fd, SIOCOUTQ, &unsent) == 0 && unsent > 0 && steady::now() < flush_deadline)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  if (!io_thread_.joinable()) {
    // Never started (or already stopped): nothing runs on the I/O thread.
    fail_all_ops(make_error(ErrorCode::connection_closed, "connection closed"));
    end_all_subscriptions();
    return;
  }
  if (std::this_thread::get_id() == io_thread_id_) {
    shutdown_on_io_thread();
  } else if (reading_now == this) {
    // A callback of a poller's parse: the I/O thread may be waiting for this
    // thread's read to end, so it is not joined here (the destructor does).
    asio::post(io_, [this] { shutdown_on_io_thread(); });
  } else {
    asio::post(io_, [this] { shutdown_on_io_thread(); });
    io_thread_.join();
  }
  if (std::this_thread::get_id() != io_thread_id_) dispatcher_.stop();
}

void ConnectionImpl::shutdown_on_io_thread() {
  boost::system::error_code ec;
  deadline_timer_.cancel();
  tail_flush_timer_.cancel();
  if (transport_) transport_->close();
  fail_all_ops(make_error(ErrorCode::connection_closed, "connection closed"));
  end_all_subscriptions();
  if (first_connect_done_) emit(Event::closed, "");
  io_.stop();
}

void ConnectionImpl::emit(Event e, const std::string& detail) {
  if (!opts_.on_event) return;
  try {
    opts_.on_event(e, detail);
  } catch (...) {
    // A throwing event callback must not break the connection.
  }
}

std::string ConnectionImpl::build_connect_json(const ServerUrl& url) {
  json j = {{"verbose", false}, {"pedantic", false}, {"tls_required", transport_ && transport_->tls_active()},
            {"lang", "cpp"},   {"version", version}, {"protocol", 1},
            {"echo", !opts_.no_echo}, {"headers", true}, {"no_responders", true}};
  if (!opts_.name.empty()) j["name"] = opts_.name;
  std::string nonce = server_info().nonce;
  if (!url.user.empty()) {
    if (url.password.empty()) j["auth_token"] = url.user;
    else {
      j["user"] = url.user;
      j["pass"] = url.password;
    }
  } else if (!opts_.token.empty()) {
    j["auth_token"] = opts_.token;
  } else if (!opts_.user.empty() || !opts_.password.empty()) {
    j["user"] = opts_.user;
    j["pass"] = opts_.password;
  } else if (!opts_.nkey_seed.empty()) {
    j["nkey"] = auth::public_key_from_seed(opts_.nkey_seed);
    j["sig"] = auth::sign_nonce(opts_.nkey_seed, nonce);
  } else if (!opts_.creds_file.empty()) {
    auto creds = auth::read_creds_file(opts_.creds_file);  // read each time: creds may be rotated on disk
    j["jwt"] = creds.jwt;
    j["sig"] = auth::sign_nonce(creds.seed, nonce);
    auth::wipe(creds.seed);
  }
  return j.dump();
}

// ---------------------------------------------------------------------------
// Introspection
// ---------------------------------------------------------------------------

bool ConnectionImpl::is_connected() const {
  std::lock_guard lock(mu_);
  return state_ == State::connected || state_ == State::draining;
}
bool ConnectionImpl::is_closed() const {
  std::lock_guard lock(mu_);
  return state_ == State::closed;
}
bool ConnectionImpl::is_reconnecting() const {
  std::lock_guard lock(mu_);
  return state_ == State::reconnecting;
}
Stats ConnectionImpl::stats() const {
  std::lock_guard lock(mu_);
  return Stats{in_msgs_.load(), in_bytes_.load(), out_msgs_, out_bytes_, reconnects_.load()};
}
ServerInfo ConnectionImpl::server_info() const {
  std::lock_guard lock(mu_);
  return info_;
}
std::string ConnectionImpl::connected_url() const {
  std::lock_guard lock(mu_);
  return current_url_ && state_ != State::reconnecting && state_ != State::closed ? current_url_->display() : "";
}
std::vector<std::string> ConnectionImpl::servers() const {
  std::lock_guard lock(mu_);
  return pool_->urls();
}
std::string ConnectionImpl::new_inbox() const { return opts_.inbox_prefix + "." + next_nuid(); }

}  // namespace nervure::detail
