#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the conformance suite (Node 22 comes as an npm package), and
# Debian's postgresql, redis-server and nginx for the scale-out proof (installed when missing).
# Ends with one line "N passed, M failed" counting every test of every suite.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts
passed=0
failed=0

# Adds the counts of the dotnet test summary lines in log $1 to the totals.
count_dotnet() {
  local p f
  grep -E "^(Passed|Failed)!|^\s+Failed |Error Message" -A3 "$1" | grep -vE "^\s*(info|warn):" || true
  # Both summary formats: "Passed!  - Failed: F, Passed: P, …" (minimal) and "  Passed: P" / "  Failed: F" (detailed).
  read -r p f < <(awk '
    /^(Passed|Failed)!/ { match($0, /Failed: *[0-9]+/); f += substr($0, RSTART + 7, RLENGTH - 7) + 0;
                          match($0, /Passed: *[0-9]+/); p += substr($0, RSTART + 7, RLENGTH - 7) + 0; next }
    /^ +Passed: *[0-9]+ *$/ { p += $2 }
    /^ +Failed: *[0-9]+ *$/ { f += $2 }
    END { print p + 0, f + 0 }' "$1")
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "a test run failed without a failing test (see $1)"; fi
}

echo "== build (Release, warnings as errors)"
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet

echo "== .NET tests"
status=0
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --filter "Category!=Scale" --logger "console;verbosity=minimal" \
  >artifacts/dotnet-test.log 2>&1 || status=$?
count_dotnet artifacts/dotnet-test.log "$status"

echo "== MCP conformance suite against /mcp"
if tests/conformance/run.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== scale-out: PostgreSQL + Redis + two instances behind nginx"
status=0
tests/scale/run.sh >artifacts/scale.log 2>&1 || status=$?
tail -n 5 artifacts/scale.log
count_dotnet artifacts/scale.log "$status"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
