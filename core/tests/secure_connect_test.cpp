// Credentials and TLS against servers that require them. Secrets must never
// show up in error messages.
#include <fstream>

#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {
void expect_pubsub_works(Connection& nc) {
  auto sub = nc.subscribe("secure.check");
  nc.flush(2s);
  nc.publish("secure.check", "ok");
  EXPECT_EQ(sub->next(2s)->data, "ok");
}
}  // namespace

TEST(SecureConnect, Token) {
  Harness server("token");
  Options o = options_for(server.url());
  o.token = server.token();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  Options wrong = options_for(server.url());
  wrong.token = "not-the-token-s3cr3t";
  auto msg = expect_error(ErrorCode::authorization, [&] { Connection::connect(wrong); });
  EXPECT_EQ(msg.find("s3cr3t"), std::string::npos) << msg;
  expect_error(ErrorCode::authorization, [&] { Connection::connect(options_for(server.url())); });
}

TEST(SecureConnect, TokenInUrl) {
  Harness server("token");
  std::string url = server.url();
  url.insert(url.find("://") + 3, server.token() + "@");
  auto nc = Connection::connect(options_for(url));
  expect_pubsub_works(*nc);
}

TEST(SecureConnect, UserPassword) {
  Harness server("userpass");
  Options o = options_for(server.url());
  o.user = server.user();
  o.password = server.password();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  Options wrong = options_for(server.url());
  wrong.user = server.user();
  wrong.password = "wrong-pa55word";
  auto msg = expect_error(ErrorCode::authorization, [&] { Connection::connect(wrong); });
  EXPECT_EQ(msg.find("pa55word"), std::string::npos) << msg;
}

TEST(SecureConnect, NKeySeed) {
  Harness server("nkey");
  Options o = options_for(server.url());
  o.nkey_seed = server.nkey_seed();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  Options bad = options_for(server.url());
  bad.nkey_seed = "SUnotavalidseed";
  auto msg = expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(bad); });
  EXPECT_EQ(msg.find("SUnotavalidseed"), std::string::npos) << msg;
}

TEST(SecureConnect, CredsFile) {
  Harness server("jwt");
  Options o = options_for(server.url());
  o.creds_file = server.creds_file();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  Options missing = options_for(server.url());
  missing.creds_file = "/nonexistent/user.creds";
  auto msg = expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(missing); });
  EXPECT_NE(msg.find("/nonexistent/user.creds"), std::string::npos) << msg;

  std::string garbage = ::testing::TempDir() + "garbage.creds";
  std::ofstream(garbage) << "this is not a creds file\n";
  Options bad = options_for(server.url());
  bad.creds_file = garbage;
  expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(bad); });

  expect_error(ErrorCode::authorization, [&] { Connection::connect(options_for(server.url())); });
}

TEST(SecureConnect, ConflictingCredentialsAreRejected) {
  Options o = options_for("nats://127.0.0.1:4222");
  o.token = "t";
  o.user = "u";
  expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(o); });
}

TEST(SecureConnect, TlsWithCa) {
  Harness server("tls");
  Options o = options_for(server.url());
  o.tls.ca_file = server.ca_file();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  // Without the CA, the server's certificate cannot be trusted.
  Options untrusted = options_for(server.url());
  untrusted.tls.enabled = true;
  expect_error(ErrorCode::nervure, [&] { Connection::connect(untrusted); });

  Options missing_ca = options_for(server.url());
  missing_ca.tls.ca_file = "/nonexistent/ca.pem";
  auto msg = expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(missing_ca); });
  EXPECT_NE(msg.find("/nonexistent/ca.pem"), std::string::npos);
}

TEST(SecureConnect, TlsHostnameIsVerified) {
  Harness server("tls");
  // The certificate names localhost and 127.0.0.1; dialling by name works too.
  std::string url = server.url();
  auto host = url.find("127.0.0.1");
  ASSERT_NE(host, std::string::npos);
  url.replace(host, 9, "localhost");
  Options o = options_for(url);
  o.tls.ca_file = server.ca_file();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);
}

TEST(SecureConnect, MutualTls) {
  Harness server("tls", {"--tls-verify"});
  Options o = options_for(server.url());
  o.tls.ca_file = server.ca_file();
  o.tls.cert_file = server.cert_file();
  o.tls.key_file = server.key_file();
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);

  Options no_cert = options_for(server.url());
  no_cert.tls.ca_file = server.ca_file();
  EXPECT_THROW(Connection::connect(no_cert), Error);

  Options half = options_for(server.url());
  half.tls.cert_file = server.cert_file();
  expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(half); });
}

TEST(SecureConnect, TlsHandshakeFirst) {
  std::unique_ptr<Harness> started;
  try {
    started = std::make_unique<Harness>("tls", std::vector<std::string>{"--tls-first"});
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).find("needs nats-server 2.10") != std::string::npos) GTEST_SKIP() << e.what();
    throw;
  }
  Harness& server = *started;
  Options o = options_for(server.url());
  o.tls.ca_file = server.ca_file();
  o.tls.handshake_first = true;
  auto nc = Connection::connect(o);
  expect_pubsub_works(*nc);
}
