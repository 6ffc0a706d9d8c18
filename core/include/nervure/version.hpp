#pragma once
namespace nervure {
inline constexpr const char* version = "0.1.0";
}
