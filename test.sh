#!/usr/bin/env bash
# Installs what the tests need when it is missing, runs every test, and ends with the totals
# on a line of their own: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v openssl >/dev/null || missing+=(openssl)
command -v wrk >/dev/null || missing+=(wrk) # the benchmark's smoke run (JourneySmokeTests)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing ${missing[*]}: run ./test.sh as root once, or: sudo apt-get install ${missing[*]}"
  fi
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
status=0
if dotnet build Training.sln --nologo -v q -clp:ErrorsOnly 2>&1 | tee "$log"; [ "${PIPESTATUS[0]}" -ne 0 ]; then
  status=1
else
  # The browser tests mostly wait (pages, mail, network emulation): they run beside the other projects,
  # which take the processor meanwhile. Each project's output is kept apart and printed whole.
  e2e=$(mktemp)
  dotnet test tests/Web.EndToEnd --no-build --nologo >"$e2e" 2>&1 &
  e2e_pid=$!
  for project in tests/*/*.csproj; do
    [ "$project" = tests/Web.EndToEnd/Web.EndToEnd.csproj ] && continue
    dotnet test "$project" --no-build --nologo 2>&1 | tee -a "$log" || status=1
  done
  wait "$e2e_pid" || status=1
  cat "$e2e" | tee -a "$log"
  rm -f "$e2e"
fi

# Each test assembly prints "Passed!  - Failed: 0, Passed: 49, ..." or "Failed!  - ...".
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$log"
passed=${passed:-0}
failed=${failed:-0}
# A build error runs no tests at all: count it as a failure so the totals never look clean.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
