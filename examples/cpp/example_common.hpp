#pragma once
// What every shop example shares: where the server is.
#include <cstdlib>
#include <string>

#include "nervure/nervure.hpp"

inline nervure::Options shop_options(const std::string& name) {
  nervure::Options o;
  const char* url = std::getenv("NERVURE_URL");
  o.servers = {url && *url ? url : "nats://127.0.0.1:4222"};
  o.name = name;
  return o;
}
