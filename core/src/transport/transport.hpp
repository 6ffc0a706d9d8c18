#pragma once
// One socket that speaks plain TCP until (and unless) TLS is switched on, because
// NATS upgrades in place after INFO, or starts with TLS when handshake_first is set.
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <memory>
#include <string>

#include "nervure/options.hpp"

namespace nervure::detail {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

/// Builds the OpenSSL context from the options. Throws Error(invalid_argument)
/// naming the file that could not be loaded. Without a CA file the system store is
/// used, loaded only by use_system_trust_store: that costs milliseconds, so plain
/// TCP connections never pay it.
std::shared_ptr<asio::ssl::context> make_tls_context(const TlsOptions& tls);
void use_system_trust_store(asio::ssl::context& ctx);

class Transport {
 public:
  Transport(asio::io_context& io, asio::ssl::context& tls_context)
      : stream_(io, tls_context) {}

  tcp::socket& socket() { return stream_.next_layer(); }
  bool tls_active() const { return tls_active_; }

  asio::awaitable<void> start_tls(const std::string& host, const TlsOptions& opts);

  template <typename Buffers>
  asio::awaitable<std::size_t> read_some(const Buffers& buffers) {
    if (tls_active_) co_return co_await stream_.async_read_some(buffers, asio::use_awaitable);
    co_return co_await stream_.next_layer().async_read_some(buffers, asio::use_awaitable);
  }

  asio::awaitable<void> write_all(asio::const_buffer buffer) {
    if (tls_active_) co_await asio::async_write(stream_, buffer, asio::use_awaitable);
    else co_await asio::async_write(stream_.next_layer(), buffer, asio::use_awaitable);
  }

  template <typename Buffers, typename Handler>
  void async_write(const Buffers& buffers, Handler&& handler) {
    if (tls_active_) asio::async_write(stream_, buffers, std::forward<Handler>(handler));
    else asio::async_write(stream_.next_layer(), buffers, std::forward<Handler>(handler));
  }

  /// Completes once the plain TCP socket has input (or end of file, as an
  /// error), leaving the input in the socket: whoever reads it next takes it.
  /// A peek, not a bare readiness wait: asio arms its edge-triggered epoll
  /// atomically with the peek, so input that lands in between is never missed.
  asio::awaitable<void> wait_readable() {
    char byte;
    co_await stream_.next_layer().async_receive(asio::buffer(&byte, 1), tcp::socket::message_peek,
                                                asio::use_awaitable);
  }

  /// Closes the socket at once; pending operations complete with an error.
  void close();
  /// Ends the connection but keeps the descriptor allocated until close():
  /// threads that may still read or write it by number never reach a reused one.
  void shut_down();

 private:
  asio::ssl::stream<tcp::socket> stream_;
  bool tls_active_ = false;
};

}  // namespace nervure::detail
