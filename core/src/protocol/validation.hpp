#pragma once
#include <string_view>

namespace nervure::protocol {

/// Throw InvalidSubjectError with a message naming the bad subject or queue.
void validate_publish_subject(std::string_view subject);
void validate_subscribe_subject(std::string_view subject);
void validate_queue_group(std::string_view queue);

}  // namespace nervure::protocol
