// Creates orders: asks the payment service to authorise each one, then
// announces it on shop.orders.order.created.
#include <iostream>

#include "example_common.hpp"

using namespace std::chrono_literals;

int main() {
  auto nc = nervure::Connection::connect(shop_options("order-service"));
  const struct {
    const char* id;
    const char* product;
    const char* amount;
  } orders[] = {{"o-1001", "kettle", "49.90"}, {"o-1002", "espresso-machine", "899.00"}, {"o-1003", "mug", "9.50"}};
  for (const auto& o : orders) {
    try {
      auto verdict = nc->request("shop.payments.authorise", o.amount, 2s);
      nervure::Headers h;
      h.add("Order-Id", o.id);
      h.add("Payment-Verdict", verdict.data);
      std::string event = std::string("{\"id\":\"") + o.id + "\",\"product\":\"" + o.product + "\",\"amount\":" +
                          o.amount + ",\"payment\":\"" + verdict.data + "\"}";
      nc->publish("shop.orders.order.created", event, "", h);
      std::cout << "order-service: " << o.id << " " << o.product << " " << o.amount << " payment " << verdict.data
                << std::endl;
    } catch (const nervure::Error& e) {
      std::cout << "order-service: " << o.id << " not placed: " << nervure::error_name(e.code()) << ": " << e.what()
                << std::endl;
    }
  }
  nc->drain(5s);
}
