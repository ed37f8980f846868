#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node and
# npm are assumed).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p artifacts
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet
dotnet test SentryMcp.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt
