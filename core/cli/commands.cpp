// pub, sub, req, reply: poke a NATS system from a shell.
#include "commands.hpp"

#include <iostream>

namespace nervure::cli {
namespace {

void print_message(const Message& m, bool show_headers) {
  std::cout << "[" << m.subject << "]";
  if (!m.reply.empty()) std::cout << " reply=" << m.reply;
  std::cout << " " << m.data.size() << " bytes\n";
  if (show_headers) {
    if (m.headers.status()) std::cout << "  status: " << m.headers.status() << " " << m.headers.description() << "\n";
    for (const auto& [k, v] : m.headers.entries()) std::cout << "  " << k << ": " << v << "\n";
  }
  std::cout << m.data << "\n" << std::flush;
}

std::vector<std::string> with_connection_flags(std::vector<std::string> own) {
  own.insert(own.end(), connection_flags().begin(), connection_flags().end());
  return own;
}

}  // namespace

int run_pub(int argc, char** argv) {
  Args args(argc, argv, 2, with_connection_flags({"count", "header", "reply"}));
  if (args.positional().empty() || args.has("help"))
    throw UsageError("usage: nervure pub SUBJECT [DATA] [--count N] [--header K:V]... [--reply SUBJECT]");
  const std::string subject = args.positional()[0], data = args.positional_or(1, "");
  const int64_t count = args.integer("count", 1);
  Headers headers = parse_headers(args.all("header"));
  auto nc = Connection::connect(connection_options(args, "nervure-pub"));
  for (int64_t i = 0; i < count; ++i) {
    if (headers.empty()) nc->publish(subject, data, args.get("reply"));
    else nc->publish(subject, data, args.get("reply"), headers);
  }
  nc->flush(std::chrono::seconds(10));
  std::cout << "published " << count << " message" << (count == 1 ? "" : "s") << " to " << subject << "\n";
  return 0;
}

int run_sub(int argc, char** argv) {
  Args args(argc, argv, 2, with_connection_flags({"queue", "count"}));
  if (args.positional().empty() || args.has("help"))
    throw UsageError("usage: nervure sub SUBJECT [--queue GROUP] [--count N] [--headers]");
  const int64_t count = args.integer("count", 0);
  auto nc = Connection::connect(connection_options(args, "nervure-sub"));
  auto sub = nc->subscribe(args.positional()[0], SubscribeOptions{.queue = args.get("queue"), .max_msgs = count});
  nc->flush(std::chrono::seconds(5));
  std::cerr << "listening on " << args.positional()[0] << (count ? " for " + std::to_string(count) + " messages" : "")
            << "\n";
  while (true) {
    try {
      auto m = sub->next(std::chrono::hours(24));
      if (!m) break;
      print_message(*m, args.has("headers"));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::timeout) throw;
    }
  }
  return 0;
}

int run_req(int argc, char** argv) {
  Args args(argc, argv, 2, with_connection_flags({"timeout", "header"}));
  if (args.positional().empty() || args.has("help"))
    throw UsageError("usage: nervure req SUBJECT [DATA] [--timeout 2s] [--header K:V]...");
  Headers headers = parse_headers(args.all("header"));
  auto nc = Connection::connect(connection_options(args, "nervure-req"));
  auto reply = nc->request(args.positional()[0], args.positional_or(1, ""), args.duration("timeout", std::chrono::seconds(2)),
                           headers.empty() ? nullptr : &headers);
  print_message(reply, true);
  return 0;
}

int run_reply(int argc, char** argv) {
  Args args(argc, argv, 2, with_connection_flags({"queue", "count"}));
  if (args.positional().empty() || args.has("help"))
    throw UsageError("usage: nervure reply SUBJECT [RESPONSE] [--queue GROUP] [--count N]");
  const std::string response = args.positional_or(1, "");
  const int64_t count = args.integer("count", 0);
  auto nc = Connection::connect(connection_options(args, "nervure-reply"));
  auto sub = nc->subscribe(args.positional()[0], SubscribeOptions{.queue = args.get("queue"), .max_msgs = count});
  nc->flush(std::chrono::seconds(5));
  std::cerr << "answering requests on " << args.positional()[0] << "\n";
  while (true) {
    try {
      auto m = sub->next(std::chrono::hours(24));
      if (!m) break;
      if (!m->reply.empty()) nc->publish(m->reply, response.empty() ? m->data : response);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::timeout) throw;
    }
  }
  nc->flush(std::chrono::seconds(5));
  return 0;
}

}  // namespace nervure::cli
