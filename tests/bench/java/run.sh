#!/usr/bin/env bash
# nervure (Java) beside the official io.nats:jnats: pub 16 B/128 B/1 KB,
# pub+sub, request-reply, JetStream publish (acknowledged, async), fetch,
# key-value put and get; warm-up, alternating runs, medians, each run bounded in
# count and time. Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
out="${3:-}"
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
work="$NERVURE_BUILD_DIR/java-bench"
mkdir -p "$work"
# The package as a consumer sees it: installed into the local Maven repository.
(cd java && mvn -q -B install -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR" >&2)
# Resolving the classpath fetches jnats from Maven Central the first time.
(cd tests/bench/java && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >&2)
cp="$(cat "$work/classpath.txt")"
version=$(sed -n 's:.*<artifactId>nervure</artifactId><version>\([^<]*\)</version>.*:\1:p' tests/bench/java/pom.xml)
javac -d "$work/classes" -cp "$cp" tests/bench/java/Bench.java
rc=0
timeout 600 java -Xms512m -Xmx2g -Dnervure.version="$version" -cp "$work/classes:$cp" Bench "$url" "$runs" $out || rc=$?
echo "java bench: ${SECONDS} s in all, installs and builds included" >&2
exit "$rc"
