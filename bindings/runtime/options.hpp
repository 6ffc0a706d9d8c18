#pragma once
// Sets one connect option by its name in bindings/api/*.json. Each language
// passes the options a user gave, typed as the definition says; unknown names
// and values of the wrong type are rejected with InvalidArgumentError.
#include <cstdint>
#include <string>
#include <string_view>

#include "nervure/errors.hpp"
#include "nervure/options.hpp"

namespace nervure::bridge {

enum class OptionType { string, int_, bool_, duration };

/// One option's value as a language hands it over. Durations are milliseconds.
struct OptionValue {
  OptionType type;
  std::string_view text;
  int64_t number = 0;
  bool flag = false;

  static OptionValue of_text(std::string_view s) { return {OptionType::string, s, 0, false}; }
  static OptionValue of_int(int64_t n) { return {OptionType::int_, {}, n, false}; }
  static OptionValue of_bool(bool b) { return {OptionType::bool_, {}, 0, b}; }
  static OptionValue of_ms(int64_t ms) { return {OptionType::duration, {}, ms, false}; }

  /// Integers are accepted for durations (milliseconds), nothing else converts.
  void expect(OptionType wanted, std::string_view name) const {
    if (type == wanted || (wanted == OptionType::duration && type == OptionType::int_)) return;
    static constexpr const char* names[] = {"a string", "an integer", "a boolean", "a duration"};
    throw Error(ErrorCode::invalid_argument,
                std::string(name) + " must be " + names[static_cast<int>(wanted)]);
  }
};

void set_option(Options& o, std::string_view name, const OptionValue& value);

}  // namespace nervure::bridge
