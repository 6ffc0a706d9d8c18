#pragma once
// Consumer creation for the parts of the library that make their own
// (ordered consumers, key-value watchers).
#include "jetstream/context.hpp"

namespace nervure::detail {

enum class ConsumerAction { create, update, create_or_update };

ConsumerInfo upsert_consumer(JetStreamImpl& js, const std::string& stream, const ConsumerConfig& config,
                             ConsumerAction action);

}  // namespace nervure::detail
