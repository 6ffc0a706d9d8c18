#!/usr/bin/env bash
# Runs each language's suite that exists and prints one closing total.
# A suite is `ctest` for C++, or <lang>/test.sh, which must end its output with
# a line "N passed, N failed" (optionally ", N skipped").
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

only="${1:-}"
logs="$NERVURE_BUILD_DIR/test-logs"
mkdir -p "$logs"
total_pass=0 total_fail=0 total_skip=0 broken=() failed_cases=()

count_line() {  # prints "P F S" from the last "N passed, N failed" line of a log
  grep -aE '^[A-Za-z]*:? ?[0-9]+ passed, [0-9]+ failed' "$1" | tail -n1 |
    sed -E 's/^[^0-9]*([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/'
}

run_cpp() {  # label, build dir
  local label=$1 dir=$2 log="$logs/$1.log"
  echo "== $label (ctest in $dir)"
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/core/tests/tsan.supp \
    ctest --test-dir "$dir" -V --timeout 900 >"$log" 2>&1
  local rc=$?
  local p f
  p=$(grep -aE '^[0-9]+: \[  PASSED  \] [0-9]+ test' "$log" | sed -E 's/.*PASSED  \] ([0-9]+).*/\1/' | awk '{s+=$1} END{print s+0}')
  f=$(grep -aE '^[0-9]+: \[  FAILED  \] [0-9]+ test' "$log" | sed -E 's/.*FAILED  \] ([0-9]+).*/\1/' | awk '{s+=$1} END{print s+0}')
  local s
  s=$(grep -aE '^[0-9]+: \[  SKIPPED \] [0-9]+ test' "$log" | sed -E 's/.*SKIPPED \] ([0-9]+).*/\1/' | awk '{s+=$1} END{print s+0}')
  p=${p:-0} f=${f:-0}
  local case
  while read -r case; do
    [ -n "$case" ] && failed_cases+=("$label: $case") && echo "   FAILED $case"
  done < <(grep -aE '^[0-9]+: \[  FAILED  \] [A-Za-z]' "$log" | sed -E 's/^[0-9]+: \[  FAILED  \] //; s/ \(.*//' | sort -u)
  grep -aE 'tests passed|tests failed' "$log" | tail -n1
  if [ $rc -ne 0 ] && [ "$f" = 0 ]; then
    echo "   ctest failed without a failing test case (crash or timeout):"
    grep -aE 'Failed|Exception|Timeout|\*\*\*' "$log" | tail -n 15 | sed 's/^/   /'
    broken+=("$label")
  fi
  echo "$label: $p passed, $f failed, $s skipped"
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
}

run_lang() {  # label, directory holding test.sh (default: the label)
  local lang=$1 dir=${2:-$1} log="$logs/$1.log"
  [ -x "$dir/test.sh" ] || return 0
  echo "== $lang"
  "$dir/test.sh" 2>&1 | tee "$log" | grep -aE 'passed|failed|FAIL|Error' | tail -n 20
  local rc=${PIPESTATUS[0]}
  read -r p f s <<<"$(count_line "$log")"
  if [ -z "${p:-}" ]; then
    echo "   $lang/test.sh printed no count (exit $rc); last lines:"; tail -n 30 "$log" | sed 's/^/   /'
    broken+=("$lang"); return
  fi
  if [ $rc -ne 0 ] && [ "$f" = 0 ]; then broken+=("$lang"); fi
  local case  # pytest's FAILED lines, node's "not ok", go's "--- FAIL", Surefire's "[ERROR] name", conformance's FAIL
  while read -r case; do failed_cases+=("$lang: $case"); done < <(
    grep -aE '^(FAILED |not ok |--- FAIL|FAIL  |\[ERROR\] +[A-Za-z_.]+[:(])' "$log" | sort -u | head -n 20)
  echo "$lang: $p passed, $f failed${s:+, $s skipped}"
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + ${s:-0}))
}

# The C++ suites also run under ASan+UBSan and TSan (built by scripts/sanitize.sh).
build_sanitized() {
  echo "== building the C++ suites with $1"
  scripts/sanitize.sh --build-only "$1" >"$logs/build-$1.log" 2>&1 ||
    { echo "   build failed:"; tail -n 20 "$logs/build-$1.log" | sed 's/^/   /'; broken+=("cpp-$1"); return 1; }
}

# conformance last: it uses what the language suites built.
for suite in cpp cpp-asan cpp-tsan python node java go conformance; do
  [ -n "$only" ] && [ "$only" != "$suite" ] && continue
  case $suite in
    cpp) run_cpp cpp "$NERVURE_BUILD_DIR" ;;
    cpp-asan|cpp-tsan)
      kind=${suite#cpp-}
      build_sanitized "$kind" && run_cpp "$suite" "$NERVURE_BUILD_DIR/$kind" ;;
    conformance) run_lang conformance tests/conformance ;;
    *) run_lang "$suite" ;;
  esac
done

echo
# Repeated last, so the names survive when only the tail of the output is kept.
for case in "${failed_cases[@]}"; do echo "failed: $case"; done
[ ${#broken[@]} -gt 0 ] && echo "suites that did not finish cleanly: ${broken[*]} (logs in $logs)"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ] && [ ${#broken[@]} = 0 ]
