#!/usr/bin/env bash
# Load benchmark of the learner path; see bench/README.md.
# Builds Release, starts the site on SQLite in a temporary folder, seeds learners enrolled in the sample
# course, logs in as many as the highest concurrency, and drives home -> course -> module -> mark complete
# with wrk at each concurrency. Prints requests/s, p50/p95/p99 and errors per step, and the weight of a module page.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

users=${BENCH_USERS:-1000}                 # learners seeded
concurrency=${BENCH_CONCURRENCY:-"50 200"} # wrk connections = concurrent learners, one run per value
duration=${BENCH_DURATION:-10s}            # per step and concurrency
warmup=${BENCH_WARMUP:-3s}                 # per step, before measuring (JIT, caches, connection pools)
threads=${BENCH_THREADS:-2}                # wrk threads
timeout=${BENCH_TIMEOUT:-5s}               # a request slower than this counts as an error
think_ms=${BENCH_THINK_MS:-1000}           # mean think time of the second pass; 0 runs only the flat-out pass
steps="home course module complete"
module_path=/courses/welcome/modules/how-these-courses-work

max_concurrency=0
for c in $concurrency; do [ "$c" -gt "$max_concurrency" ] && max_concurrency=$c; done
[ "$max_concurrency" -le "$users" ] || { echo "BENCH_CONCURRENCY ($max_concurrency) exceeds BENCH_USERS ($users)"; exit 1; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing wrk with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    echo "wrk is missing: sudo apt-get install wrk"; exit 1
  fi
fi

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${load_at_start%% *}" 'BEGIN { exit !(l > 0.5) }'; then
  echo "Warning: load average $load_at_start: other processes are running and will disturb the figures"
fi
if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
  echo "== Using the existing Release build (BENCH_NO_BUILD=1)"
else
  echo "== Building Release"
  dotnet build src/Web -c Release --nologo -v q -clp:ErrorsOnly
  dotnet build bench/Seeder -c Release --nologo -v q -clp:ErrorsOnly
fi
seeder() { dotnet "$root/bench/Seeder/bin/Release/net10.0/Seeder.dll" "$@"; }

work=$(mktemp -d /tmp/training-bench.XXXXXX)
site_pid=""
cleanup() {
  if [ -n "$site_pid" ] && kill -0 "$site_pid" 2>/dev/null; then
    kill "$site_pid" 2>/dev/null || true
    wait "$site_pid" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

port=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5391)}
url=http://127.0.0.1:$port
password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# Every learner logs in from 127.0.0.1: lift the log-in form's per-address budget (AttemptLimits), which
# would otherwise answer 429 after 60 log-ins in 15 minutes.
echo "== Starting the site on $url (data in $work/data)"
(
  cd src/Web
  exec env ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataFolder="$work/data" \
    Content__Folder="$root/course-content" \
    Site__BaseUrl="$url" \
    AttemptLimits__PerAddress=1000000 \
    AttemptLimits__PerAccount=1000 \
    Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/Web.dll --urls "$url"
) >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 240); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:"; tail -40 "$work/site.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$url/health" >/dev/null || { echo "The site did not become healthy:"; tail -40 "$work/site.log"; exit 1; }

echo "== Seeding $users learners and logging in $max_concurrency of them"
seeder seed --db "$work/data/training.db" --users "$users" --password "$password"
seeder login --url "$url" --count "$max_concurrency" --password "$password" --out "$work/users.tsv" --parallel 8

weight=$(seeder weight --url "$url" --file "$work/users.tsv" --path "$module_path")

run_wrk() { # step connections duration think_ms
  BENCH_THINK_MS=$4 wrk -t"$threads" -c"$2" -d"$3" --timeout "$timeout" --latency -s bench/learner.lua "$url" \
    -- "$work/users.tsv" "$1" "$2" "$threads"
}
site_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$site_pid/stat"; }
children_cpu_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; } # this script's waited-for children, wrk among them
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; } # busy total
ticks_per_second=$(getconf CLK_TCK)

echo "== Warming up ($warmup per step at $threads x 10 connections)"
for step in $steps; do
  seeder refresh --url "$url" --file "$work/users.tsv" >/dev/null
  run_wrk "$step" $((threads * 10)) "$warmup" 0 >/dev/null
done

modes="flat"
[ "$think_ms" -gt 0 ] && modes="flat think"
results=()
for mode in $modes; do
  think=0
  [ "$mode" = think ] && think=$think_ms
  for c in $concurrency; do
    for step in $steps; do
      # Cookies older than a minute are re-validated and re-issued by the site; a browser keeps the new one,
      # wrk cannot, so refresh them before each run.
      seeder refresh --url "$url" --file "$work/users.tsv" >/dev/null
      echo "== $step, $c concurrent learners, $duration, think time $think ms"
      before=$(site_cpu_ticks); wrk_before=$(children_cpu_ticks); read -r busy_before total_before < <(machine_ticks)
      run_wrk "$step" "$c" "$duration" "$think" >"$work/wrk-$mode-$step-$c.txt" 2>&1 || true
      after=$(site_cpu_ticks); wrk_after=$(children_cpu_ticks); read -r busy_after total_after < <(machine_ticks)
      # Share of the machine used by anything but the site and wrk: other work disturbs the figures.
      other=$(awk -v b=$((busy_after - busy_before)) -v t=$((total_after - total_before)) \
        -v s=$((after - before)) -v w=$((wrk_after - wrk_before)) 'BEGIN { o = t > 0 ? (b - s - w) * 100 / t : 0; printf "%.0f", (o < 0 ? 0 : o) }')
      line=$(grep '^BENCH ' "$work/wrk-$mode-$step-$c.txt" || true)
      if [ -z "$line" ]; then
        echo "wrk failed:"; cat "$work/wrk-$mode-$step-$c.txt"; exit 1
      fi
      requests=$(echo "$line" | tr ' ' '\n' | sed -n 's/^requests=//p')
      cpu=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
      results+=("mode=$mode users=$c cpu=$cpu other=$other $line")
      kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:"; tail -40 "$work/site.log"; exit 1; }
    done
  done
done

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
table() { # mode
  printf '%-9s %5s %8s %8s %8s %8s %8s %7s %6s %7s  %s\n' step users 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' 'max ms' 'CPU ms' 'other' errors 'first error'
  for r in "${results[@]}"; do
    [ "$(field "$r" mode)" = "$1" ] || continue
    printf '%-9s %5s %8s %8s %8s %8s %8s %7s %6s %7s  %s\n' "$(field "$r" step)" "$(field "$r" users)" "$(field "$r" rps)" \
      "$(field "$r" p50)" "$(field "$r" p95)" "$(field "$r" p99)" "$(field "$r" max)" "$(field "$r" cpu)" "$(field "$r" other)%" \
      "$(field "$r" errors)" "$(field "$r" first_error)"
  done
}
verdict() { # mode
  local p95="" errors=0 r
  for r in "${results[@]}"; do
    [ "$(field "$r" mode)" = "$1" ] && [ "$(field "$r" users)" = "$max_concurrency" ] || continue
    [ "$(field "$r" step)" = module ] && p95=$(field "$r" p95)
    errors=$((errors + $(field "$r" errors)))
  done
  local result=MET
  awk -v p="$p95" 'BEGIN { exit !(p <= 50) }' || result="NOT MET"
  [ "$errors" -eq 0 ] || result="NOT MET"
  echo "Goal at $max_concurrency learners, $1 (module page p95 <= 50 ms, no errors): $result (p95 $p95 ms, $errors errors)"
}
summary=$(
  echo "Learner path benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB; wrk and the site share it"
  echo "Seeded $users learners on SQLite; wrk -t$threads -d$duration --timeout $timeout per step; each connection a signed-in learner."
  echo "CPU ms = the site's CPU time per request. Other = share of the machine used by other processes during the run"
  echo "(above a few % the figures are disturbed). Errors = unexpected status (pages 200, mark complete 302), socket errors, timeouts."
  echo "Load average before the run: $load_at_start"
  echo
  echo "Flat out: each learner sends its next request as soon as the last one is answered (closed loop, no think time)"
  table flat
  if [ "$think_ms" -gt 0 ]; then
    echo
    echo "With think time: each learner pauses 0-$((2 * think_ms)) ms (mean $think_ms ms) between requests"
    table think
  fi
  echo
  echo "$weight"
  echo
  for mode in $modes; do verdict "$mode"; done
  echo "Site log: $(grep -cE '^(fail|crit):' "$work/site.log" || true) error entries; site peak memory $(awk '/VmHWM/ {printf "%d MiB", $2/1024}' "/proc/$site_pid/status" 2>/dev/null)"
)
echo
echo "$summary"
if [ -n "${BENCH_RESULTS:-}" ]; then
  mkdir -p "$(dirname "$BENCH_RESULTS")"
  echo "$summary" >"$BENCH_RESULTS"
  echo "(saved to $BENCH_RESULTS)"
fi
if grep -qE '^(fail|crit):' "$work/site.log"; then
  echo "First errors in the site log:"
  grep -E '^(fail|crit):' -A3 "$work/site.log" | head -12
fi
