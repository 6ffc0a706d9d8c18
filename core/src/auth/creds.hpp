#pragma once
// The .creds file written by nsc: a user JWT and the user's NKey seed.
#include <string>

namespace nervure::auth {

struct Creds {
  std::string jwt;
  std::string seed;  // wipe() it when done
};

/// Throws Error(invalid_argument) naming the file and the problem, never its content.
Creds read_creds_file(const std::string& path);

}  // namespace nervure::auth
