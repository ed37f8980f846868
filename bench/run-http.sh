#!/usr/bin/env bash
# The web host's HTTP benchmark: /mcp tools/call under 32 concurrent clients next to a bare
# minimal-API floor, host memory, idle /sse sessions. Builds in Release, then runs (bounded).
# Extra arguments go to the harness (e.g. --calls=5000 --repeats=3 --host-env=DOTNET_gcServer=0).
set -euo pipefail
cd "$(dirname "$0")"
repo="$(cd .. && pwd)"
artifacts="$repo/bench/out/http"

printf '\n== %s\n' "Building the host, the floor and the load generator (Release)" >&2
for project in src/SentryMcp.Server bench/SentryMcp.Floor bench/SentryMcp.HttpBench; do
  dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v:q >&2
done

printf '\n== %s\n' "Running (bounded: the harness stops itself after its time budget)" >&2
bin="$artifacts/bin"
timeout 600 dotnet "$bin/SentryMcp.HttpBench/release/SentryMcp.HttpBench.dll" \
  --server-dll="$bin/SentryMcp.Server/release/SentryMcp.Server.dll" \
  --floor-dll="$bin/SentryMcp.Floor/release/SentryMcp.Floor.dll" \
  --sandbox-dll="$bin/SentryMcp.Sandbox/release/SentryMcp.Sandbox.dll" \
  --output="$repo/bench/results/http-latest.md" \
  "$@"
