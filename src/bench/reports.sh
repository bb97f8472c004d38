#!/usr/bin/env bash
# How fast the recovery report answers over a large history (issue 17, docs/performance.md):
#   bash src/bench/reports.sh [--db postgresql|h2] [--cases N] [--runs N] [--no-build] [--app DIR]
# Builds the service (PostgreSQL: mvn package; H2: the demo build), starts it against a database of
# its own (PostgreSQL: `reports_bench`, dropped and created again; H2: a file in a temporary folder),
# seeds N cases (default 100,000) with 10 timeline entries each, a proposal for 8 in 10, a grant for
# the recovered and an apology refusal for 1 in 5, straight with SQL (generate_series / system_range),
# then times GET /api/reports/recovery over the whole seeded month with curl: 2 warm-up requests, then
# --runs (default 10). Writes target/bench/reports-<db>.md with the median, the maximum and the load average.
# The tables are analyzed after seeding, as autovacuum would soon do on a real database.
# --app DIR runs an already built application folder (for H2 after `mvn verify`: target/demo-app).
set -euo pipefail
cd "$(dirname "$0")/../.."

db=postgresql; cases=100000; runs=10; build=true; port=18090; management_port=19090; app=target/quarkus-app
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --cases) cases="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --app) app="$2"; build=false; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
out=target/bench; mkdir -p "$out"
work=$(mktemp -d)
if [ "$build" = true ]; then
  echo "[reports] building for $db" >&2
  if [ "$db" = h2 ]; then mvn -B -q package -DskipTests -Dquarkus.profile=demo; else mvn -B -q package -DskipTests; fi
fi
cp -r "$app" "$work/app"

# ---- the SQL dialect: the only differences between the two databases' seed scripts
if [ "$db" = h2 ]; then
  series() { echo "(select x as n from system_range(1, $1)) s"; }
  ts() { echo "dateadd(second, $1, timestamp with time zone '2026-10-02 00:00:00+00')"; }
  h2jar=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
  url="jdbc:h2:file:$work/data/service-recovery;LOCK_TIMEOUT=60000;AUTO_SERVER=TRUE"
  run_sql() { java -cp "$h2jar" org.h2.tools.RunScript -url "$url" -user sa -script "$1"; }
else
  series() { echo "generate_series(1, $1) as s(n)"; }
  ts() { echo "(timestamptz '2026-10-02 00:00:00+00' + ($1) * interval '1 second')"; }
  psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists reports_bench' -c 'create database reports_bench'
  run_sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d reports_bench -f "$1"; }
fi
# A deterministic id per row: a kind prefix and the row number (decimal digits are hex digits too).
uid() { echo "cast('$1-0000-4000-8000-' || lpad(cast($2 as varchar), 12, '0') as uuid)"; }

# ---- start the service (it creates the schema), wait until it is ready
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt.pem" 2>/dev/null
openssl pkey -in "$work/jwt.pem" -pubout -out "$work/jwt-public.pem"
if [ "$db" = h2 ]; then
  export QUARKUS_PROFILE=demo QUARKUS_DATASOURCE_JDBC_URL="$url" _DEMO_QUARKUS_DATASOURCE_JDBC_URL="$url"
else
  export QUARKUS_PROFILE=prod DB_URL=jdbc:postgresql://127.0.0.1:5432/reports_bench DB_USERNAME=postgres DB_PASSWORD= \
    JWT_PUBLIC_KEY_LOCATION="$work/jwt-public.pem" JWT_ISSUER=reports-bench
fi
export QUARKUS_HTTP_PORT=$port MANAGEMENT_PORT=$management_port
(cd "$work" && exec java -Xmx512m -jar app/quarkus-run.jar > "$work/service.log" 2>&1 < /dev/null) &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
ready() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$management_port/q/health/ready)" = 200 ] && return 0
    sleep 1
  done
  echo "the service did not become ready; log: $work/service.log" >&2; tail -50 "$work/service.log" >&2; exit 1
}
ready

# ---- seed: cases spread over 30 days from 2026-10-02, each with its 10 timeline entries
cat > "$work/seed.sql" <<SQL
insert into recovery_case (id, client_id, external_ref, customer_id, customer_name, customer_email, customer_locale,
  customer_tier, failure_stage, failure_channel, failure_category, failure_description, severity, occurred_at,
  order_amount, order_currency, owner_agent, accountable_agent, status, priority, repeat_failure, created_at,
  updated_at, apologized_at, closed_at, version)
select $(uid 00000000 s.n), 'crm-bench-' || mod(s.n, 3), 'B-' || s.n, 'K-' || mod(s.n, 70000), 'Customer', 'c@example.com',
  case mod(s.n, 6) when 0 then 'en' when 1 then 'sv' when 2 then 'lv' when 3 then 'ru' when 4 then 'th' else 'da' end,
  'GOLD', 'POST_PURCHASE', 'PHONE', 'LATE_DELIVERY', 'late',
  case mod(s.n, 4) when 0 then 'LOW' when 1 then 'MEDIUM' when 2 then 'HIGH' else 'CRITICAL' end,
  $(ts "s.n * 25"), 100.00, 'EUR', null, 'bench-agent-' || mod(s.n, 50),
  case when mod(s.n, 10) < 7 then 'RECOVERED' when mod(s.n, 10) = 7 then 'CANCELLED' else 'AWAITING_APPROVAL' end,
  50, mod(s.n, 7) = 0, $(ts "s.n * 25"), $(ts "s.n * 25"), $(ts "s.n * 25 + 1800 + mod(s.n, 600)"),
  case when mod(s.n, 10) < 8 then $(ts "s.n * 25 + 7200 + mod(s.n, 3600)") end, 0
from $(series "$cases");

insert into timeline_entry (id, case_id, occurred_at, kind, actor, summary)
select $(uid 00000001 "s.n * 10 + k.i"), $(uid 00000000 s.n), $(ts "s.n * 25 + k.i * 300 + mod(s.n, 240)"), k.kind,
  'bench-agent-' || mod(s.n, 50), k.kind
from $(series "$cases") cross join (select 0 as i, 'CASE_OPENED' as kind union all select 1, 'TASK_CLAIMED'
  union all select 2, 'ACCOUNTABILITY_TAKEN' union all select 3, 'TASK_CLAIMED' union all select 4, 'APOLOGY_GIVEN'
  union all select 5, 'EMAIL_SENT' union all select 6, 'COMPENSATION_RECOMMENDED' union all select 7, 'TASK_CLAIMED'
  union all select 8, 'COMPENSATION_PROPOSED' union all select 9, 'GRANTED') k;

insert into compensation_proposal (id, case_id, comp_type, amount, currency, reason, proposed_by, proposed_at, outcome,
  approver_level, decided_by, decided_at, approved_amount, escalations, decision_currency, proposer_level)
select $(uid 00000002 s.n), $(uid 00000000 s.n), case when mod(s.n, 3) = 0 then 'DISCOUNT_PERCENT' else 'CREDIT' end,
  20.00, case when mod(s.n, 3) = 0 then null else 'EUR' end, 'bench', 'bench-agent-' || mod(s.n, 50),
  $(ts "s.n * 25 + 2400"), case when mod(s.n, 5) = 0 then 'APPROVED' else 'APPROVED_WITHIN_EMPOWERMENT' end,
  case when mod(s.n, 5) = 0 then 'TEAM_LEAD' end, case when mod(s.n, 5) = 0 then 'bench-lead' else 'bench-agent-' || mod(s.n, 50) end,
  $(ts "s.n * 25 + 2400 + mod(s.n, 5) * 900"), 20.00, mod(s.n, 11) / 10, 'EUR', 'AGENT'
from $(series "$cases") where mod(s.n, 10) < 8;

insert into compensation_grant (id, case_id, proposal_id, comp_type, amount, currency, voucher_code, approved_by, granted_at)
select $(uid 00000003 s.n), $(uid 00000000 s.n), $(uid 00000002 s.n),
  case when mod(s.n, 3) = 0 then 'DISCOUNT_PERCENT' else 'CREDIT' end, 20.00,
  case when mod(s.n, 3) = 0 then null else 'EUR' end, case when mod(s.n, 3) = 0 then 'V' || s.n end,
  case when mod(s.n, 5) = 0 then 'bench-lead' else 'bench-agent-' || mod(s.n, 50) end, $(ts "s.n * 25 + 3000")
from $(series "$cases") where mod(s.n, 10) < 7;

-- The service keeps case_timing from the timeline's events as they are recorded; seeded timelines need it
-- written the way V7 fills it for cases from before the table existed.
insert into case_timing (case_id, opened_ms, first_touch_ms, accountable_ms, apologized_ms, emailed_ms,
  recommended_ms, proposed_ms, recovered_ms)
select c.id, cast(extract(epoch from c.created_at) * 1000 as bigint),
  min(case when t.kind in ('TASK_CLAIMED', 'ACCOUNTABILITY_TAKEN') then t.ms end),
  min(case when t.kind = 'ACCOUNTABILITY_TAKEN' then t.ms end), min(case when t.kind = 'APOLOGY_GIVEN' then t.ms end),
  min(case when t.kind = 'EMAIL_SENT' then t.ms end), min(case when t.kind = 'COMPENSATION_RECOMMENDED' then t.ms end),
  min(case when t.kind = 'COMPENSATION_PROPOSED' then t.ms end),
  case when c.status = 'RECOVERED' then cast(extract(epoch from c.closed_at) * 1000 as bigint) end
from recovery_case c join (select case_id, kind, cast(extract(epoch from occurred_at) * 1000 as bigint) ms
  from timeline_entry) t on t.case_id = c.id
group by c.id, c.created_at, c.status, c.closed_at;

insert into apology_refusal (id, case_id, agent_id, language, refused_at)
select $(uid 00000004 s.n), $(uid 00000000 s.n), 'bench-agent-' || mod(s.n, 50), 'en', $(ts "s.n * 25 + 1700")
from $(series "$cases") where mod(s.n, 5) = 1;
insert into apology_refusal_code (refusal_id, code)
select $(uid 00000004 s.n), c.code from $(series "$cases")
cross join (select 'NO_OWNERSHIP' as code union all select 'CANNED') c where mod(s.n, 5) = 1;
SQL
[ "$db" = postgresql ] && echo "vacuum analyze;" >> "$work/seed.sql"
echo "[reports] seeding $cases cases into $db" >&2
seed_start=$(date +%s)
run_sql "$work/seed.sql"
seed_seconds=$(( $(date +%s) - seed_start ))
# A history of 100,000 cases grows over months, and the database's statistics with it (PostgreSQL's
# autovacuum analyzes a table after a tenth of it changed). Without them the planner takes the freshly
# seeded tables for empty and picks plans twice as slow, a state no real database stays in for long.
echo "analyze;" > "$work/analyze.sql"
if [ "$db" = postgresql ]; then echo "vacuum analyze;" > "$work/analyze.sql"; fi
run_sql "$work/analyze.sql"

# ---- time the report over the seeded month
if [ "$db" = h2 ]; then
  auth=(-u manager-max:manager-max)
else
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"reports-bench","aud":"service-recovery","sub":"bench-manager","upn":"bench-manager","groups":["manager"],"iat":%d,"exp":%d}' "$now" $((now + 3600)) | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/jwt.pem" | b64url)
  auth=(-H "Authorization: Bearer $header.$payload.$signature")
fi
query="from=2026-10-02T00:00:00Z&to=2026-11-01T00:00:00Z"
first=$(curl -s "${auth[@]}" "localhost:$port/api/reports/recovery?$query")
opened=$(printf '%s' "$first" | grep -o '"opened":[0-9]*' | head -1)
if [ "$opened" != "\"opened\":$cases" ]; then
  echo "the report did not count the seeded cases ($opened): $first" | head -c 2000 >&2; exit 1
fi
curl -s -o /dev/null "${auth[@]}" "localhost:$port/api/reports/recovery?$query"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
times=$(for _ in $(seq 1 "$runs"); do
  curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "localhost:$port/api/reports/recovery?$query"
done | sort -n)
median=$(printf '%s\n' "$times" | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.0f", m * 1000}')
max=$(printf '%s\n' "$times" | tail -1 | awk '{printf "%.0f", $1 * 1000}')
timeline_rows=$((cases * 10))
report="$out/reports-$db.md"
{
  echo "# Recovery report timing ($db)"
  echo
  echo "- when: $(date -u +%Y-%m-%dT%H:%M:%SZ), machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "- data: $cases cases opened in 30 days, $timeline_rows timeline entries, proposals for 8 in 10, grants for 7 in 10, refusals for 1 in 5 (seeded in ${seed_seconds} s)"
  echo "- request: GET /api/reports/recovery?$query (every seeded case), after 2 warm-up requests"
  echo "- runs: $runs; **median $median ms, max $max ms**"
  echo "- load average (1, 5, 15 min) before the timed requests: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- all times (s): $(printf '%s ' $times)"
} > "$report"
cat "$report"
