#include <algorithm>
#include <cctype>

#include "nervure/message.hpp"

namespace nervure {
namespace {
bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

void Headers::add(std::string key, std::string value) { entries_.emplace_back(std::move(key), std::move(value)); }

void Headers::set(std::string key, std::string value) {
  remove(key);
  add(std::move(key), std::move(value));
}

void Headers::remove(std::string_view key) {
  std::erase_if(entries_, [&](const Entry& e) { return same_key(e.first, key); });
}

std::optional<std::string> Headers::get(std::string_view key) const {
  for (const auto& e : entries_)
    if (same_key(e.first, key)) return e.second;
  return std::nullopt;
}

std::vector<std::string> Headers::values(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (same_key(e.first, key)) out.push_back(e.second);
  return out;
}

}  // namespace nervure
