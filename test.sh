#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the web UI and the conformance suite (Node 22 comes as an npm
# package), and Debian's chromium for the browser tests (Playwright never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts

if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ]; then
  echo "== installing chromium and fonts for the browser tests"
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi

echo "== build (Release, warnings as errors; also builds the web UI)"
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet

echo "== web UI tests (vitest)"
(cd web && npx vitest run)

echo "== .NET tests (including the browser tests in tests/SentryMcp.E2E)"
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt

echo "== MCP conformance suite against /mcp"
tests/conformance/run.sh
