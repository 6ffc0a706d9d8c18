#pragma once
// Work a thread does once the input it is handling has all been parsed. A
// language binding queues everything one read produced and wakes its language
// once, at the end: woken at the first message, the language's thread took
// the queue while the reader was still filling it, and the two contended for
// the queue's lock at the messages that followed (a futex call every few dozen
// JetStream acknowledgements).
#include <memory>
#include <vector>

namespace nervure::detail {

/// True while this thread handles a connection's input (InputPass).
bool in_input_pass();

/// Runs run(owner) once the input pass in progress on this thread ends, or at
/// once when none is; owner is kept alive until then.
void at_end_of_input_pass(std::shared_ptr<void> owner, void (*run)(void* owner));

/// One pass over a connection's input on this thread. Passes nest (a handler
/// may poll another connection): the deferred work runs when the outermost ends.
class InputPass {
 public:
  InputPass();
  ~InputPass();
  InputPass(const InputPass&) = delete;
  InputPass& operator=(const InputPass&) = delete;
};

}  // namespace nervure::detail
