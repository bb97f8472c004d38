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

db=postgresql
build=true
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false; shift ;;
    --db) db="$2"; args+=("$1" "$2"); shift 2 ;;
    --db=*) db="${1#--db=}"; args+=("$1"); shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

out=target/bench
if [ "$build" = true ]; then
  echo "[bench] building the service for $db (mvn -Pbench package -DskipTests)" >&2
  if [ "$db" = h2 ]; then
    mvn -B -q -Pbench package -DskipTests -Dquarkus.profile=demo
  else
    mvn -B -q -Pbench package -DskipTests
  fi
fi
if [ ! -f "$out/classpath.txt" ] || [ ! -d "$out/classes" ]; then
  echo "[bench] $out/classes or $out/classpath.txt missing: run without --no-build first" >&2
  exit 2
fi

# A key pair per run: the service verifies with the public key, the load process signs with the private one.
mkdir -p "$out"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/jwt-private.pem" 2>/dev/null
openssl pkey -in "$out/jwt-private.pem" -pubout -out "$out/jwt-public.pem"

# target/classes: the bare-engine baseline reads the service's own engine settings (EngineConfig and
# application.properties) and writes its history with the service's LeanHistory.
exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$out/classes:target/classes:$(cat "$out/classpath.txt")" io.servicerecovery.bench.BenchMain \
  --private-key "$out/jwt-private.pem" --public-key "$out/jwt-public.pem" --out "$out" ${args[@]+"${args[@]}"}
