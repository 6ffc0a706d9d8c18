// pub, sub, req, reply: poke a NATS system from a shell.
#include "commands.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "connect_options.hpp"
#include "exit_status.hpp"

namespace nervure::cli {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// Long-running commands wait in slices so that an ended subscription is noticed
// promptly; a timeout in between is not an error.
constexpr Duration kWaitSlice = 1h;

std::string with_units(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One message as people read it; with --raw, only the payload, for pipes.
void print_message(const std::string& title, const Message& m, bool show_headers, bool raw) {
  std::ostringstream out;
  if (raw) {
    out << m.data << "\n";
  } else {
    out << title;
    if (!m.reply.empty()) out << " with reply \"" << m.reply << "\"";
    out << " (" << with_units(m.data.size(), "byte", "bytes") << ")\n";
    bool any_headers = false;
    if (show_headers) {
      if (m.headers.status()) {
        out << "Status: " << m.headers.status() << (m.headers.description().empty() ? "" : " ")
            << m.headers.description() << "\n";
        any_headers = true;
      }
      for (const auto& [k, v] : m.headers.entries()) {
        out << k << ": " << v << "\n";
        any_headers = true;
      }
    }
    if (any_headers) out << "\n";
    out << m.data << "\n\n";
  }
  std::cout << out.str() << std::flush;  // one write: a reader piping us sees whole messages
}

// A subscription that ended before its count means the connection went away.
void check_ended_early(const Connection& nc, int64_t wanted, int64_t got) {
  if (wanted > 0 && got < wanted && nc.is_closed())
    throw Failure(ExitStatus::unreachable, "connection closed after " + std::to_string(got) + " of " +
                                               std::to_string(wanted) + " messages");
}

int pub(const Args& args) {
  const std::string subject = args.positional()[0], data = args.positional_or(1, "");
  const int64_t count = args.integer("count", 1, 1);
  const Headers headers = parse_headers(args.all("header"));
  const std::string reply = args.get("reply");
  auto nc = connect(connection_options(args, "nervure-pub"));
  for (int64_t i = 0; i < count; ++i) {
    if (headers.empty()) nc->publish(subject, data, reply);
    else nc->publish(subject, data, reply, headers);
  }
  // Without the round trip a refused publish (permissions) or a dead server
  // would look like success to the shell.
  nc->flush(10s);
  std::cout << "published " << with_units(static_cast<std::size_t>(count), "message", "messages") << " of "
            << with_units(data.size(), "byte", "bytes") << " to \"" << subject << "\"\n";
  return 0;
}

int sub(const Args& args) {
  const std::string subject = args.positional()[0];
  const int64_t count = args.integer("count", 0, 0);
  Options o = connection_options(args, "nervure-sub");
  report_events_on_stderr(o, "sub");
  auto nc = connect(o);
  auto sub = nc->subscribe(subject, SubscribeOptions{.queue = args.get("queue"), .max_msgs = count});
  nc->flush(5s);  // the server has the interest before we say we are listening
  std::cerr << "listening on \"" << subject << "\"" << (args.has("queue") ? " in queue " + args.get("queue") : "")
            << (count ? " for " + with_units(static_cast<std::size_t>(count), "message", "messages") : "")
            << "\n";
  int64_t received = 0;
  for (;;) {
    std::optional<Message> m;
    try {
      m = sub->next(kWaitSlice);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::timeout) continue;
      throw;
    }
    if (!m) break;
    ++received;
    print_message("[#" + std::to_string(received) + "] received on \"" + m->subject + "\"", *m,
                  args.has("headers"), args.has("raw"));
  }
  check_ended_early(*nc, count, received);
  return 0;
}

int req(const Args& args) {
  const std::string subject = args.positional()[0];
  const Headers headers = parse_headers(args.all("header"));
  const auto timeout = args.duration("timeout", 2s);
  if (timeout.count() <= 0) throw UsageError("--timeout must be positive");
  auto nc = connect(connection_options(args, "nervure-req"));
  const auto start = steady::now();
  Message reply;
  try {
    reply = nc->request(subject, args.positional_or(1, ""), timeout, headers.empty() ? nullptr : &headers);
  } catch (const Error& e) {
    // The core's messages do not name the subject; a shell user wants to see it.
    if (e.code() == ErrorCode::no_responders)
      throw Failure(ExitStatus::no_responders, "no responders on \"" + subject + "\"\n  start one, e.g. nervure reply " + subject);
    if (e.code() == ErrorCode::timeout)
      throw Failure(ExitStatus::timeout, "no reply on \"" + subject + "\" within " + format_duration(timeout));
    throw;
  }
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - start).count();
  std::ostringstream title;
  title << "reply in " << std::fixed << std::setprecision(us < 10000 ? 2 : 0) << us / 1000.0 << " ms";
  print_message(title.str(), reply, true, args.has("raw"));
  return 0;
}

int reply(const Args& args) {
  const std::string subject = args.positional()[0];
  const bool echo = args.positional().size() < 2;
  const std::string response = args.positional_or(1, "");
  const Headers headers = parse_headers(args.all("header"));
  const int64_t count = args.integer("count", 0, 0);
  Options o = connection_options(args, "nervure-reply");
  report_events_on_stderr(o, "reply");
  auto nc = connect(o);
  auto sub = nc->subscribe(subject, SubscribeOptions{.queue = args.get("queue"), .max_msgs = count});
  nc->flush(5s);
  std::cerr << "answering requests on \"" << subject << "\"" << (echo ? " with their own payload" : "")
            << (count ? " for " + with_units(static_cast<std::size_t>(count), "request", "requests") : "") << "\n";
  int64_t handled = 0;
  for (;;) {
    std::optional<Message> m;
    try {
      m = sub->next(kWaitSlice);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::timeout) continue;
      throw;
    }
    if (!m) break;
    ++handled;
    if (m->reply.empty()) {
      std::cerr << "[#" << handled << "] message on \"" << m->subject << "\" has no reply subject; not answered\n";
      continue;
    }
    const std::string& body = echo ? m->data : response;
    if (headers.empty()) nc->publish(m->reply, body);
    else nc->publish(m->reply, body, {}, headers);
    std::cout << "[#" << handled << "] answered a request on \"" << m->subject << "\" ("
              << with_units(m->data.size(), "byte", "bytes") << " in, " << with_units(body.size(), "byte", "bytes")
              << " out)\n"
              << std::flush;
  }
  nc->flush(5s);  // the last answer must leave before the process does
  check_ended_early(*nc, count, handled);
  return 0;
}

}  // namespace

const Command& pub_command() {
  static const Command c{{"pub", "SUBJECT [DATA]",
                          "Publish DATA (empty when omitted) to SUBJECT, then wait until the server has it.",
                          {{"count", "N", "publish the message N times (default 1)"},
                           {"header", "KEY:VALUE", "add a header", true},
                           {"reply", "SUBJECT", "reply subject to send with the message"}},
                          1, 2},
                         pub};
  return c;
}

const Command& sub_command() {
  static const Command c{{"sub", "SUBJECT",
                          "Print the messages published to SUBJECT (wildcards * and > allowed) until\n"
                          "--count messages have arrived, or until interrupted.",
                          {{"queue", "GROUP", "join queue group GROUP: each message goes to one member"},
                           {"count", "N", "exit after N messages (default 0: never)"},
                           {"headers", "", "print message headers"},
                           {"raw", "", "print only the payloads, one per line"}},
                          1, 1},
                         sub};
  return c;
}

const Command& req_command() {
  static const Command c{{"req", "SUBJECT [DATA]",
                          "Send a request with DATA to SUBJECT and print the first reply.",
                          {{"timeout", "DURATION", "how long to wait for the reply, e.g. 500ms, 2s (default 2s)"},
                           {"header", "KEY:VALUE", "add a header", true},
                           {"raw", "", "print only the reply payload"}},
                          1, 2},
                         req};
  return c;
}

const Command& reply_command() {
  static const Command c{{"reply", "SUBJECT [RESPONSE]",
                          "Answer requests on SUBJECT with RESPONSE, or with the request's own payload when\n"
                          "RESPONSE is omitted, until --count requests or until interrupted.",
                          {{"queue", "GROUP", "join queue group GROUP to share the requests with other responders"},
                           {"count", "N", "exit after N requests (default 0: never)"},
                           {"header", "KEY:VALUE", "add a header to each response", true}},
                          1, 2},
                         reply};
  return c;
}

}  // namespace nervure::cli
