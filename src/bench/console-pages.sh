#!/usr/bin/env bash
# Page speed of the agents' console with 1,000 open cases (docs/performance.md):
#   bash src/bench/console-pages.sh [--no-build]
# Builds the demo (embedded H2), starts it on port 18080 (health on 19080) in a fresh folder, opens 1,000 cases
# through the API, signs in as agent-ana and times 200 sequential requests of the inbox, a
# case page and "my recent work" with curl (after 40 warm-up requests). Prints p50/p90/p99.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18080
management_port=19080
if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q package -DskipTests -Dquarkus.profile=demo
fi
work=$(mktemp -d)
jar=$PWD/target/quarkus-app/quarkus-run.jar
cd "$work"
QUARKUS_PROFILE=demo QUARKUS_HTTP_PORT=$port MANAGEMENT_PORT=$management_port CASE_CREATION_PER_MINUTE=100000 \
  java -jar "$jar" > "$work/service.log" 2>&1 < /dev/null &
service=$!
cd - > /dev/null
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$management_port/q/health/ready)" = 200 ] && break
  sleep 1
done
open_case() {
  curl -s -o /dev/null -w '%{http_code}\n' -u crm-acme:crm-acme -H 'Content-Type: application/json' \
    -H "Idempotency-Key: pages-$1" \
    -d "{\"externalRef\": \"PAGES-$1\", \"customer\": {\"id\": \"C-$1\", \"name\": \"Customer $1\", \"email\": \"c$1@example.com\", \"locale\": \"en\", \"tier\": \"GOLD\"}, \"failure\": {\"stage\": \"POST_PURCHASE\", \"channel\": \"PHONE\", \"category\": \"LATE_DELIVERY\", \"description\": \"The sofa arrived nine days late.\", \"severity\": \"HIGH\", \"occurredAt\": \"2026-11-20T10:00:00Z\"}, \"orderValue\": {\"amount\": \"899.90\", \"currency\": \"EUR\"}}" \
    http://localhost:$port/api/cases
}
export -f open_case; export port
echo "opening 1,000 cases: $(seq 1 1000 | xargs -P 6 -I{} bash -c 'open_case {}' | sort | uniq -c | tr '\n' ' ')"
jar_cookies="$work/cookies"
# The sign-in form as a browser uses it: its page sets a cookie and carries the matching token.
login_token=$(curl -s -c "$jar_cookies" localhost:$port/console/login | grep -o 'name="login-token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "login-token=$login_token" -d 'j_username=agent-ana&j_password=agent-ana' localhost:$port/console/login
case_id=$(curl -s -u crm-acme:crm-acme "localhost:$port/api/cases?limit=1" | grep -o '"id" *: *"[0-9a-f-]\{36\}"' | head -1 | grep -o '[0-9a-f-]\{36\}')
measure() {
  for _ in $(seq 1 40); do curl -s -b "$jar_cookies" -o /dev/null "$1"; done
  for _ in $(seq 1 200); do curl -s -b "$jar_cookies" -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n |
    awk '{a[NR]=$1} END {printf "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)\n", a[int(NR*0.5)]*1000, a[int(NR*0.9)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}'
}
echo "inbox (/console):          $(measure "localhost:$port/console")"
echo "case page:                 $(measure "localhost:$port/console/cases/$case_id")"
echo "my recent work:            $(measure "localhost:$port/console/work")"
