#!/usr/bin/env bash
# Runs the registry list-view benchmark: generates a demo cooperative (10,000 units unless
# BENCH_UNITS says otherwise) into a fresh embedded Derby under bench/target and prints the timings.
# Extra arguments go to Maven, e.g. ./bench/run.sh -Dmaven.repo.local=/path/to/repo
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl bench -am "$@"
mvn -B -q -pl bench exec:java -Dbench.units="${BENCH_UNITS:-10000}" "$@"
