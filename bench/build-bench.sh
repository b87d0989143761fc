#!/usr/bin/env bash
# Build-speed benchmark: cold, bake-only, warm-cache, preview rebuilds, and the run stage against one
# JVM per program. Medians of several runs (RUNS=5 bench/build-bench.sh for more; ONLY=preview for the
# preview rebuilds alone). Not a test: the
# machines are shared and noisy, so read the ratios, not the absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl generator compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
abs="$PWD/generator/target/classes:$(cat generator/target/bench-classpath.txt)"
java -Druns="${RUNS:-3}" -Donly="${ONLY:-}" -cp "$abs" bench/BuildBenchmark.java "$PWD" "$abs"
