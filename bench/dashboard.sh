#!/usr/bin/env bash
# Dashboard benchmark on the demo-data set (issue 14); see bench/README.md.
# Builds Release, fills a data folder with `demo-data` (50,000 learners, 500 units, 20 courses, 1,000,000
# progress rows; kept between runs in $DASH_DATA), starts the site, logs in as the generated admin and as
# the coordinator whose units hold the most people, and times each page sequentially with curl: the
# dashboard, a unit drill-down, a people list page and a transcript. Prints p50/p95/max per page and the
# site's peak memory (VmHWM), and appends the figures to bench/results/dashboard.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data=${DASH_DATA:-/tmp/training-bench-dashboard}
runs=${DASH_RUNS:-20}
learners=${DASH_LEARNERS:-50000}
results=bench/results/dashboard.txt

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "== Building Release"
  dotnet build src/Web -c Release --nologo -v q -clp:ErrorsOnly
fi
web() { (cd src/Web && exec env ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder="$data" Logging__LogLevel__Default=Warning \
  Content__Folder="$root/course-content" dotnet bin/Release/net10.0/Web.dll "$@"); }

if [ ! -f "$data/demo-password.txt" ]; then
  rm -rf "$data"; mkdir -p "$data"
  echo "== Generating the data set in $data (demo-data --learners $learners)"
  start=$(date +%s)
  web demo-data --learners "$learners" | tee "$data/demo-data.log"
  echo "   took $(( $(date +%s) - start )) s"
  sed -n 's/^Password for all of them: //p' "$data/demo-data.log" > "$data/demo-password.txt"
fi
password=$(cat "$data/demo-password.txt")

# The admin, and the coordinator whose units (and everything below them) hold the most people.
read -r admin coordinator coordinated < <(python3 - "$data/training.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
admin = db.execute("""SELECT u.Email FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id
                      JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Admin' LIMIT 1""").fetchone()[0]
best = db.execute("""SELECT u.Email, (SELECT COUNT(*) FROM AspNetUsers p JOIN Units pu ON pu.Id = p.UnitId
                                      WHERE pu.Lineage LIKE un.Lineage || '%') AS people
                     FROM UnitCoordinators c JOIN AspNetUsers u ON u.Id = c.UserId JOIN Units un ON un.Id = c.UnitId
                     ORDER BY people DESC LIMIT 1""").fetchone()
print(admin, best[0], best[1])
PY
)
read -r unit person < <(python3 - "$data/training.db" "$coordinator" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
unit = db.execute("""SELECT un.Id FROM UnitCoordinators c JOIN AspNetUsers u ON u.Id = c.UserId JOIN Units un ON un.Id = c.UnitId
                     WHERE u.Email = ? LIMIT 1""", (sys.argv[2],)).fetchone()[0]
person = db.execute("""SELECT p.Id FROM AspNetUsers p JOIN Units pu ON pu.Id = p.UnitId
                       WHERE pu.Lineage LIKE (SELECT Lineage FROM Units WHERE Id = ?) || '%' LIMIT 1""", (unit,)).fetchone()[0]
print(unit, person)
PY
)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
work=$(mktemp -d /tmp/training-dash.XXXXXX)
site_pid=""
dotnet_pid=""
# The site runs two shells deep (job, function): stop the dotnet process itself, or it outlives the benchmark.
cleanup() { for pid in $dotnet_pid $site_pid; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
echo "== Starting the site on $url"
web --urls "$url" >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 240); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done
dotnet_pid=$(pgrep -f "Web.dll --urls $url" | head -1)

hwm() { grep VmHWM /proc/"$dotnet_pid"/status | awk '{ printf "%.0f", $2 / 1024 }'; }
login() { # email cookie-jar
  local page token
  page=$(curl -s -c "$2" -b "$2" "$url/Identity/Account/Login")
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  curl -s -o /dev/null -c "$2" -b "$2" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/Identity/Account/Login"
}
time_page() { # label cookie-jar path
  local times=() status
  curl -s -o /dev/null -b "$2" "$url$3" # warm-up
  for _ in $(seq 1 "$runs"); do
    read -r status t < <(curl -s -o /dev/null -b "$2" -w '%{http_code} %{time_total}\n' "$url$3")
    [ "$status" = 200 ] || { echo "$1: HTTP $status for $3"; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" -v n="$runs" '
    { v[NR] = $1 * 1000 } END { p50 = v[int((n + 1) / 2)]; p95 = v[int(n * 0.95 + 0.999)];
      printf "%-44s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms\n", label, p50, p95, v[n] }'
}

login "$admin" "$work/admin.jar"
login "$coordinator" "$work/coordinator.jar"
{
  echo "== $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "   data: $learners learners (demo-data), coordinator $coordinator sees $coordinated people; $runs timed requests per page"
  time_page "admin: dashboard /coordinate" "$work/admin.jar" "/coordinate"
  time_page "admin: unit drill-down" "$work/admin.jar" "/coordinate/people?unit=$unit&state=Overdue"
  time_page "admin: people list, page 2" "$work/admin.jar" "/coordinate/people?page=2"
  time_page "admin: transcript" "$work/admin.jar" "/coordinate/people/$person"
  time_page "coordinator: dashboard /coordinate" "$work/coordinator.jar" "/coordinate"
  time_page "coordinator: unit drill-down" "$work/coordinator.jar" "/coordinate/people?unit=$unit&state=Overdue"
  time_page "coordinator: people list, page 2" "$work/coordinator.jar" "/coordinate/people?page=2"
  time_page "coordinator: transcript" "$work/coordinator.jar" "/coordinate/people/$person"
  echo "   site peak memory after the pages: $(hwm) MiB"
  for format in csv xlsx; do
    before=$(hwm)
    read -r status seconds bytes < <(curl -s -o "$work/export.$format" -b "$work/admin.jar" -w '%{http_code} %{time_total} %{size_download}\n' \
      "$url/coordinate/people/export.$format")
    [ "$status" = 200 ] || { echo "export.$format: HTTP $status"; exit 1; }
    printf '%-44s %6.1f s   %s bytes   peak memory %s -> %s MiB\n' "admin: all people as $format" "$seconds" "$bytes" "$before" "$(hwm)"
  done
} | tee -a "$results"
