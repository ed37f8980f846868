#!/usr/bin/env bash
# Runs ./test.sh on a busy machine: two CPU-bound stress-ng workers run beside it for the whole run
# (the suite must pass that way, not only on an idle machine). Installs stress-ng from Debian's
# repositories when it is missing. Extra arguments go to stress-ng (default: --cpu 2).
# Ends with test.sh's last line and exit code; the workers are stopped however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v stress-ng >/dev/null; then
  echo "== installing stress-ng"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null
fi
mkdir -p artifacts
load=("$@")
[ ${#load[@]} -gt 0 ] || load=(--cpu 2)
stress-ng "${load[@]}" --timeout 0 >artifacts/stress-ng.log 2>&1 &
stress=$!
trap 'kill "$stress" 2>/dev/null || true; wait "$stress" 2>/dev/null || true' EXIT
echo "== stress-ng ${load[*]} running beside the suite (pid $stress)"
start=$(date +%s)
status=0
./test.sh || status=$?
echo "== loaded run: $(( $(date +%s) - start )) s wall, test.sh exit $status"
exit "$status"
