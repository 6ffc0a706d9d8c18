// Hosts the inventory actors: one per product, holding its stock. Arguments
// and results are MessagePack, so callers in any language can use them.
//   reserve(quantity) -> {"reserved": bool, "left": stock}
//   restock(quantity) -> stock
#include <signal.h>

#include <iostream>
#include <msgpack.hpp>

#include "example_common.hpp"

namespace {

template <typename T>
std::string pack(const T& value) {
  msgpack::sbuffer buf;
  msgpack::pack(buf, value);
  return std::string(buf.data(), buf.size());
}

int64_t unpack_int(std::string_view bytes) { return msgpack::unpack(bytes.data(), bytes.size())->as<int64_t>(); }

class Inventory : public nervure::MethodActor {
 public:
  Inventory() {
    method("reserve", [](nervure::ActorContext& ctx, std::string_view args) {
      int64_t want = unpack_int(args), stock = std::stoll(ctx.get("stock").value_or("0"));
      bool ok = want > 0 && want <= stock;
      if (ok) ctx.set("stock", std::to_string(stock -= want));
      std::cout << "inventory-service: " << ctx.actor_id() << (ok ? " reserved " : " refused ") << want << ", "
                << stock << " left" << std::endl;
      return pack(std::map<std::string, msgpack::type::variant>{{"reserved", ok}, {"left", stock}});
    });
    method("restock", [](nervure::ActorContext& ctx, std::string_view args) {
      int64_t stock = unpack_int(args);
      if (stock < 0) throw std::invalid_argument("stock cannot be negative");
      ctx.set("stock", std::to_string(stock));
      return pack(stock);
    });
  }
};

}  // namespace

int main() {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  auto nc = nervure::Connection::connect(shop_options("inventory-service"));
  nervure::ActorRuntime runtime(nc);
  runtime.register_type("inventory", [](const std::string&) { return std::make_unique<Inventory>(); });
  runtime.start();
  std::cout << "inventory-service: hosting inventory actors" << std::endl;
  int sig = 0;
  sigwait(&stop, &sig);
  runtime.stop();  // saves every actor and hands its partitions over
}
