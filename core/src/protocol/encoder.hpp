#pragma once
// Appends client protocol frames to an output buffer.
#include <cstdint>
#include <string>
#include <string_view>

namespace nervure::protocol {

void encode_pub(std::string& out, std::string_view subject, std::string_view reply, std::string_view payload);
/// header_block is the encoded NATS/1.0 block (see encode_headers).
void encode_hpub(std::string& out, std::string_view subject, std::string_view reply,
                 std::string_view header_block, std::string_view payload);
void encode_sub(std::string& out, std::string_view subject, std::string_view queue, uint64_t sid);
/// max == 0: unsubscribe now; otherwise after max messages in total.
void encode_unsub(std::string& out, uint64_t sid, uint64_t max = 0);
void encode_connect(std::string& out, std::string_view json);

inline constexpr std::string_view ping_frame = "PING\r\n";
inline constexpr std::string_view pong_frame = "PONG\r\n";

}  // namespace nervure::protocol
