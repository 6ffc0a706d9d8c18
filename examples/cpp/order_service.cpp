// Creates orders: reserves stock with the product's inventory actor, asks the
// payment service to authorise the order, then publishes it into the ORDERS
// JetStream stream as shop.orders.order.created (the order id de-duplicates).
#include <iostream>
#include <msgpack.hpp>
#include <thread>

#include "example_common.hpp"

using namespace std::chrono_literals;

namespace {
std::string pack_int(int64_t n) {
  msgpack::sbuffer buf;
  msgpack::pack(buf, n);
  return std::string(buf.data(), buf.size());
}

// The inventory actor's answer: {"reserved": bool, "left": stock}.
bool reserved(const std::string& reply) {
  auto map = msgpack::unpack(reply.data(), reply.size())->as<std::map<std::string, msgpack::object>>();
  return map.at("reserved").as<bool>();
}
}  // namespace

int main() {
  auto nc = nervure::Connection::connect(shop_options("order-service"));
  const struct {
    const char* id;
    const char* product;
    const char* amount;
  } orders[] = {{"o-1001", "kettle", "49.90"},
                {"o-1002", "espresso-machine", "899.00"},
                {"o-1003", "mug", "9.50"},
                {"o-1004", "espresso-machine", "899.00"}};
  nervure::JetStream js(nc);
  try {
    nervure::StreamConfig orders;
    orders.name = "ORDERS";
    orders.subjects = {"shop.orders.>"};
    js.add_stream(orders);
  } catch (const nervure::JetStreamApiError& e) {
    if (e.err_code() != 10058) throw;  // exists already, configured otherwise: use it as it is
  }
  // The warehouse delivered: one espresso machine, so the second order of one is refused.
  // Services start together: wait (a while) for the inventory service to host its actors.
  for (int attempt = 1;; ++attempt) try {
      nervure::ActorProxy(nc, "inventory", "kettle").invoke("restock", pack_int(5));
      break;
    } catch (const nervure::Error& e) {
      if (e.code() != nervure::ErrorCode::no_responders || attempt == 100) throw;
      std::this_thread::sleep_for(100ms);
    }
  for (auto [product, stock] : {std::pair{"espresso-machine", 1}, {"mug", 100}})
    nervure::ActorProxy(nc, "inventory", product).invoke("restock", pack_int(stock));
  for (const auto& o : orders) {
    try {
      if (!reserved(nervure::ActorProxy(nc, "inventory", o.product).invoke("reserve", pack_int(1)))) {
        std::cout << "order-service: " << o.id << " not placed: " << o.product << " out of stock" << std::endl;
        continue;
      }
      auto verdict = nc->request("shop.payments.authorise", o.amount, 2s);
      nervure::Headers h;
      h.add("Order-Id", o.id);
      h.add("Payment-Verdict", verdict.data);
      std::string event = std::string("{\"id\":\"") + o.id + "\",\"product\":\"" + o.product + "\",\"amount\":" +
                          o.amount + ",\"payment\":\"" + verdict.data + "\"}";
      nervure::PublishOptions po;
      po.msg_id = o.id;
      po.headers = &h;
      auto ack = js.publish("shop.orders.order.created", event, po);
      std::cout << "order-service: " << o.id << " " << o.product << " " << o.amount << " payment " << verdict.data
                << (ack.duplicate ? ", already stored" : ", stored as ORDERS #" + std::to_string(ack.seq))
                << std::endl;
    } catch (const nervure::Error& e) {
      std::cout << "order-service: " << o.id << " not placed: " << nervure::error_name(e.code()) << ": " << e.what()
                << std::endl;
    }
  }
  nc->drain(5s);
}
