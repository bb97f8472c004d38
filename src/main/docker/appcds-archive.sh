#!/usr/bin/env bash
# Writes the AppCDS archive of the packaged service by a training start (docs/operations.md, "AppCDS"):
#   appcds-archive.sh JAR ARCHIVE [JVM option ...]
# Starts `java [JVM options] -XX:ArchiveClassesAtExit=ARCHIVE -jar JAR` with the caller's environment
# (QUARKUS_PROFILE, DB_URL, DB_USERNAME, DB_PASSWORD, JWT_* ...: a database the service may migrate),
# waits until /q/health/ready on MANAGEMENT_PORT (default 9000) answers UP, stops it with SIGTERM;
# the JVM writes every class the start loaded into ARCHIVE as it exits. A JVM uses the archive only
# when started the same way: the same JDK build and the same JAR path (give JAR as the service will be
# started, e.g. /deployments/quarkus-run.jar), so it is made with the JVM that will run it (the image
# build does it in the image). Quarkus' own quarkus.package.jar.appcds.enabled cannot be used: its
# archive run stops at the first database access (Flyway at start) and gained nothing here.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
jar=$1
archive=$2
shift 2
port=${MANAGEMENT_PORT:-9000}
log=${APPCDS_TRAINING_LOG:-$(dirname "$archive")/appcds-training.log}

rm -f "$archive"
java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"$log" 2>&1 &
pid=$!
deadline=$(( $(date +%s) + ${APPCDS_TRAINING_TIMEOUT:-180} ))
# Bash's /dev/tcp instead of curl: the runtime image need not have curl.
ready() {
  local answer
  answer=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3" 2>/dev/null) || return 1
  [[ $answer == "HTTP/1."?" 200"* && $answer == *'"UP"'* ]]
}
until ready; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "appcds-archive: the training start exited before it was ready; see $log" >&2
    exit 1
  fi
  if [ "$(date +%s)" -gt "$deadline" ]; then
    kill -KILL "$pid"
    echo "appcds-archive: the training start was not ready in time; see $log" >&2
    exit 1
  fi
  sleep 0.2
done
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$archive" ]; then
  echo "appcds-archive: no archive written; see $log" >&2
  exit 1
fi
echo "appcds-archive: $archive ($(du -h "$archive" | cut -f1)) from a start of $jar"
