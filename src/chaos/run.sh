#!/usr/bin/env bash
# The fault-injection run of issue 11 (see docs/reliability.md):
#   bash src/chaos/run.sh [--db postgresql|h2] [--kills N] [--smtp-outage S] [--webhook-hang S]
#                         [--workers N] [--uptime-min S] [--uptime-max S] [--drain S] [--no-build] ...
# Builds the packaged service for the database (profile `bench` also compiles the load client and
# src/chaos/java), then runs io.servicerecovery.chaos.ChaosMain: recovery flows under load while the
# service is killed with SIGKILL and restarted (20 times by default), the SMTP server is down
# (2 minutes), the webhook receiver hangs (1 minute) and, on PostgreSQL, PostgreSQL restarts and one
# of two replicas is killed. Every flow is finished with idempotent retries; the report
# (target/chaos/report-<db>.md and .json) counts confirmed vs present cases, duplicate emails and
# grants, overspent budgets, lost or reordered webhook events and seconds to resume. Exit code 1 when
# a target is missed. It restarts the local PostgreSQL cluster (--pg-cluster, default 15/main):
# run it where nothing else needs PostgreSQL for a few seconds. A shorter run: --kills 3
# --smtp-outage 20 --webhook-hang 15 --replica-alone 50.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '2,14p' "$0"; }
. src/bench/build.sh
parse_args "$@"
build_service chaos
out=target/chaos
new_key_pair "$out"

exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/bench/classes:$(cat target/bench/classpath.txt)" io.servicerecovery.chaos.ChaosMain \
  --private-key "$out/jwt-private.pem" --public-key "$out/jwt-public.pem" --out "$out" ${args[@]+"${args[@]}"}
