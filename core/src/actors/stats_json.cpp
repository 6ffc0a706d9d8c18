#include <nlohmann/json.hpp>

#include "nervure/actors_json.hpp"

namespace nervure::json_api {
namespace {

nlohmann::json latency(const LatencySummary& s) {
  return {{"p50_us", s.p50_us}, {"p90_us", s.p90_us}, {"p99_us", s.p99_us}, {"max_us", s.max_us}, {"mean_us", s.mean_us}};
}

}  // namespace

std::string method_stats_json(const std::vector<ActorMethodStats>& methods) {
  auto list = nlohmann::json::array();
  for (const auto& m : methods)
    list.push_back({{"actor_type", m.actor_type},
                    {"method", m.method},
                    {"calls", m.calls},
                    {"failed", m.failed},
                    {"wait", latency(m.wait)},
                    {"run", latency(m.run)}});
  // A method name is whatever a caller sent: never let bad UTF-8 throw here.
  return nlohmann::json{{"methods", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nervure::json_api
