// How nervure bench shows its results: a table for people, a JSON line for scripts.
#include <cstdio>
#include <iostream>
#include <string>

#include "bench.hpp"

namespace nervure::cli {
namespace {

// 1234567 -> "1,234,567": rates span six orders of magnitude and are read at a glance.
std::string grouped(double v) {
  std::string digits = std::to_string(static_cast<long long>(v + 0.5)), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string& end_line(std::string& s) {
  s.erase(s.find_last_not_of(' ') + 1);
  return s += "\n";
}

}  // namespace

void print_table(const BenchResult& r) {
  const char* unit = r.mode == "reqrep" ? "round trips/s" : r.mode.starts_with("kv-") ? "ops/s" : "msgs/s";
  std::string out;
  out += pad("mode", 8) + pad("payload", 10) + pad("messages", 12) + pad("seconds", 10) + pad(unit, 15) + "MB/s";
  if (r.mode == "pubsub") out += "      dropped";
  end_line(out);
  out += pad(r.mode, 8) + pad(std::to_string(r.size) + " B", 10) + pad(std::to_string(r.msgs), 12) +
         pad(fixed(r.seconds, 3), 10) + pad(grouped(r.msgs_per_sec()), 15) + pad(fixed(r.mb_per_sec(), 1), 10);
  if (r.mode == "pubsub") out += std::to_string(r.dropped);
  end_line(out);
  if (!r.latencies_us.empty()) {
    out += "\n" + pad("latency (us)", 14);
    for (const char* h : {"min", "p50", "p90", "p99", "p99.9", "max"}) out += pad(h, 10);
    end_line(out) += pad("", 14);
    for (double p : {0.0, 0.5, 0.9, 0.99, 0.999, 1.0}) out += pad(fixed(r.percentile(p), 1), 10);
    end_line(out);
  }
  if (r.hit_duration) out += "(stopped by --duration before --msgs was reached)\n";
  std::cout << out;
}

void print_json(const BenchResult& r) {
  std::string out = "{\"client\":\"nervure\",\"mode\":\"" + r.mode + "\",\"size\":" + std::to_string(r.size) +
                    ",\"msgs\":" + std::to_string(r.msgs) + ",\"seconds\":" + fixed(r.seconds, 4) +
                    ",\"msgs_per_sec\":" + fixed(r.msgs_per_sec(), 0) + ",\"mb_per_sec\":" + fixed(r.mb_per_sec(), 2) +
                    ",\"dropped\":" + std::to_string(r.dropped) +
                    ",\"hit_duration\":" + (r.hit_duration ? "true" : "false");
  if (!r.latencies_us.empty()) {
    const std::pair<const char*, double> points[] = {{"p50_us", 0.5},   {"p90_us", 0.9},  {"p99_us", 0.99},
                                                     {"p999_us", 0.999}, {"max_us", 1.0}};
    for (auto [name, p] : points) out += ",\"" + std::string(name) + "\":" + fixed(r.percentile(p), 1);
  }
  std::cout << out << "}\n";
}

}  // namespace nervure::cli
