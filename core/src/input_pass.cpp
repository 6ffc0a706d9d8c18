#include "input_pass.hpp"

#include <utility>

namespace nervure::detail {
namespace {

struct Deferred {
  std::shared_ptr<void> owner;
  void (*run)(void*);
};

thread_local int depth = 0;
thread_local std::vector<Deferred> deferred;

}  // namespace

bool in_input_pass() { return depth > 0; }

void at_end_of_input_pass(std::shared_ptr<void> owner, void (*run)(void* owner)) {
  if (depth == 0) return run(owner.get());
  deferred.push_back({std::move(owner), run});
}

InputPass::InputPass() { ++depth; }

InputPass::~InputPass() {
  if (--depth > 0 || deferred.empty()) return;
  // Run outside any pass: what they defer runs at once, or is drained by a pass
  // they open themselves, so nothing is left behind in deferred.
  std::vector<Deferred> now;
  now.swap(deferred);
  for (auto& d : now) {
    try {
      d.run(d.owner.get());
    } catch (...) {
      // A deferred wake-up that fails must not unwind out of the reading thread.
    }
  }
  now.clear();
  deferred.swap(now);  // keeps the capacity for the next pass
}

}  // namespace nervure::detail
