#!/usr/bin/env bash
# The whole learner journey under load (Moodle's "L" plan by default), a burst of quiz starts, and the cost of a
# static file as the floor; see bench/README.md, "The learner journey".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

users=${BENCH_USERS:-1000}          # virtual learners, one wrk thread and connection each
loops=${BENCH_LOOPS:-6}             # journeys per learner
ramp=${BENCH_RAMP:-100}             # seconds over which the learners start
think_ms=${BENCH_THINK_MS:-1000}    # mean think time before each page (uniform 0..2x); autosaves a tenth
burst_users=${BENCH_BURST_USERS:-$users} # learners starting the same quiz in the burst; 0 skips it
burst_ramp=${BENCH_BURST_RAMP:-10}  # seconds over which they start
floor_duration=${BENCH_FLOOR_DURATION:-5s} # per isolated request in the floor runs
floor_connections=${BENCH_FLOOR_CONNECTIONS:-16}
timeout=${BENCH_TIMEOUT:-10s}
max_minutes=${BENCH_MAX_MINUTES:-30} # a journey run still going after this is stopped and reported as such
config=${BENCH_CONFIGURATION:-Release} # the build to run (the test suite's smoke run uses its own)
warmup=${BENCH_FLOOR_WARMUP:-3s}
course=spotting-trafficking
module=women-on-the-move
results=${BENCH_RESULTS:-bench/results/journey-$(date -u +%Y%m%d-%H%M)-$(hostname -s).txt}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing wrk with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    echo "wrk is missing: sudo apt-get install wrk"; exit 1
  fi
fi
# One wrk thread per learner: each holds a Lua state and a small stack.
ulimit -n 65536 2>/dev/null || true

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
  echo "== Using the existing $config build (BENCH_NO_BUILD=1)"
else
  echo "== Building $config"
  dotnet build src/Web -c "$config" --nologo -v q -clp:ErrorsOnly
  dotnet build bench/Seeder -c "$config" --nologo -v q -clp:ErrorsOnly
fi
seeder() { dotnet "$root/bench/Seeder/bin/$config/net10.0/Seeder.dll" "$@"; }

work=$(mktemp -d /tmp/training-journey.XXXXXX)
site_pid=""
wrk_pid=""
cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  if [ -n "$site_pid" ] && kill -0 "$site_pid" 2>/dev/null; then
    kill "$site_pid" 2>/dev/null || true
    wait "$site_pid" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

port=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
url=http://127.0.0.1:$port
password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# Every learner logs in from 127.0.0.1: lift the log-in form's per-address budget (AttemptLimits), which
# would otherwise answer 429 after 60 log-ins in 15 minutes.
echo "== Starting the site on $url (data in $work/data), counting SQL statements (Diagnostics:CountSql)"
(
  cd src/Web
  exec env ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataFolder="$work/data" \
    Content__Folder="$root/course-content" \
    Site__BaseUrl="$url" \
    AttemptLimits__PerAddress=1000000 \
    AttemptLimits__PerAccount=1000 \
    Diagnostics__CountSql=true \
    Logging__LogLevel__Default=Warning \
    dotnet "bin/$config/net10.0/Web.dll" --urls "$url"
) >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 240); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:"; tail -40 "$work/site.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$url/health" >/dev/null || { echo "The site did not become healthy:"; tail -40 "$work/site.log"; exit 1; }

echo "== Seeding $users learners enrolled in $course, each with its certificate, and logging them in"
seeder seed --db "$work/data/training.db" --users "$users" --password "$password" --course "$course" --certify 1
seeder login --url "$url" --count "$users" --password "$password" --out "$work/users.tsv" --parallel 8

# The site re-checks a cookie's security stamp once it is a minute old and issues a new one; refresh the saved
# cookies (see README) when they may be that old, not before every run of a short smoke run.
refreshed_at=$(date +%s)
refresh() {
  if [ $(( $(date +%s) - refreshed_at )) -ge 45 ]; then
    seeder refresh --url "$url" --file "$work/users.tsv" >/dev/null
    refreshed_at=$(date +%s)
  fi
}
site_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$site_pid/stat"; }
hz=$(getconf CLK_TCK)
cpu_ms_per() { awk -v t="$1" -v hz="$hz" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }'; }
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# The floor: the same signed-in learner asks for one address flat out; the site's CPU per request.
module_path=/courses/$course/modules/$module
first_cookie=$(head -1 "$work/users.tsv" | cut -f1)
page_bytes=$(curl -s -H "Cookie: $first_cookie" "$url$module_path" | wc -c)
css_path=$(curl -s -H "Cookie: $first_cookie" "$url$module_path" | grep -o 'href="/css/site[^"]*\.css"' | head -1 | sed 's/href="//;s/"//')
css_bytes=$(curl -s "$url$css_path" | wc -c)
certificate_path=$(curl -s -H "Cookie: $first_cookie" "$url/learn" | grep -o 'href="/certificates/[A-Z0-9]*\.pdf"' | head -1 | sed 's/href="//;s/"//')
floor_rows=()
floor() { # name path learners
  refresh
  local c=$floor_connections
  [ "$c" -gt "$3" ] && [ "$3" -gt 1 ] && c=$3
  local threads=2
  [ "$c" -lt 2 ] && threads=1
  BENCH_PATH=$2 wrk -t"$threads" -c"$c" -d"$warmup" -s bench/learner.lua "$url" -- "$work/users.tsv" get "$3" "$threads" >/dev/null 2>&1 || true
  local before after line
  before=$(site_cpu_ticks)
  line=$(BENCH_PATH=$2 wrk -t"$threads" -c"$c" -d"$floor_duration" --timeout "$timeout" --latency -s bench/learner.lua "$url" \
    -- "$work/users.tsv" get "$3" "$threads" 2>&1 | grep '^BENCH ' || true)
  after=$(site_cpu_ticks)
  [ -n "$line" ] || { echo "wrk failed for $2"; exit 1; }
  floor_rows+=("name=$1 cpu=$(cpu_ms_per $((after - before)) "$(field "$line" requests)") $line")
}

journey_run() { # name mode learners loops ramp_s
  local dir="$work/$1"
  mkdir -p "$dir"
  refresh
  local before started ended after
  before=$(site_cpu_ticks)
  started=$(date +%s.%N)
  BENCH_MODE=$2 BENCH_LOOPS=$4 BENCH_RAMP_MS=$(($5 * 1000)) BENCH_THINK_MS=$think_ms BENCH_PASSWORD=$password \
    BENCH_COURSE=$course BENCH_MODULE=$module \
    wrk -t"$3" -c"$3" -d"${max_minutes}m" --timeout "$timeout" -s bench/journey.lua "$url" -- "$work/users.tsv" "$dir" "$3" \
    >"$dir/wrk.txt" 2>&1 &
  wrk_pid=$!
  local deadline=$(( $(date +%s) + max_minutes * 60 ))
  while kill -0 "$wrk_pid" 2>/dev/null; do
    [ -f "$dir/done" ] && [ "$(wc -l <"$dir/done")" -ge "$3" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { echo "  stopped after $max_minutes minutes"; break; }
    sleep 1
  done
  ended=$(date +%s.%N)
  after=$(site_cpu_ticks)
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" 2>/dev/null || true
  wrk_pid=""
  local seconds
  seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')
  python3 bench/journey-report.py "$dir" "$seconds" >"$dir/report.txt"
  local requests
  requests=$(sed -n 's/^JOURNEY requests=\([0-9]*\).*/\1/p' "$dir/report.txt")
  {
    echo "$(grep -v '^JOURNEY' "$dir/report.txt")"
    # wrk's own "Socket errors" line is left out: it counts a learner that is thinking or has finished as a
    # timeout, and the site closing a finished learner's idle connection as a read error.
    echo "$seconds s; site CPU $(cpu_ms_per $((after - before)) "$requests") ms per request over the whole run;" \
      "$(wc -l <"$dir/done" 2>/dev/null || echo 0) of $3 learners finished"
    sed -n 's/^JOURNEY /JOURNEY /p' "$dir/report.txt"
  } >"$dir/summary.txt"
  kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:"; tail -40 "$work/site.log"; exit 1; }
}

echo "== Journey: $users learners x $loops loops, ramp-up $ramp s, think time mean $think_ms ms"
journey_run journey journey "$users" "$loops" "$ramp"
if [ "$burst_users" -gt 0 ]; then
  echo "== Burst: $burst_users learners start the same timed quiz within $burst_ramp s, then answer every question"
  journey_run burst burst "$burst_users" 1 "$burst_ramp"
fi
# After the journey, so the site is warm (JIT, caches) and every learner's visit to the module is recorded.
echo "== Floor runs: $floor_duration each, $floor_connections connections, flat out"
floor static "$css_path" "$users"
floor module "$module_path" "$users"
floor certificate "$certificate_path" 1

floor_table() {
  printf '%-12s %8s %8s %8s %8s %8s %8s %7s %6s\n' request bytes 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' 'CPU ms' 'SQL/req' errors
  for r in "${floor_rows[@]}"; do
    local bytes=-
    case "$(field "$r" name)" in static) bytes=$css_bytes ;; module) bytes=$page_bytes ;; esac
    printf '%-12s %8s %8s %8s %8s %8s %8s %7s %6s\n' "$(field "$r" name)" "$bytes" "$(field "$r" rps)" "$(field "$r" p50)" \
      "$(field "$r" p95)" "$(field "$r" p99)" "$(field "$r" cpu)" "$(field "$r" sql)" "$(field "$r" errors)"
  done
}
summary=$(
  echo "Learner journey benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "Machine: $(hostname -s), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB; wrk and the site share it"
  echo "Load average before the run: $load_at_start (other people's work on the same cores disturbs the figures)"
  echo "Profile: $users learners x $loops loops, ramp-up $ramp s, think time 0-$((2 * think_ms)) ms before each page;" \
    "burst $burst_users learners within $burst_ramp s; SQLite, $config build, Production"
  echo
  echo "Floor (flat out, $floor_connections connections, $floor_duration, Accept-Encoding: gzip, br; bytes uncompressed):"
  floor_table
  echo
  echo "Journey (latency from request sent to response read; SQL = statements per request, conn = connection opens):"
  cat "$work/journey/summary.txt"
  if [ "$burst_users" -gt 0 ]; then
    echo
    echo "Burst:"
    cat "$work/burst/summary.txt"
  fi
  echo
  echo "Site log: $(grep -cE '^(fail|crit):' "$work/site.log" || true) error entries; site peak memory (VmHWM)" \
    "$(awk '/VmHWM/ {printf "%d MiB", $2/1024}' "/proc/$site_pid/status")"
)
echo
echo "$summary"
mkdir -p "$(dirname "$results")"
echo "$summary" >"$results"
echo "(saved to $results)"
if grep -qE '^(fail|crit):' "$work/site.log"; then
  echo "First errors in the site log:"
  grep -E '^(fail|crit):' -A3 "$work/site.log" | head -12
fi
