#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the web UI, the conformance suite and the client tests (Node 22 comes as an npm
# package), Debian's chromium for the browser tests (Playwright never downloads a browser), and
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

if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ]; then
  echo "== installing chromium and fonts for the browser tests"
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi

echo "== build (Release, warnings as errors; also builds the web UI)"
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet

echo "== web UI tests (vitest)"
status=0
(cd web && NO_COLOR=1 FORCE_COLOR=0 npx vitest run) >artifacts/vitest.log 2>&1 || status=$?
sed -i -E 's/\x1b\[[0-9;]*m//g' artifacts/vitest.log
grep -E "Test Files|Tests |FAIL" artifacts/vitest.log || true
vp=$(grep -E "^ +Tests " artifacts/vitest.log | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
vf=$(grep -E "^ +Tests " artifacts/vitest.log | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
passed=$((passed + vp)); failed=$((failed + vf))
if [ "$status" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); echo "vitest failed without a failing test (see artifacts/vitest.log)"; fi

echo "== .NET tests (including the browser tests in tests/SentryMcp.E2E)"
status=0
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --filter "Category!=Scale&FullyQualifiedName!~SentryMcp.Server.Tests.Robustness" \
  --logger "console;verbosity=minimal" >artifacts/dotnet-test.log 2>&1 || status=$?
count_dotnet artifacts/dotnet-test.log "$status"

echo "== test-robustness: bad input, faults, load and soak (SOAK_SECONDS, default 60), security checks"
status=0
dotnet test tests/SentryMcp.Server.Tests -c Release --no-build --nologo -v quiet --filter "FullyQualifiedName~SentryMcp.Server.Tests.Robustness" \
  --logger "console;verbosity=minimal" >artifacts/robustness.log 2>&1 || status=$?
count_dotnet artifacts/robustness.log "$status"

echo "== chat streams parsed by the real ai package (Node; captured by the .NET chat tests)"
status=0
(cd tests/chat-stream && npm ci --no-audit --no-fund --loglevel=error && npm test) >artifacts/chat-stream.log 2>&1 || status=$?
grep -E "^# (pass|fail)|^not ok" artifacts/chat-stream.log || true
np=$(grep -E "^# pass " artifacts/chat-stream.log | grep -oE "[0-9]+" || echo 0)
nf=$(grep -E "^# fail " artifacts/chat-stream.log | grep -oE "[0-9]+" || echo 0)
passed=$((passed + np)); failed=$((failed + nf))
if [ "$status" -ne 0 ] && [ "$nf" -eq 0 ]; then failed=$((failed + 1)); echo "the chat-stream test failed without a failing test (see artifacts/chat-stream.log)"; fi

echo "== real MCP clients: TypeScript SDK v2 OAuth, MCP Inspector CLI (/mcp, /sse, stdio), AI SDK MCP client (Node)"
status=0
tests/clients/run.sh >artifacts/clients.log 2>&1 || status=$?
grep -E "^# (pass|fail)|^not ok" artifacts/clients.log || true
np=$(grep -E "^# pass " artifacts/clients.log | grep -oE "[0-9]+" || echo 0)
nf=$(grep -E "^# fail " artifacts/clients.log | grep -oE "[0-9]+" || echo 0)
passed=$((passed + np)); failed=$((failed + nf))
if [ "$status" -ne 0 ] && [ "$nf" -eq 0 ]; then failed=$((failed + 1)); echo "the client tests failed without a failing test (see artifacts/clients.log)"; fi

echo "== MCP conformance suite against /mcp"
if tests/conformance/run.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== scale-out: PostgreSQL + Redis + two instances behind nginx"
status=0
tests/scale/run.sh >artifacts/scale.log 2>&1 || status=$?
tail -n 5 artifacts/scale.log
count_dotnet artifacts/scale.log "$status"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
