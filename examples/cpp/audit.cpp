// Reads everything under shop.> and prints one line per message, until idle.
#include <iostream>

#include "example_common.hpp"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
  const auto idle = std::chrono::seconds(argc > 1 ? std::atoi(argv[1]) : 5);
  auto nc = nervure::Connection::connect(shop_options("audit"));
  auto all = nc->subscribe("shop.>");
  nc->flush(2s);
  std::cout << "audit: watching shop.>" << std::endl;
  try {
    while (auto m = all->next(idle)) {
      std::cout << "audit: " << m->subject << " " << m->data;
      for (const auto& [k, v] : m->headers.entries()) std::cout << " [" << k << "=" << v << "]";
      std::cout << std::endl;
    }
  } catch (const nervure::Error& e) {
    if (e.code() != nervure::ErrorCode::timeout) throw;
  }
  std::cout << "audit: idle, done" << std::endl;
}
