#pragma once
// Unique ids for inboxes: a random prefix renewed when a sequence with a random
// stride runs out, so ids are unique across processes without coordination.
#include <cstdint>
#include <mutex>
#include <string>

namespace nervure::detail {

class Nuid {
 public:
  static constexpr std::size_t length = 22;
  Nuid();
  std::string next();

 private:
  void randomize_prefix();
  std::mutex mu_;
  char prefix_[12];
  uint64_t seq_;
  uint64_t inc_;
};

/// Process-wide generator.
std::string next_nuid();

}  // namespace nervure::detail
