#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the chat-stream test and the conformance suite (Node 22 comes as an npm package).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts

echo "== build (Release, warnings as errors)"
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet

echo "== .NET tests"
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt

echo "== chat streams parsed by the real ai package (Node; captured by the .NET chat tests)"
(cd tests/chat-stream && npm ci --no-audit --no-fund --loglevel=error && npm test)

echo "== MCP conformance suite against /mcp"
tests/conformance/run.sh
