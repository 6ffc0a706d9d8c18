// Parser, header codec, encoder and validation: pure functions, no server.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nervure/errors.hpp"
#include "protocol/encoder.hpp"
#include "protocol/headers_codec.hpp"
#include "protocol/parser.hpp"
#include "protocol/validation.hpp"

using namespace nervure;
using namespace nervure::protocol;

namespace {

struct Recorder : ParserHandler {
  struct Msg {
    std::string subject, reply, headers, payload;
    uint64_t sid;
    bool has_headers;
  };
  std::vector<Msg> msgs;
  std::vector<std::string> infos, errs;
  int pings = 0, pongs = 0, oks = 0;
  void on_msg(const MsgView& m) override {
    msgs.push_back({std::string(m.subject), std::string(m.reply), std::string(m.headers), std::string(m.payload),
                    m.sid, m.has_headers});
  }
  void on_info(std::string_view j) override { infos.emplace_back(j); }
  void on_ping() override { ++pings; }
  void on_pong() override { ++pongs; }
  void on_ok() override { ++oks; }
  void on_err(std::string_view t) override { errs.emplace_back(t); }
};

// Feeds data in pieces the way a socket would, keeping unconsumed bytes.
Recorder feed_in_chunks(const std::string& wire, std::size_t chunk) {
  Recorder r;
  std::string buf;
  for (std::size_t i = 0; i < wire.size(); i += chunk) {
    buf.append(wire.substr(i, chunk));
    auto res = parse(buf, r);
    buf.erase(0, res.consumed);
  }
  EXPECT_TRUE(buf.empty()) << "left over: " << buf;
  return r;
}

}  // namespace

TEST(Parser, ControlFrames) {
  Recorder r;
  const std::string wire = "INFO {\"a\":1}\r\nPING\r\nPONG\r\n+OK\r\n-ERR 'Authorization Violation'\r\n";
  auto res = parse(wire, r);
  EXPECT_EQ(res.consumed, wire.size());
  ASSERT_EQ(r.infos.size(), 1u);
  EXPECT_EQ(r.infos[0], "{\"a\":1}");
  EXPECT_EQ(r.pings, 1);
  EXPECT_EQ(r.pongs, 1);
  EXPECT_EQ(r.oks, 1);
  ASSERT_EQ(r.errs.size(), 1u);
  EXPECT_EQ(r.errs[0], "Authorization Violation");
}

TEST(Parser, LowercaseOperationsAreAccepted) {
  Recorder r;
  parse("ping\r\nmsg a 1 2\r\nhi\r\n", r);
  EXPECT_EQ(r.pings, 1);
  ASSERT_EQ(r.msgs.size(), 1u);
  EXPECT_EQ(r.msgs[0].payload, "hi");
}

TEST(Parser, MsgWithAndWithoutReply) {
  Recorder r;
  parse("MSG foo.bar 9 5\r\nhello\r\nMSG foo 10 _INBOX.x 0\r\n\r\n", r);
  ASSERT_EQ(r.msgs.size(), 2u);
  EXPECT_EQ(r.msgs[0].subject, "foo.bar");
  EXPECT_EQ(r.msgs[0].sid, 9u);
  EXPECT_EQ(r.msgs[0].reply, "");
  EXPECT_EQ(r.msgs[0].payload, "hello");
  EXPECT_EQ(r.msgs[1].reply, "_INBOX.x");
  EXPECT_EQ(r.msgs[1].payload, "");
}

TEST(Parser, PayloadMayContainCrLf) {
  Recorder r;
  parse("MSG a 1 6\r\n\r\nab\r\n\r\n", r);
  ASSERT_EQ(r.msgs.size(), 1u);
  EXPECT_EQ(r.msgs[0].payload, "\r\nab\r\n");
}

TEST(Parser, HmsgSplitsHeadersAndPayload) {
  std::string hdr = "NATS/1.0\r\nA: 1\r\n\r\n";
  std::string wire = "HMSG s 3 r " + std::to_string(hdr.size()) + " " + std::to_string(hdr.size() + 4) + "\r\n" +
                     hdr + "data\r\n";
  Recorder r;
  parse(wire, r);
  ASSERT_EQ(r.msgs.size(), 1u);
  EXPECT_TRUE(r.msgs[0].has_headers);
  EXPECT_EQ(r.msgs[0].headers, hdr);
  EXPECT_EQ(r.msgs[0].payload, "data");
  EXPECT_EQ(r.msgs[0].reply, "r");
}

TEST(Parser, IncompleteFramesWaitForMoreBytes) {
  Recorder r;
  auto res = parse("MSG a 1 10\r\nhello", r);
  EXPECT_EQ(res.consumed, 0u);
  EXPECT_EQ(res.needed, 24u);
  EXPECT_TRUE(r.msgs.empty());
  res = parse("PING\r\nPO", r);
  EXPECT_EQ(res.consumed, 6u);
  EXPECT_EQ(r.pings, 1);
}

TEST(Parser, EveryChunkSizeGivesTheSameFrames) {
  std::string hdr = "NATS/1.0\r\nK: v\r\n\r\n";
  std::string wire = "INFO {}\r\nMSG a.b 1 _R 3\r\nabc\r\nPING\r\nHMSG c 2 " + std::to_string(hdr.size()) + " " +
                     std::to_string(hdr.size() + 2) + "\r\n" + hdr + "xy\r\nPONG\r\n";
  for (std::size_t chunk = 1; chunk <= wire.size(); ++chunk) {
    auto r = feed_in_chunks(wire, chunk);
    ASSERT_EQ(r.msgs.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(r.msgs[0].payload, "abc");
    EXPECT_EQ(r.msgs[1].payload, "xy");
    EXPECT_EQ(r.pings, 1);
    EXPECT_EQ(r.pongs, 1);
    EXPECT_EQ(r.infos.size(), 1u);
  }
}

TEST(Parser, MalformedInputIsAProtocolError) {
  Recorder r;
  EXPECT_THROW(parse("BOGUS\r\n", r), ProtocolError);
  EXPECT_THROW(parse("MSG a\r\n", r), ProtocolError);
  EXPECT_THROW(parse("MSG a x 1\r\nx\r\n", r), ProtocolError);
  EXPECT_THROW(parse("MSG a 1 -1\r\n", r), ProtocolError);
  EXPECT_THROW(parse("MSG a 1 2\r\nabcd\r\n", r), ProtocolError);  // payload longer than announced
  EXPECT_THROW(parse("HMSG a 1 9 3\r\n", r), ProtocolError);        // headers longer than total
  EXPECT_THROW(parse("\r\n", r), ProtocolError);
  EXPECT_THROW(parse(std::string(protocol::max_control_line + 1, 'x'), r), ProtocolError);
}

TEST(Headers, DecodeStatusAndMultiValues) {
  Headers h;
  decode_headers("NATS/1.0 503\r\n\r\n", h);
  EXPECT_EQ(h.status(), 503);
  Headers h2;
  decode_headers("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\n", h2);
  EXPECT_EQ(h2.status(), 408);
  EXPECT_EQ(h2.description(), "Request Timeout");
  EXPECT_EQ(h2.get("nats-pending-messages"), "5");
  EXPECT_EQ(h2.values("X-A"), (std::vector<std::string>{"1", "2"}));
  ASSERT_EQ(h2.entries().size(), 3u);
  EXPECT_EQ(h2.entries()[2].first, "x-a");  // case preserved
}

TEST(Headers, RoundTrip) {
  Headers h;
  h.add("Nats-Msg-Id", "abc");
  h.add("Multi", "1");
  h.add("Multi", "2 with spaces");
  std::string wire;
  encode_headers(wire, h);
  EXPECT_EQ(wire, "NATS/1.0\r\nNats-Msg-Id: abc\r\nMulti: 1\r\nMulti: 2 with spaces\r\n\r\n");
  Headers back;
  decode_headers(wire, back);
  EXPECT_EQ(back, h);
}

TEST(Headers, SetReplacesAndRemoveDeletes) {
  Headers h;
  h.add("K", "1");
  h.add("k", "2");
  h.set("K", "3");
  EXPECT_EQ(h.values("K"), std::vector<std::string>{"3"});
  h.remove("K");
  EXPECT_TRUE(h.empty());
}

TEST(Headers, MalformedAndForbidden) {
  Headers h;
  EXPECT_THROW(decode_headers("HTTP/1.0\r\n\r\n", h), ProtocolError);
  EXPECT_THROW(decode_headers("NATS/1.0\r\nnocolon\r\n\r\n", h), ProtocolError);
  Headers bad;
  bad.add("Bad Key", "v");
  EXPECT_THROW(validate_headers(bad), Error);
  Headers bad_value;
  bad_value.add("K", "line\r\nbreak");
  EXPECT_THROW(validate_headers(bad_value), Error);
}

TEST(Encoder, Frames) {
  std::string out;
  encode_pub(out, "a.b", "", "hi");
  EXPECT_EQ(out, "PUB a.b 2\r\nhi\r\n");
  out.clear();
  encode_pub(out, "a", "r.1", "");
  EXPECT_EQ(out, "PUB a r.1 0\r\n\r\n");
  out.clear();
  encode_pub(out, "a", "", std::string_view());  // an empty view whose data is null
  EXPECT_EQ(out, "PUB a 0\r\n\r\n");
  // Frames around the size that is assembled on the stack, appended after what is there.
  for (std::size_t n : {0u, 99u, 100u, 228u, 229u, 230u, 300u}) {  // 229: a frame of 256
    std::string buf = "PING\r\n";
    const std::string payload(n, 'p');
    encode_pub(buf, "sub.ject", "re.ply", payload);
    EXPECT_EQ(buf, "PING\r\nPUB sub.ject re.ply " + std::to_string(n) + "\r\n" + payload + "\r\n") << n;
  }
  out.clear();
  encode_hpub(out, "a", "r", "NATS/1.0\r\n\r\n", "xyz");
  EXPECT_EQ(out, "HPUB a r 12 15\r\nNATS/1.0\r\n\r\nxyz\r\n");
  out.clear();
  encode_sub(out, "a.*", "", 7);
  encode_sub(out, "a.>", "workers", 8);
  encode_unsub(out, 7);
  encode_unsub(out, 8, 10);
  EXPECT_EQ(out, "SUB a.* 7\r\nSUB a.> workers 8\r\nUNSUB 7\r\nUNSUB 8 10\r\n");
}

TEST(EncoderParser, PublishedFramesParseBack) {
  // The server echoes PUB as MSG with a sid: rewrite and parse to check framing.
  std::string pub;
  encode_pub(pub, "x.y", "inbox", std::string(100000, 'z'));
  std::string msg = "MSG x.y 1 inbox 100000\r\n" + std::string(100000, 'z') + "\r\n";
  EXPECT_EQ(pub.substr(pub.find("\r\n")), msg.substr(msg.find("\r\n")));
  auto r = feed_in_chunks(msg, 4096);
  ASSERT_EQ(r.msgs.size(), 1u);
  EXPECT_EQ(r.msgs[0].payload.size(), 100000u);
}

TEST(Validation, Subjects) {
  EXPECT_NO_THROW(validate_publish_subject("shop.orders.order.created"));
  EXPECT_NO_THROW(validate_subscribe_subject("shop.*.created"));
  EXPECT_NO_THROW(validate_subscribe_subject("shop.>"));
  EXPECT_NO_THROW(validate_subscribe_subject(">"));
  for (const char* bad : {"", "a..b", ".a", "a.", "a b", "a\tb", "a\r\n"}) {
    try {
      validate_publish_subject(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_subject);
    }
    EXPECT_THROW(validate_subscribe_subject(bad), Error);
  }
  EXPECT_THROW(validate_publish_subject("a.*"), Error);
  EXPECT_THROW(validate_publish_subject("a.>"), Error);
  EXPECT_THROW(validate_subscribe_subject("a.>.b"), Error);
  EXPECT_NO_THROW(validate_subscribe_subject("a.b*"));  // not a wildcard, just a character
  EXPECT_NO_THROW(validate_publish_subject("a.b*.>c.*d"));
  EXPECT_THROW(validate_publish_subject("*"), Error);
  EXPECT_THROW(validate_publish_subject(">"), Error);
  EXPECT_THROW(validate_subscribe_subject(">.a"), Error);
  EXPECT_NO_THROW(validate_subscribe_subject("*.*.>"));
  EXPECT_NO_THROW(validate_publish_subject("$JS.ACK.S.C.1.2.3.1700000000000000000.0"));
  EXPECT_THROW(validate_queue_group("bad queue"), Error);
  EXPECT_NO_THROW(validate_queue_group("workers"));
}

TEST(Errors, NamesAreStable) {
  EXPECT_STREQ(error_name(ErrorCode::no_responders), "NoRespondersError");
  EXPECT_STREQ(error_name(ErrorCode::not_supported_by_server), "NotSupportedByServerError");
  EXPECT_EQ(static_cast<int>(ErrorCode::invalid_argument), 12);
}
