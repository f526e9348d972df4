#!/usr/bin/env bash
# Lookup throughput of the vulnerability store; see VulnDbBench.java. Not a test: run by hand.
# Usage: bench/vulndb/run.sh [RECORDS=50000] [PACKAGES=1000] [ROUNDS=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -o -pl kubeattest-image -am compile -Dspotless.check.skip=true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -o -pl kubeattest-image dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="kubeattest-image/target/classes:kubeattest-engine/target/classes:$(cat "$cp_file")"
exec java -Dslf4j.internal.verbosity=ERROR -cp "$cp" bench/vulndb/VulnDbBench.java "$@"
