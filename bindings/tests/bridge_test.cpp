// The language-neutral runtime without a server: error flattening (with the
// definition's error fields), connect options by name, the loop spinner, the
// inbox's wake-ups.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <thread>

#include "bridge.hpp"
#include "input_pass.hpp"
#include "loop_spin.hpp"
#include "options.hpp"

using namespace nervure;
using bridge::OptionValue;

TEST(Bridge, DescribeKeepsCodeMessageAndDefinitionFields) {
  auto js = bridge::describe(std::make_exception_ptr(JetStreamApiError(404, 10059, "stream not found")));
  EXPECT_EQ(js.code, ErrorCode::jetstream_api);
  EXPECT_EQ(js.message, "stream not found");
  ASSERT_NE(js.field("code"), nullptr);
  EXPECT_EQ(js.field("code")->number, 404);
  ASSERT_NE(js.field("err_code"), nullptr);
  EXPECT_EQ(js.field("err_code")->number, 10059);
  EXPECT_FALSE(js.field("err_code")->is_text);

  auto actor = bridge::describe(std::make_exception_ptr(ActorError("ValueError", "bad amount")));
  EXPECT_EQ(actor.code, ErrorCode::actor);
  ASSERT_NE(actor.field("remote_type"), nullptr);
  EXPECT_TRUE(actor.field("remote_type")->is_text);
  EXPECT_EQ(actor.field("remote_type")->text, "ValueError");

  auto plain = bridge::describe(std::make_exception_ptr(Error(ErrorCode::no_responders, "nobody")));
  EXPECT_EQ(plain.code, ErrorCode::no_responders);
  EXPECT_TRUE(plain.fields.empty());
}

TEST(Bridge, DescribeNeverThrowsOnForeignExceptions) {
  auto std_error = bridge::describe(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_EQ(std_error.code, ErrorCode::nervure);
  EXPECT_EQ(std_error.message, "boom");
  auto oom = bridge::describe(std::make_exception_ptr(std::bad_alloc()));
  EXPECT_EQ(oom.code, ErrorCode::nervure);
  EXPECT_EQ(oom.message, "out of memory");
  auto odd = bridge::describe(std::make_exception_ptr(42));
  EXPECT_EQ(odd.code, ErrorCode::nervure);
  EXPECT_FALSE(odd.message.empty());
}

TEST(Bridge, OptionsByNameWithTypesAndRanges) {
  Options o;
  bridge::set_option(o, "name", OptionValue::of_text("svc"));
  bridge::set_option(o, "connect_timeout", OptionValue::of_ms(250));
  bridge::set_option(o, "ping_interval", OptionValue::of_int(1000));  // integers are milliseconds
  bridge::set_option(o, "tls_ca_file", OptionValue::of_text("/ca.pem"));
  bridge::set_option(o, "reconnect", OptionValue::of_bool(false));
  bridge::set_option(o, "max_reconnect_attempts", OptionValue::of_int(-1));
  bridge::set_option(o, "reconnect_buffer_size", OptionValue::of_int(1024));
  EXPECT_EQ(o.name, "svc");
  EXPECT_EQ(o.connect_timeout, Duration(250));
  EXPECT_EQ(o.ping_interval, Duration(1000));
  EXPECT_EQ(o.tls.ca_file, "/ca.pem");
  EXPECT_FALSE(o.reconnect.enabled);
  EXPECT_EQ(o.reconnect.max_attempts, -1);
  EXPECT_EQ(o.reconnect.buffer_size, 1024u);

  auto code_of = [&](const char* name, OptionValue v) {
    try {
      bridge::set_option(o, name, v);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::ok;
  };
  EXPECT_EQ(code_of("no_such_option", OptionValue::of_int(1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("name", OptionValue::of_int(1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("reconnect", OptionValue::of_text("yes")), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("connect_timeout", OptionValue::of_ms(-5)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("max_pings_out", OptionValue::of_int(0)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("reconnect_buffer_size", OptionValue::of_int(-1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("max_reconnect_attempts", OptionValue::of_int(int64_t{1} << 40)), ErrorCode::invalid_argument);
}

namespace {
// An epoll descriptor watching the inbox's eventfd, as asyncio's and libuv's do; -1 on failure.
int loop_watching(const bridge::Inbox& inbox) {
  const int ep = epoll_create1(EPOLL_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  if (ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, inbox.fd(), &ev) != 0) {
    ::close(ep);
    return -1;
  }
  return ep;
}
}  // namespace

// The spinner polls an event loop's epoll descriptor (here one watching the
// inbox's eventfd, as asyncio and libuv do) only while a request is in flight
// and within its budget, and stops as soon as the loop has something to do.
// (On a busy machine it may also not spin at all, or stop early: nothing here
// depends on how long it spins.)
TEST(LoopSpinner, SpinsWhileARequestIsDueAndStopsWhenTheLoopHasWork) {
  using namespace std::chrono_literals;
  const auto long_budget = std::chrono::duration_cast<std::chrono::microseconds>(60s);
  auto inbox = std::make_shared<bridge::Inbox>();
  inbox->set_spin_budget(long_budget);
  bridge::LoopSpinner spinner;
  spinner.add(inbox);
  const int ep = loop_watching(*inbox);
  ASSERT_GE(ep, 0);

  EXPECT_FALSE(spinner.due());  // nothing in flight: no polling at all
  EXPECT_FALSE(spinner.wanted());
  EXPECT_EQ(spinner.spin(ep, std::chrono::nanoseconds(-1)), 0ns);

  inbox->request_started(1, 101);
  EXPECT_TRUE(spinner.due());
  EXPECT_LT(spinner.spin(ep, 2ms), 30s);  // its own limit (the loop's next timer)

  std::thread reply([&] {
    std::this_thread::sleep_for(20ms);
    inbox->request_finished(1);  // as the core's completion does, then the post
    bridge::Completion c;
    c.token = 1;
    inbox->post(std::move(c));
  });
  EXPECT_LT(spinner.spin(ep, std::chrono::nanoseconds(-1)), 30s);  // far inside the 60 s budget
  reply.join();
  EXPECT_EQ(inbox->take().completions.size(), 1u);
  EXPECT_FALSE(spinner.due());  // answered

  inbox->request_started(2, 102);  // cancelled: nothing to wait for
  uint64_t id = 0;
  EXPECT_TRUE(inbox->forget_request(2, id));
  EXPECT_EQ(id, 102u);
  EXPECT_FALSE(spinner.due());

  inbox->set_spin_budget(1ms);  // a budget that runs out
  inbox->request_started(3, 103);
  std::this_thread::sleep_for(5ms);
  EXPECT_FALSE(spinner.due());

  inbox->request_finished(3);
  inbox->set_spin_budget(long_budget);
  inbox->awaited_started();  // an actor call or a JetStream publish is polled for too
  EXPECT_TRUE(spinner.due());
  inbox->awaited_finished();
  EXPECT_FALSE(spinner.due());
  inbox->awaited_finished();  // a completion that beat its start...
  inbox->awaited_started();
  EXPECT_FALSE(spinner.due());  // ...leaves nothing to wait for

  inbox->request_started(4, 104);
  spinner.remove(inbox.get());
  EXPECT_FALSE(spinner.due());  // a closed connection's requests are not the loop's concern
  ::close(ep);
}

namespace {
bool readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) == 1;
}
}  // namespace

// In a pass, what the loop's thread posts itself stays unannounced (no
// eventfd write) and stops the spin; the caller takes it. Another thread's
// post is announced as before, and whatever the caller left queued at the
// end of the pass is announced then, unless the caller takes it over
// (leave_unannounced): no wake-up is lost.
TEST(LoopSpinner, APassLeavesItsOwnThreadsPostsToTheCallerAndAnnouncesWhatIsLeft) {
  using namespace std::chrono_literals;
  auto inbox = std::make_shared<bridge::Inbox>();
  inbox->set_spin_budget(std::chrono::duration_cast<std::chrono::microseconds>(60s));
  bridge::LoopSpinner spinner;
  spinner.add(inbox);
  const int ep = loop_watching(*inbox);
  ASSERT_GE(ep, 0);
  inbox->request_started(1, 101);
  {
    bridge::LoopSpinner::Pass pass(spinner);
    bridge::Completion own;
    own.token = 7;
    inbox->post(std::move(own));  // as a reply read by the spin itself
    EXPECT_TRUE(inbox->queued());
    EXPECT_FALSE(readable(inbox->fd()));  // no write
    EXPECT_LT(pass.spin(ep, 30s), 30s);   // stops at once: something is queued (or a busy machine spins not at all)
    auto batch = inbox->take();
    ASSERT_EQ(batch.completions.size(), 1u);
    EXPECT_EQ(batch.completions[0].token, 7u);
    EXPECT_FALSE(inbox->queued());

    std::thread other([&] { inbox->post_ready(3); });  // the I/O thread's post is written
    other.join();
    EXPECT_TRUE(readable(inbox->fd()));
    EXPECT_EQ(inbox->take().ready_sources.size(), 1u);
    EXPECT_FALSE(readable(inbox->fd()));

    inbox->post_event(Event::disconnected, "left for the loop");  // not taken before the pass ends
    EXPECT_FALSE(readable(inbox->fd()));
  }
  EXPECT_TRUE(readable(inbox->fd()));  // announced at the end of the pass
  EXPECT_EQ(inbox->take().events.size(), 1u);
  {
    bridge::LoopSpinner::Pass pass(spinner);
    bridge::Completion own;
    own.token = 9;
    inbox->post(std::move(own));
    std::vector<int> ready;
    pass.leave_unannounced(ready);  // as asyncio's select does: it reports the inbox ready itself
    EXPECT_EQ(ready, std::vector<int>{inbox->fd()});
  }
  EXPECT_FALSE(readable(inbox->fd()));  // left to the caller, not announced
  EXPECT_EQ(inbox->take().completions.size(), 1u);
  bridge::Completion later;
  later.token = 8;
  inbox->post(std::move(later));  // outside a pass: written as always
  EXPECT_TRUE(readable(inbox->fd()));
  inbox->request_finished(1);
  ::close(ep);
}

// Completions a thread posts while it handles a connection's input are
// announced once, when that input has all been handled: the language is woken
// once per read, not at the first acknowledgement. Taken before the pass ends,
// nothing is announced. A source's readiness, and anything posted outside a
// pass, is announced at once, as before.
TEST(Inbox, CompletionsPostedDuringAnInputPassAreAnnouncedOnceAtItsEnd) {
  auto inbox = std::make_shared<bridge::Inbox>();
  {
    detail::InputPass pass;
    {
      detail::InputPass nested;  // a handler's poll of another connection
      for (uint64_t token = 1; token <= 3; ++token) {
        bridge::Completion c;
        c.token = token;
        inbox->post(std::move(c));
      }
    }
    EXPECT_TRUE(inbox->queued());
    EXPECT_FALSE(readable(inbox->fd()));  // the outer pass goes on
  }
  EXPECT_TRUE(readable(inbox->fd()));
  EXPECT_EQ(inbox->take().completions.size(), 3u);
  EXPECT_FALSE(readable(inbox->fd()));

  {
    detail::InputPass pass;
    bridge::Completion c;
    c.token = 4;
    inbox->post(std::move(c));
    EXPECT_EQ(inbox->take().completions.size(), 1u);  // taken meanwhile
  }
  EXPECT_FALSE(readable(inbox->fd()));  // nothing left to announce

  {
    detail::InputPass pass;
    inbox->post_ready(5);
    EXPECT_TRUE(readable(inbox->fd()));  // its reader may start on the messages now
  }
  EXPECT_EQ(inbox->take().ready_sources.size(), 1u);

  inbox->post_event(Event::disconnected, "outside a pass");
  EXPECT_TRUE(readable(inbox->fd()));
  EXPECT_EQ(inbox->take().events.size(), 1u);
}
