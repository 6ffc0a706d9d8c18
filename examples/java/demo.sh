#!/usr/bin/env bash
# The shop story in Java: audit and payments in the background, then orders.
# Builds and installs the package (java/) into the local Maven repository when needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [ ! -f "$HOME/.m2/repository/io/nervure/nervure/0.1.0/nervure-0.1.0.jar" ]; then
  echo "java: installing io.nervure:nervure (the first time builds the core, a few minutes)"
  (cd java && mvn -q -B install -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR")
fi
(cd examples/java && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null)
cp="examples/java/target/classes:$(cat examples/java/target/classpath.txt)"
java -cp "$cp" shop.Audit 3 &
audit=$!
java -cp "$cp" shop.PaymentService &
payments=$!
trap 'kill $payments 2>/dev/null || true; wait $payments 2>/dev/null || true' EXIT
sleep 1.5  # all are subscribed before the first order
java -cp "$cp" shop.OrderService
wait $audit
