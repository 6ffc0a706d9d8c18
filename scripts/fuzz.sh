#!/usr/bin/env bash
# Builds the protocol parser fuzzer with clang's libFuzzer and runs it for
# FUZZ_SECONDS (default 60) from the seed corpus in core/fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
dir="$NERVURE_BUILD_DIR/fuzz"
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DNERVURE_FUZZ=ON -DNERVURE_BUILD_TESTS=OFF \
  -DNERVURE_BUILD_CLI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNERVURE_SANITIZE=address,undefined >/dev/null
cmake --build "$dir" --target parser_fuzz -j "$(nproc)"
work="$dir/corpus"
mkdir -p "$work"
echo "fuzz: parser for ${FUZZ_SECONDS:-60}s"
"$dir/core/fuzz/parser_fuzz" -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=1 \
  "$work" core/fuzz/corpus
