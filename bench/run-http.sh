#!/usr/bin/env bash
# The web host's HTTP benchmark: /mcp tools/call under 32 concurrent clients next to a bare
# minimal-API floor, host memory, idle /sse sessions. Builds in Release, then runs (bounded).
# Extra arguments go to the harness (e.g. --calls=5000 --repeats=3 --host-env=DOTNET_gcServer=0).
set -euo pipefail
cd "$(dirname "$0")"
repo="$(cd .. && pwd)"
artifacts="$repo/bench/out/http"

printf '\n== %s\n' "Publishing the host and the floor as deployed (Release, ReadyToRun); building the load generator" >&2
# Both targets are published the same way (docs/deploy.md): precompiled, so the figures are not a
# measurement of how fast the JIT warms up the libraries.
dotnet publish "$repo/src/SentryMcp.Server" -c Release -o "$artifacts/publish/server" -nologo -v:q >&2
dotnet publish "$repo/bench/SentryMcp.Floor" -c Release -o "$artifacts/publish/floor" -nologo -v:q \
  -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)" --self-contained false -p:PublishReadyToRun=true >&2
for project in src/SentryMcp.Sandbox bench/SentryMcp.HttpBench; do
  dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v:q >&2
done

printf '\n== %s\n' "Running (bounded: the harness stops itself after its time budget)" >&2
bin="$artifacts/bin"
timeout 600 dotnet "$bin/SentryMcp.HttpBench/release/SentryMcp.HttpBench.dll" \
  --server-dll="$artifacts/publish/server/SentryMcp.Server.dll" \
  --floor-dll="$artifacts/publish/floor/SentryMcp.Floor.dll" \
  --sandbox-dll="$bin/SentryMcp.Sandbox/release/SentryMcp.Sandbox.dll" \
  --output="$repo/bench/results/http-latest.md" \
  "$@"
