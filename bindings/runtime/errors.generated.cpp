// generated from the definition in bindings/api/ by bindings/generator; do not edit
#include "bridge.hpp"

namespace nervure::bridge {

void error_fields(const Error& e, std::vector<ErrorField>& out) {
  if (auto* x = dynamic_cast<const JetStreamApiError*>(&e)) {
    out.push_back(ErrorField{"code", false, static_cast<int64_t>(x->status()), {}});
    out.push_back(ErrorField{"err_code", false, static_cast<int64_t>(x->err_code()), {}});
    return;
  }
  if (auto* x = dynamic_cast<const ActorError*>(&e)) {
    out.push_back(ErrorField{"remote_type", true, 0, std::string(x->remote_type())});
    return;
  }
  (void)e;
  (void)out;
}

}  // namespace nervure::bridge
