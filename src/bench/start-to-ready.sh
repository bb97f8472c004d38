#!/usr/bin/env bash
# Start to ready, without load (issue 19; docs/performance.md "Start to ready"):
#   bash src/bench/start-to-ready.sh [--starts N] [--database NAME] [--keep-database] [--appcds true|false]
#                                    [--jvm-opts "..."]
# Starts the packaged production build (target/quarkus-app, from `mvn -Pbench package`) against a
# PostgreSQL database of its own on 127.0.0.1:5432: once on a new database (creates the schema,
# deploys the models), then N times (default 5) on the database that start left. Each start is
# timed from the JVM's launch to /q/health/ready (management port) answering UP (polled every 50 ms), then the
# service is stopped with SIGTERM. Prints every start and the medians. The JVM options default to
# the benchmark's (Settings.serviceJvmOpts). With AppCDS (the default, as in the image and the
# benchmark) the first start writes the class archive as it stops (with --keep-database an extra
# training start, src/main/docker/appcds-archive.sh, does) and the starts on the existing database
# use it.
set -euo pipefail
cd "$(dirname "$0")/../.."

starts=5
database=bench_start
keep=false
appcds=true
jvm_opts="-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MetaspaceSize=64m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1"
while [ $# -gt 0 ]; do
  case "$1" in
    --starts) starts="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --keep-database) keep=true; shift ;;
    --appcds) appcds="$2"; shift 2 ;;
    --jvm-opts) jvm_opts="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$database" in test|postgres) echo "not the database $database" >&2; exit 2 ;; esac

app=target/quarkus-app
out=target/bench/start-to-ready
mkdir -p "$out"
archive=$PWD/$out/app-cds.jsa
if [ ! -f "$out/jwt-public.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$out/jwt-private.pem" -pubout -out "$out/jwt-public.pem"
fi

psql_admin() { psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
if [ "$keep" = false ]; then
  psql_admin "drop database if exists $database with (force)"
  psql_admin "create database $database"
elif [ -z "$(psql -qAt -h 127.0.0.1 -U postgres -d postgres -c "select 1 from pg_database where datname = '$database'")" ]; then
  # --keep-database on a database that is not there yet: the training start below creates its schema.
  psql_admin "create database $database"
fi

# two distinct free ports: the API's and the management interface's (health)
read -r port management_port < <(python3 -c 'import socket; a=socket.socket(); a.bind(("127.0.0.1", 0)); b=socket.socket(); b.bind(("127.0.0.1", 0)); print(a.getsockname()[1], b.getsockname()[1])')
export QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT=$port MANAGEMENT_PORT=$management_port \
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" DB_USERNAME=postgres DB_PASSWORD= \
  JWT_PUBLIC_KEY_LOCATION="$PWD/$out/jwt-public.pem" JWT_ISSUER=https://bench.service-recovery JWT_AUDIENCE=service-recovery \
  SMTP_HOST=127.0.0.1 SMTP_PORT=2525 SMTP_START_TLS=DISABLED BOOTSTRAP_DIRECTOR=bench-director

now_ms() { date +%s%3N; }
# One start: prints "ms-to-ready quarkus-started-in-s rss-mib-at-ready cpu-ms-to-ready archive-mapped"
one_start() {
  local log=$1 more=${2:-} t0 pid ms started rss cpu mapped
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $jvm_opts $more -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
  pid=$!
  until curl -fs -m 2 "http://127.0.0.1:$management_port/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the service exited; see $log" >&2; exit 1; fi
    if [ $(( $(now_ms) - t0 )) -gt 180000 ]; then kill "$pid"; echo "not ready within 180 s; see $log" >&2; exit 1; fi
    sleep 0.05
  done
  ms=$(( $(now_ms) - t0 ))
  rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
  # user + system CPU of the JVM until ready (fields 14 and 15 of /proc/PID/stat, in clock ticks)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  mapped=no
  if grep -q "$archive" "/proc/$pid/maps"; then mapped=yes; fi
  kill -TERM "$pid"
  wait "$pid" || true
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*[0-9]' || echo "?")
  echo "$ms $started $rss $cpu $mapped"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "JVM options: $jvm_opts (AppCDS: $appcds)"
training=
use=
if [ "$appcds" = true ]; then
  rm -f "$archive"
  training="-XX:ArchiveClassesAtExit=$archive"
  use="-XX:SharedArchiveFile=$archive"
fi
if [ "$keep" = false ]; then
  read -r ms started rss cpu mapped < <(one_start "$out/new-database.log" "$training")
  echo "new database:      ${ms} ms to ready (Quarkus: started in ${started} s), ${rss} MiB resident at ready, ${cpu} ms CPU"
elif [ "$appcds" = true ]; then
  # shellcheck disable=SC2086
  APPCDS_TRAINING_LOG="$out/training.log" bash src/main/docker/appcds-archive.sh "$app/quarkus-run.jar" "$archive" $jvm_opts \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager
fi
: >"$out/existing.txt"
for i in $(seq 1 "$starts"); do
  read -r ms started rss cpu mapped < <(one_start "$out/existing-$i.log" "$use")
  echo "existing database: ${ms} ms to ready (Quarkus: started in ${started} s), ${rss} MiB resident at ready, ${cpu} ms CPU, AppCDS archive mapped: $mapped"
  echo "$ms $started $rss $cpu" >>"$out/existing.txt"
done
echo "median of $starts starts on the existing database: $(cut -d' ' -f1 "$out/existing.txt" | median) ms to ready," \
  "Quarkus started in $(cut -d' ' -f2 "$out/existing.txt" | median) s, $(cut -d' ' -f3 "$out/existing.txt" | median) MiB resident at ready," \
  "$(cut -d' ' -f4 "$out/existing.txt" | median) ms CPU to ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
