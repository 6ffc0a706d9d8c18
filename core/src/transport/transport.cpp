#include "transport/transport.hpp"

#include <openssl/ssl.h>

#include "nervure/errors.hpp"

namespace nervure::detail {

std::shared_ptr<asio::ssl::context> make_tls_context(const TlsOptions& tls) {
  auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
  ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                   asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
  boost::system::error_code ec;
  if (!tls.ca_file.empty()) {
    ctx->load_verify_file(tls.ca_file, ec);
    if (ec) throw Error(ErrorCode::invalid_argument, "cannot load TLS CA file '" + tls.ca_file + "': " + ec.message());
  }
  if (!tls.cert_file.empty() || !tls.key_file.empty()) {
    if (tls.cert_file.empty() || tls.key_file.empty())
      throw Error(ErrorCode::invalid_argument, "a TLS client certificate needs both cert_file and key_file");
    ctx->use_certificate_chain_file(tls.cert_file, ec);
    if (ec)
      throw Error(ErrorCode::invalid_argument,
                  "cannot load TLS certificate '" + tls.cert_file + "': " + ec.message());
    ctx->use_private_key_file(tls.key_file, asio::ssl::context::pem, ec);
    if (ec)
      throw Error(ErrorCode::invalid_argument, "cannot load TLS key '" + tls.key_file + "': " + ec.message());
  }
  ctx->set_verify_mode(tls.verify ? asio::ssl::verify_peer : asio::ssl::verify_none);
  return ctx;
}

void use_system_trust_store(asio::ssl::context& ctx) {
  boost::system::error_code ec;
  ctx.set_default_verify_paths(ec);
}

asio::awaitable<void> Transport::start_tls(const std::string& host, const TlsOptions& opts) {
  SSL* ssl = stream_.native_handle();
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  const bool is_ip = !ec;
  if (!is_ip) SSL_set_tlsext_host_name(ssl, host.c_str());  // SNI takes names only
  if (opts.verify && opts.verify_hostname) {
    // OpenSSL checks the name (or IP SAN) during the handshake itself.
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    if (is_ip) X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    else X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
  }
  co_await stream_.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
  tls_active_ = true;
}

void Transport::shut_down() {
  boost::system::error_code ec;
  stream_.next_layer().shutdown(tcp::socket::shutdown_both, ec);
}

void Transport::close() {
  boost::system::error_code ec;
  stream_.next_layer().shutdown(tcp::socket::shutdown_both, ec);
  stream_.next_layer().close(ec);
}

}  // namespace nervure::detail
