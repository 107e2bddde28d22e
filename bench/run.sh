#!/usr/bin/env bash
# Runs a benchmark: generates a demo cooperative (10,000 units unless BENCH_UNITS says otherwise)
# into a fresh database and prints the timings.
#   BENCH=registry (default)   the registry list views (RegistryListBench)
#   BENCH=ledger               the ledger's billing run and balance/turnover sheet (LedgerBench) on
#                              embedded Derby; BENCH_YEARS (5) of monthly charges and payments
#                              (or BENCH_MONTHS)
#                              -Dbench.reuse=true measures the latencies again on the ledger generated
#                              before with the same size (skips the generation)
#   BENCH=notify               the communications module's notification fan-out, the bell's reads and the
#                              mail outbox's delivery (NotifyBench) on embedded Derby
#   BENCH_DB=derby (default)   embedded Derby under bench/target
#   BENCH_DB=postgresql        a throw-away PostgreSQL server under bench/target/postgres on a free
#                              loopback port, started (and Debian's postgresql installed when missing)
#                              by the integration tests' own script, stopped at the end
# Extra arguments go to Maven, e.g. ./bench/run.sh -Dmaven.repo.local=/path/to/repo
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl bench -am "$@"
if [ "${BENCH:-registry}" = ledger ]; then
  [ "${BENCH_DB:-derby}" = derby ] || { echo "the ledger benchmark runs on embedded Derby only" >&2; exit 2; }
  exec mvn -B -q -pl bench exec:java -Dbench.main=org.domus.bench.LedgerBench \
    -Dbench.units="${BENCH_UNITS:-10000}" -Dbench.months="${BENCH_MONTHS:-$(( ${BENCH_YEARS:-5} * 12 ))}" "$@"
fi
if [ "${BENCH:-registry}" = notify ]; then
  [ "${BENCH_DB:-derby}" = derby ] || { echo "the notification benchmark runs on embedded Derby only" >&2; exit 2; }
  exec mvn -B -q -pl bench exec:java -Dbench.main=org.domus.bench.NotifyBench -Dbench.units="${BENCH_UNITS:-10000}" "$@"
fi
[ "${BENCH:-registry}" = registry ] || { echo "BENCH must be registry, ledger or notify" >&2; exit 2; }
db=${BENCH_DB:-derby}
jdbc=()
case "$db" in
  derby) ;;
  postgresql)
    pgdir=$PWD/bench/target/postgres
    pgscript=$PWD/itests/tests/src/test/scripts/postgres.sh
    port=25432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    trap 'bash "$pgscript" stop "$pgdir"' EXIT
    bash "$pgscript" start "$port" "$pgdir"
    jdbc=(-Dbench.jdbc.url="jdbc:postgresql://127.0.0.1:$port/domus" -Dbench.jdbc.user=domus
          -Dbench.jdbc.password=domus-itest)
    ;;
  *) echo "BENCH_DB must be derby or postgresql" >&2; exit 2 ;;
esac
mvn -B -q -pl bench exec:java -Dbench.units="${BENCH_UNITS:-10000}" "${jdbc[@]}" "$@"
