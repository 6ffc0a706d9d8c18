#!/usr/bin/env bash
# The shop story in Java: audit, payments and inventory in the background, then orders.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.sh
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
# The package as a consumer sees it: installed into the local Maven repository
# (the first time builds the core, a few minutes; then a few seconds).
echo "java: installing io.nervure:nervure into the local Maven repository" >&2
(cd java && mvn -q -B install -DskipTests -Dnervure.build.dir="$NERVURE_BUILD_DIR" >/dev/null)
(cd examples/java && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null)
cp="examples/java/target/classes:$(cat examples/java/target/classpath.txt)"
java -cp "$cp" shop.Audit 3 &
audit=$!
java -cp "$cp" shop.PaymentService &
payments=$!
java -cp "$cp" shop.InventoryService &
inventory=$!
trap 'kill $payments $inventory 2>/dev/null || true; wait $payments $inventory 2>/dev/null || true' EXIT
sleep 1.5  # all are subscribed before the first order
java -cp "$cp" shop.OrderService
wait $audit
