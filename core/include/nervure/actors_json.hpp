#pragma once
// Actor host metrics as JSON text, for the language packages.
#include <string>
#include <vector>

#include "nervure/actors.hpp"

namespace nervure::json_api {

/// {"methods": [{"actor_type", "method", "calls", "failed",
///   "wait": {"p50_us", "p90_us", "p99_us", "max_us", "mean_us"}, "run": {...}}]}
std::string method_stats_json(const std::vector<ActorMethodStats>& methods);

}  // namespace nervure::json_api
