#!/usr/bin/env bash
# The Java suite: builds the package (the JNI library by CMake, driven by
# Maven), runs the JUnit suite against real servers (Surefire), installs the
# artifact into the local Maven repository, then builds and runs the consumer
# project examples/java that only declares io.nervure:nervure.
# Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${NERVURE_BUILD_DIR:-}" ] && [ -z "${BUILD_DIR:-}" ] && export BUILD_DIR="$NERVURE_BUILD_DIR"
source scripts/versions.sh
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
root="$PWD"
if [ ! -x "$NERVURE_NATS_SERVER" ]; then
  echo "java: $NERVURE_NATS_SERVER is missing (make setup builds it)"
  echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

echo "java: mvn install (native library, JUnit suite)"
rm -rf java/target/surefire-reports
log="$NERVURE_BUILD_DIR/test-logs/java-mvn.log"
mkdir -p "$(dirname "$log")"
(cd java && timeout 900 mvn -q -B install -Dnervure.build.dir="$NERVURE_BUILD_DIR" -Dstyle.color=never) >"$log" 2>&1
mvn_status=$?
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -v '^\[0/2\] Re-checking\|^-- \|^ninja: no work\|^$' || true

read -r passed failed skipped <<<"$(python3 - java/target/surefire-reports <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
t = f = s = 0
for path in glob.glob(os.path.join(sys.argv[1], "TEST-*.xml")):
    r = ET.parse(path).getroot()
    t += int(r.get("tests", 0)); s += int(r.get("skipped", 0))
    f += int(r.get("failures", 0)) + int(r.get("errors", 0))
print(t - f - s, f, s)
PY
)"
if [ "$mvn_status" != 0 ] && [ "$failed" = 0 ]; then failed=1; echo "java: mvn install failed"; fi

echo "java: the consumer project examples/java"
if (cd examples/java && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      -Dstyle.color=never >/dev/null) &&
   out=$(cd /tmp && python3 "$root/tests/harness/run_with_server.py" java \
      -cp "$root/examples/java/target/classes:$(cat "$root/examples/java/target/classpath.txt")" shop.Hello) &&
   echo "$out" && grep -q "reply 'hello, nervure'" <<<"$out"; then
  passed=$((passed + 1)); echo "java: consumer example passed"
else
  failed=$((failed + 1)); echo "java: consumer example FAILED"
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" = 0 ]
