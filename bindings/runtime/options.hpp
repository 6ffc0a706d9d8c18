#pragma once
// Sets one connect option by its name in bindings/api/nervure.json. Generated
// glue calls this for each option a user passed; unknown names are rejected.
#include <cstdint>
#include <string>
#include <string_view>

#include "nervure/errors.hpp"
#include "nervure/options.hpp"

namespace nervure::bridge {

void set_option(Options& o, std::string_view name, std::string_view text_value, int64_t int_value, bool bool_value);

}  // namespace nervure::bridge
