#!/usr/bin/env bash
# Starts the Java conformance agent (tests/conformance/PROTOCOL.md): compiles
# Agent.java against the package built in java/target (java/test.sh builds it)
# and runs it; JSON lines on stdin and stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
classes="$PWD/java/target/classes"
if [ ! -f "$classes/native/linux-x86_64/libnervure_jni.so" ]; then
  (cd java && mvn -q -B package -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR") >&2
fi
out="$NERVURE_BUILD_DIR/java-conformance"
mkdir -p "$out"
if [ ! -f "$out/Agent.class" ] || [ java/conformance/Agent.java -nt "$out/Agent.class" ] ||
   [ "$classes/io/nervure/Connection.class" -nt "$out/Agent.class" ]; then
  "$JAVA_HOME/bin/javac" -d "$out" -cp "$classes" java/conformance/Agent.java >&2
fi
exec "$JAVA_HOME/bin/java" -cp "$out:$classes" Agent
