#!/usr/bin/env bash
# The benchmark of issue 7 (see docs/performance.md):
#   bash src/bench/run.sh [--db postgresql|h2] [--mode both|closed|open] [--concurrency N] [--rate N]
#                         [--duration S] [--warmup S] [--baseline true|false] [--label NAME] [--no-build] ...
# Builds the packaged service (and the load process, profile `bench`), generates a JWT key pair,
# then runs io.servicerecovery.bench.BenchMain, which starts the service as its own JVM against a
# fresh database, stops it and starts it again on that now existing database (both start times are
# reported; the second one is "start to ready"), drives recovery flows over HTTP against the
# second process, runs the bare-engine baseline and writes
# target/bench/report.json and target/bench/report.md. Service settings can be overridden for a
# run through the environment (QUARKUS_*, DB_POOL_MAX_SIZE); the report lists them.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '2,11p' "$0"; }
. src/bench/build.sh
parse_args "$@"
out=target/bench
build_service bench
new_key_pair "$out"

# target/classes: the bare-engine baseline reads the service's own engine settings (EngineConfig and
# application.properties) and writes its history with the service's LeanHistory.
exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$out/classes:target/classes:$(cat "$out/classpath.txt")" io.servicerecovery.bench.BenchMain \
  --private-key "$out/jwt-private.pem" --public-key "$out/jwt-public.pem" --out "$out" ${args[@]+"${args[@]}"}
