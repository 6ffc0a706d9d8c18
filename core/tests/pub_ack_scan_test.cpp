// The publish acknowledgement's fast reader: no server. Whatever it accepts it
// must read as the JSON parser would; whatever it cannot read it must refuse.
#include <gtest/gtest.h>

#include "jetstream/pub_ack_scan.hpp"

using nervure::PubAck;
using nervure::detail::scan_pub_ack;

TEST(PubAckScan, ReadsTheFlatForms) {
  PubAck a;
  ASSERT_TRUE(scan_pub_ack(R"({"stream":"ORDERS","seq":42})", a));
  EXPECT_EQ(a.stream, "ORDERS");
  EXPECT_EQ(a.seq, 42u);
  EXPECT_FALSE(a.duplicate);
  EXPECT_EQ(a.domain, "");

  PubAck b;
  ASSERT_TRUE(scan_pub_ack(" { \"stream\" : \"S\", \"domain\":\"hub\",\n \"seq\": 18446744073709551615,"
                           "\"duplicate\": true, \"val\": \"x\", \"n\": 3, \"f\": false } ",
                           b));
  EXPECT_EQ(b.stream, "S");
  EXPECT_EQ(b.domain, "hub");
  EXPECT_EQ(b.seq, 18446744073709551615u);
  EXPECT_TRUE(b.duplicate);

  PubAck empty;
  EXPECT_TRUE(scan_pub_ack("{}", empty));
  EXPECT_EQ(empty.stream, "");
}

TEST(PubAckScan, LeavesEverythingElseToTheJsonParser) {
  for (const char* body : {
           R"({"error":{"code":503,"err_code":10039,"description":"no stream"}})",
           R"({"stream":"S\u0041","seq":1})",  // an escape
           R"({"stream":"S","seq":-1})",
           R"({"stream":"S","seq":1.5})",
           R"({"stream":"S","seq":1e3})",
           R"({"stream":"S","seq":"7"})",
           R"({"stream":7,"seq":1})",
           R"({"stream":"S","duplicate":1})",
           R"({"stream":"S","seq":null})",
           R"({"stream":"S","seq":1,"list":[1]})",
           R"({"stream":"S","seq":1} trailing)",
           R"({"stream":"S","seq":1,})",
           R"({"stream":"S" "seq":1})",
           R"({"stream":"S)",
           R"([1,2])",
           "",
           "nonsense",
       }) {
    PubAck a;
    EXPECT_FALSE(scan_pub_ack(body, a)) << body;
  }
}
