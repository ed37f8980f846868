#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a fresh machine (only the .NET SDK, Node 20 and
# npm are assumed): npm packages for the web UI, the conformance suite and the client tests (Node 22
# comes as an npm package), and through tests/setup.sh Debian's chromium for the browser tests
# (Playwright never downloads a browser) and postgresql, redis-server and nginx for the scale-out
# proof (when missing). .NET results are counted from TRX files (artifacts/trx/), not from console text.
# Ends with one line "N passed, M failed" counting every test of every suite.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts
passed=0
failed=0

# Each step's wall time, listed before the last line (so the suite's cost is measured, not guessed).
suite_start=$(date +%s)
timings=()
section() {
  local now
  now=$(date +%s)
  [ -z "${section_name:-}" ] || timings+=("$((now - section_start)) s  $section_name")
  section_name=$1
  section_start=$now
  echo "== $1"
}

# Adds the counts of the TRX files in directory $1 (one per test project run) to the totals and lists
# the failed tests. A skipped test counts as failed: here every test's script sets up what it needs
# (a test skips only outside its script). $2 is the run's exit code: a failed run without a failed
# test (a crashed test host, say) counts as one failure, and the end of its console log $3 is shown.
count_trx() {
  local p=0 f=0 s=0 counters n attr
  for trx in "$1"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    n=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$counters"); p=$((p + ${n:-0}))
    for attr in failed error timeout aborted; do
      n=$(sed -nE "s/.* $attr=\"([0-9]+)\".*/\1/p" <<<"$counters"); f=$((f + ${n:-0}))
    done
    n=$(sed -nE 's/.* notExecuted="([0-9]+)".*/\1/p' <<<"$counters"); s=$((s + ${n:-0}))
    grep -oE '<UnitTestResult [^>]*outcome="(Failed|NotExecuted)"' "$trx" | sed -nE 's/.*testName="([^"]*)".*outcome="([^"]*)".*/  \2: \1/p' || true
  done
  f=$((f + s))
  passed=$((passed + p)); failed=$((failed + f))
  echo "  $p passed, $f failed ($s of them skipped)"
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
    failed=$((failed + 1)); echo "a test run failed without a failing test (see $3):"; tail -n 20 "$3"
  fi
}

# dotnet test with a TRX logger into artifacts/trx/$1, then counted; the other arguments go to dotnet test.
run_dotnet_tests() {
  local name=$1 status=0
  shift
  rm -rf "artifacts/trx/$name"
  dotnet test "$@" -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" \
    --logger trx --results-directory "artifacts/trx/$name" >"artifacts/$name.log" 2>&1 || status=$?
  count_trx "artifacts/trx/$name" "$status" "artifacts/$name.log"
}

section "setup (tests/setup.sh installs what is missing)"
tests/setup.sh

section "build (Release, warnings as errors; also builds the web UI)"
# The web UI's npm ci (when node_modules is missing or older than the lock file, the build's own rule)
# beside the NuGet restore: each only fills its own folder, and the build then finds both done.
web_ci_pid=""
if [ ! web/node_modules/.package-lock.json -nt web/package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error) >artifacts/web-npm-ci.log 2>&1 &
  web_ci_pid=$!
fi
dotnet restore SentryMcp.slnx --nologo -v quiet
[ -z "$web_ci_pid" ] || wait "$web_ci_pid" || { echo "npm ci in web/ failed (see artifacts/web-npm-ci.log):"; tail -n 20 artifacts/web-npm-ci.log; exit 1; }
dotnet build SentryMcp.slnx -c Release -warnaserror --nologo -v quiet --no-restore

# Runs "$@" in the background as parallel step $1 (its output in artifacts/$1.log); it writes its exit
# code to artifacts/$1.status and its wall time to artifacts/$1.seconds. The caller waits on $!.
background() {
  local name=$1
  shift
  rm -f "artifacts/$name.status" "artifacts/$name.seconds"
  (
    start=$(date +%s) status=0
    "$@" >"artifacts/$name.log" 2>&1 || status=$?
    echo "$status" >"artifacts/$name.status"
    echo "$(( $(date +%s) - start ))" >"artifacts/$name.seconds"
    exit "$status"
  ) &
}
# The exit code of waited-for background step $1; 1 when it wrote none (killed, say): never lost.
background_status() { cat "artifacts/$1.status" 2>/dev/null || echo 1; }
background_seconds() { cat "artifacts/$1.seconds" 2>/dev/null || echo "?"; }

# The lint's exit code goes to artifacts/web-lint.status; vitest runs either way (as when sequential).
web_checks() {
  local lint=0
  (cd web && npx biome lint . --max-diagnostics=50) >artifacts/web-lint.log 2>&1 || lint=$?
  echo "$lint" >artifacts/web-lint.status
  (cd web && NO_COLOR=1 FORCE_COLOR=0 npx vitest run) >artifacts/vitest.log 2>&1
}

section "parallel: .NET tests | tool packs (pointer, Native AOT linux-x64, portable any) | web UI lint, then vitest"
# Safe together: the packs build every project under artifacts/tool-build (scripts/pack-tool.sh's
# --artifacts-path), never the bin/ and obj/ the tests load; lint and vitest read only web/ (Node).
echo "   the .NET tests include the browser tests in tests/SentryMcp.E2E; the packaged tool runs after packing"
rm -f artifacts/web-lint.log artifacts/web-lint.status artifacts/vitest.log
background tool-packs scripts/pack-tool.sh artifacts/tool artifacts/tool-build
pack_pid=$!
background web-checks web_checks
web_pid=$!
run_dotnet_tests dotnet-test SentryMcp.slnx --filter "Category!=Scale&FullyQualifiedName!~SentryMcp.Server.Tests.Robustness&FullyQualifiedName!~PackagedToolTests"
dotnet_seconds=$(( $(date +%s) - section_start ))
wait "$web_pid" || true
wait "$pack_pid" || true
web_status=$(background_status web-checks)
lint_status=$(cat artifacts/web-lint.status 2>/dev/null || echo 1)
pack_status=$(background_status tool-packs)
timings+=("$(( $(date +%s) - section_start )) s  $section_name, of which:"
  "  $dotnet_seconds s  .NET tests" "  $(background_seconds tool-packs) s  tool packs (artifacts/tool-packs.log)"
  "  $(background_seconds web-checks) s  web UI lint, then vitest")
section_name=""

section "web UI lint (Biome, web/biome.json; ran beside the .NET tests)"
if [ "$lint_status" -eq 0 ]; then
  passed=$((passed + 1)); tail -1 artifacts/web-lint.log
else
  failed=$((failed + 1)); echo "web lint failed (see artifacts/web-lint.log)"; grep -E "^\S+:[0-9]+:[0-9]+ " artifacts/web-lint.log | head -20
fi

section "web UI tests (vitest; ran beside the .NET tests)"
if [ -s artifacts/vitest.log ]; then
  sed -i -E 's/\x1b\[[0-9;]*m//g' artifacts/vitest.log
  grep -E "Test Files|Tests |FAIL" artifacts/vitest.log || true
  vp=$(grep -E "^ +Tests " artifacts/vitest.log | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
  vf=$(grep -E "^ +Tests " artifacts/vitest.log | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
  passed=$((passed + vp)); failed=$((failed + vf))
  if [ "$web_status" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); echo "vitest failed without a failing test (see artifacts/vitest.log)"; fi
else
  failed=$((failed + 1)); echo "vitest did not run (see artifacts/web-checks.log)"
fi

section "test-robustness started: bad input, faults, load and soak (SOAK_SECONDS, default 60), security checks"
# In the background, beside the stdio, Node and scale-out steps below: its tests judge their own process's
# threads, sockets and heap, and the soak's floors (10 MCP calls/s, 1 turn/s) hold on a loaded machine;
# the steps beside it pick their ports below the ephemeral range (tests/ports.sh), which its port-0
# listeners and outgoing connections never use. Counted at the end, from its TRX files as before.
robustness_tests() {
  TEST_ROBUSTNESS=1 dotnet test tests/SentryMcp.Server.Tests -c Release --no-build --nologo -v quiet \
    --logger "console;verbosity=minimal" --logger trx --results-directory artifacts/trx/robustness \
    --filter "FullyQualifiedName~SentryMcp.Server.Tests.Robustness"
}
rm -rf artifacts/trx/robustness
background robustness robustness_tests
robustness_pid=$!

section "the stdio suite against the packed Native AOT binary (the same tests as the JIT build), then the packages from a folder feed"
if [ "$pack_status" -eq 0 ]; then
  # The linux-x64 package's publish folder: the binary the package ships (one Native AOT compile, not two).
  SENTRY_MCP_STDIO_BINARY="$PWD/artifacts/tool-build/publish/SentryMcp.Stdio/release_linux-x64/sentry-mcp" run_dotnet_tests stdio-aot tests/SentryMcp.Stdio.Tests \
    --filter "FullyQualifiedName!~PackagedToolTests"
  SENTRY_MCP_TOOL_FEED="$PWD/artifacts/tool" run_dotnet_tests packaged-tool tests/SentryMcp.Stdio.Tests \
    --filter "FullyQualifiedName~PackagedToolTests"
else
  failed=$((failed + 1)); echo "packing the tool failed (see artifacts/tool-packs.log):"; tail -n 20 artifacts/tool-packs.log
fi

section "chat streams parsed by the real ai package (Node; captured by the .NET chat tests)"
status=0
(cd tests/chat-stream && npm ci --no-audit --no-fund --loglevel=error && npm test) >artifacts/chat-stream.log 2>&1 || status=$?
grep -E "^# (pass|fail)|^not ok" artifacts/chat-stream.log || true
np=$(grep -E "^# pass " artifacts/chat-stream.log | grep -oE "[0-9]+" || echo 0)
nf=$(grep -E "^# fail " artifacts/chat-stream.log | grep -oE "[0-9]+" || echo 0)
passed=$((passed + np)); failed=$((failed + nf))
if [ "$status" -ne 0 ] && [ "$nf" -eq 0 ]; then failed=$((failed + 1)); echo "the chat-stream test failed without a failing test (see artifacts/chat-stream.log)"; fi

section "real MCP clients: TypeScript SDK v2 OAuth, MCP Inspector CLI (/mcp, /sse, stdio), AI SDK MCP client (Node)"
status=0
tests/clients/run.sh >artifacts/clients.log 2>&1 || status=$?
grep -E "^# (pass|fail)|^not ok" artifacts/clients.log || true
np=$(grep -E "^# pass " artifacts/clients.log | grep -oE "[0-9]+" || echo 0)
nf=$(grep -E "^# fail " artifacts/clients.log | grep -oE "[0-9]+" || echo 0)
passed=$((passed + np)); failed=$((failed + nf))
if [ "$status" -ne 0 ] && [ "$nf" -eq 0 ]; then failed=$((failed + 1)); echo "the client tests failed without a failing test (see artifacts/clients.log)"; fi

section "MCP conformance suite against /mcp"
if tests/conformance/run.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

section "scale-out: PostgreSQL + Redis + two instances behind nginx (TLS)"
status=0
rm -rf artifacts/trx/scale
SCALE_TRX_DIR="$PWD/artifacts/trx/scale" tests/scale/run.sh >artifacts/scale.log 2>&1 || status=$?
tail -n 5 artifacts/scale.log
count_trx artifacts/trx/scale "$status" artifacts/scale.log

section "test-robustness (ran beside the steps since it started)"
wait "$robustness_pid" || true
echo "   its own wall time: $(background_seconds robustness) s"
count_trx artifacts/trx/robustness "$(background_status robustness)" artifacts/robustness.log

section "done"
echo "== wall time per step (total $(( $(date +%s) - suite_start )) s)"
printf '  %s\n' "${timings[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
