#pragma once
// NATS NKeys: Ed25519 keys in base32 with a type prefix and a CRC16 checksum.
#include <string>
#include <string_view>

namespace nervure::auth {

/// The public key ("U...", "A...", ...) of a seed ("SU...", "SA...", ...).
/// Surrounding whitespace is ignored. Throws Error(invalid_argument,
/// "invalid NKey seed: <reason>") without echoing the seed.
std::string public_key_from_seed(std::string_view seed);

/// Ed25519 signature of nonce, base64url without padding, as CONNECT's "sig" wants it.
/// A bad seed throws as public_key_from_seed does.
std::string sign_nonce(std::string_view seed, std::string_view nonce);

/// Overwrites secret bytes before the string is released.
void wipe(std::string& secret);

}  // namespace nervure::auth
