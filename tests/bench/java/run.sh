#!/usr/bin/env bash
# nervure (Java) beside the official io.nats:jnats: pub-only, pub+sub (16 B) and
# request-reply (rt/s, p50/p99 µs), warm-up, then alternating runs, medians;
# bounded in count and time. Usage: run.sh URL [RUNS] [OUT_JSON]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/versions.sh
url="${1:?usage: run.sh URL [RUNS] [OUT_JSON]}"
runs="${2:-3}"
out="${3:-}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
work="$NERVURE_BUILD_DIR/java-bench"
mkdir -p "$work"
# The package as a consumer sees it: installed into the local Maven repository.
(cd java && mvn -q -B install -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR" >&2)
(cd tests/bench/java && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >&2)
cp="$(cat "$work/classpath.txt")"
javac -d "$work/classes" -cp "$cp" tests/bench/java/Bench.java
timeout 900 java -Xms512m -Xmx2g -cp "$work/classes:$cp" Bench "$url" "$runs" $out
