#!/usr/bin/env bash
# Collection + evaluation of a generated cluster (default 10,000 bare pods in 50 namespaces) from
# the fabric8 mock API server, under a 1 GiB heap. Prints wall time and peak heap (sum of the heap
# pools' peaks; the mock server's store shares the heap, so it is an upper bound).
# Usage: bench/cluster/run.sh [PODS]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o -pl kubeattest-cli -am test-compile -Dspotless.check.skip=true
# each module writes its own target/bench.classpath; kubeattest's own modules come from target/classes
./mvnw -q -o -pl kubeattest-cli -am dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
DEPS=$(cat kubeattest-*/target/bench.classpath | tr ':' '\n' | grep -v '/io/kubeattest/' | sort -u | paste -sd: -)
CP="kubeattest-cli/target/test-classes:kubeattest-cli/target/classes:kubeattest-engine/target/classes:kubeattest-sources/target/classes:kubeattest-report/target/classes:$DEPS"
java -Xmx1g -XX:+UseSerialGC -Djava.util.logging.config.file=/dev/null -cp "$CP" \
  io.kubeattest.cli.ClusterBenchmark "${1:-10000}"
