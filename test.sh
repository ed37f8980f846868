#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the conformance suite (Node 22 comes as an npm package).
# Ends with one line "N passed, M failed" counting every test of every suite.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts
passed=0
failed=0

echo "== build (Release, warnings as errors)"
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet

echo "== .NET tests"
status=0
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" \
  >artifacts/dotnet-test.log 2>&1 || status=$?
grep -E "^(Passed|Failed)!|^\s+Failed |Error Message" -A3 artifacts/dotnet-test.log | grep -vE "^\s*(info|warn):" || true
read -r p f < <(grep -E "^(Passed|Failed)!" artifacts/dotnet-test.log |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
passed=$((passed + p)); failed=$((failed + f))
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "dotnet test failed without a failing test (see artifacts/dotnet-test.log)"; fi

echo "== MCP conformance suite against /mcp"
if tests/conformance/run.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
