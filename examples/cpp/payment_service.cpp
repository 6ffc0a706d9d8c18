// Answers shop.payments.authorise: approves amounts up to 500, declines above.
#include <csignal>
#include <iostream>

#include "example_common.hpp"

using namespace std::chrono_literals;

int main() {
  auto nc = nervure::Connection::connect(shop_options("payment-service"));
  auto requests = nc->subscribe("shop.payments.authorise", nervure::SubscribeOptions{.queue = "payments"});
  std::cout << "payment-service: listening on shop.payments.authorise" << std::endl;
  // Runs until its subscription ends (the connection closes) or it has been idle for a while.
  while (true) {
    std::optional<nervure::Message> req;
    try {
      req = requests->next(30s);
    } catch (const nervure::Error& e) {
      if (e.code() == nervure::ErrorCode::timeout) break;
      throw;
    }
    if (!req) break;
    const double amount = std::stod(req->data.empty() ? "0" : req->data);
    const std::string verdict = amount <= 500 ? "approved" : "declined";
    nervure::Headers h;
    h.add("Payment-Verdict", verdict);
    nc->publish(req->reply, verdict, "", h);
    std::cout << "payment-service: " << req->data << " -> " << verdict << std::endl;
  }
}
