#!/usr/bin/env bash
# Scale-out proof on loopback: PostgreSQL + Redis + one shared Sentry sandbox + two instances of the
# host behind nginx (round robin, configuration read from docs/deploy.md), then the Scale tests.
# nginx ends TLS with a certificate made for the run, as in a deployment (PUBLIC_URL https).
# Starts and stops everything itself; needs the Release build (test.sh builds it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SERVER_DLL=$ROOT/src/SentryMcp.Server/bin/Release/net10.0/SentryMcp.Server.dll
SANDBOX_DLL=$ROOT/src/SentryMcp.Sandbox/bin/Release/net10.0/SentryMcp.Sandbox.dll
TESTS_DLL=$ROOT/tests/SentryMcp.Server.Tests/bin/Release/net10.0/SentryMcp.Server.Tests.dll
for f in "$SERVER_DLL" "$SANDBOX_DLL" "$TESTS_DLL"; do
  [ -f "$f" ] || { echo "missing $f: build with 'dotnet build SentryMcp.slnx -c Release' first" >&2; exit 1; }
done

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
"$ROOT/tests/setup.sh"
PG_BIN=$(pg_bin)

WORK=$(mktemp -d /tmp/sentry-mcp-scale.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local rc=$?
  touch "$WORK/stop"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for i in 1 2; do
    [ -f "$WORK/instance$i.pid" ] && kill "$(cat "$WORK/instance$i.pid")" 2>/dev/null || true
  done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  if [ $rc -ne 0 ]; then
    for log in "$WORK"/*.log; do echo "--- $log (tail)"; tail -n 30 "$log"; done
  fi
  rm -rf "$WORK" "${picked_ports_file:-}"
  exit $rc
}
trap cleanup EXIT INT TERM

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# shellcheck source=../ports.sh
. tests/ports.sh
wait_http() { # url seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "timed out waiting for $1" >&2; return 1
}

PG_PORT=$(free_port); REDIS_PORT=$(free_port); SANDBOX_PORT=$(free_port)
LB_PORT=$(free_port); PORT1=$(free_port); PORT2=$(free_port)
# The scripted language model is started by the chat test on this port; the instances point at it.
LLM_PORT=$(free_port)
PG_PASSWORD="scale-test-$RANDOM$RANDOM"

echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg"
printf '%s\n' "$PG_PASSWORD" > "$WORK/pg/pw"
[ "$(id -u)" = 0 ] && chown -R postgres "$WORK/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --pwfile="$WORK/pg/pw" --auth-host=scram-sha-256 --auth-local=trust --no-sync >"$WORK/pg/initdb.out" 2>&1
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c fsync=off -c max_connections=200" start >/dev/null
as_postgres "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U postgres sentrymcp
DATABASE_URL="postgres://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/sentrymcp"

echo "== Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

echo "== Sentry sandbox on 127.0.0.1:$SANDBOX_PORT"
dotnet "$SANDBOX_DLL" --urls "http://127.0.0.1:$SANDBOX_PORT" >"$WORK/sandbox.log" 2>&1 &
PIDS+=($!)

echo "== DataProtection key-encryption certificate (self-signed, this run only)"
KEYS_PASSWORD="scale-keys-$RANDOM$RANDOM"
openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes -subj "/CN=sentry-mcp-scale-keys" \
  -keyout "$WORK/keys.key" -out "$WORK/keys.crt" >"$WORK/openssl.log" 2>&1
openssl pkcs12 -export -inkey "$WORK/keys.key" -in "$WORK/keys.crt" -passout "pass:$KEYS_PASSWORD" -out "$WORK/keys.pfx" >>"$WORK/openssl.log" 2>&1
rm -f "$WORK/keys.key"

echo "== a TLS certificate for the balancer (trusted by the tests and the instances through SSL_CERT_FILE)"
mkdir -p "$WORK/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$WORK/tls/sentry-mcp.key" -out "$WORK/tls/sentry-mcp.crt" >"$WORK/tls/openssl.log" 2>&1
chmod 644 "$WORK/tls/sentry-mcp.key"
export SSL_CERT_FILE="$WORK/tls/sentry-mcp.crt" CURL_CA_BUNDLE="$WORK/tls/sentry-mcp.crt"

# As deployed: nginx ends TLS; PUBLIC_URL is its https address.
BALANCER="https://127.0.0.1:$LB_PORT"
# Like a service manager: an instance that dies is started again with the same configuration.
supervise() { # index port
  local i=$1 port=$2
  mkdir -p "$WORK/instance$i"
  (
    cd "$WORK/instance$i"
    while [ ! -e "$WORK/stop" ]; do
      ASPNETCORE_ENVIRONMENT=Production DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
        SENTRY_HOST="http://127.0.0.1:$SANDBOX_PORT" PUBLIC_URL="$BALANCER" \
        SENTRY_CLIENT_ID=sandbox-mcp-server SENTRY_CLIENT_SECRET=sandbox-mcp-server-secret \
        DataProtection__KeyEncryptionCertificate="$WORK/keys.pfx" DataProtection__KeyEncryptionCertificatePassword="$KEYS_PASSWORD" \
        RateLimits__PerUserPerMinute=400 RateLimits__PerIpPerMinute=100000 Auth__RegistrationsPerHourPerIp=1000 \
        Logging__LogLevel__Default=Warning \
        OPENAI_BASE_URL="http://127.0.0.1:$LLM_PORT/v1" OPENAI_API_KEY=scale-test \
        dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$port" >>"$WORK/instance$i.log" 2>&1 &
      echo $! > "$WORK/instance$i.pid"
      echo "$!" >> "$WORK/instance$i.starts"
      wait $! || true
      sleep 0.3
    done
  ) 2>/dev/null &
  PIDS+=($!)
}
echo "== two instances on 127.0.0.1:$PORT1 and 127.0.0.1:$PORT2 (started together)"
supervise 1 "$PORT1"
supervise 2 "$PORT2"

echo "== nginx on $BALANCER"
mkdir -p "$WORK/nginx"; chmod 777 "$WORK/nginx"
sed -n '/<!-- nginx-config:begin -->/,/<!-- nginx-config:end -->/p' docs/deploy.md | sed '/^<!--/d;/^```/d' \
  | sed "s/listen 443 ssl;/listen 127.0.0.1:$LB_PORT ssl;/; s/server_name mcp.example.com;/server_name 127.0.0.1;/; s#/etc/nginx/tls/#$WORK/tls/#; s/127.0.0.1:8081 /127.0.0.1:$PORT1 /; s/127.0.0.1:8082 /127.0.0.1:$PORT2 /" > "$WORK/nginx/sentry-mcp.conf"
grep -q "127.0.0.1:$PORT2 " "$WORK/nginx/sentry-mcp.conf" && grep -q "127.0.0.1:$LB_PORT ssl" "$WORK/nginx/sentry-mcp.conf" && grep -q "$WORK/tls/sentry-mcp.key" "$WORK/nginx/sentry-mcp.conf" \
  || { echo "could not read the nginx configuration from docs/deploy.md" >&2; exit 1; }
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/sentry-mcp.conf;
}
NGINX
/usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx-stdout.log" 2>&1 &
PIDS+=($!)

wait_http "http://127.0.0.1:$SANDBOX_PORT/__sandbox/oauth" 60
wait_http "http://127.0.0.1:$PORT1/healthz" 90
wait_http "http://127.0.0.1:$PORT2/healthz" 90
wait_http "$BALANCER/healthz" 30
# Started at the same moment on an empty database: neither may have crashed and been restarted.
for i in 1 2; do
  [ "$(wc -l < "$WORK/instance$i.starts")" = 1 ] || { echo "instance $i needed a restart to come up" >&2; exit 1; }
done

echo "== scale tests"
SCALE_BALANCER_URL="$BALANCER" \
SCALE_INSTANCE_URLS="http://127.0.0.1:$PORT1,http://127.0.0.1:$PORT2" \
SCALE_INSTANCE_PID_FILES="$WORK/instance1.pid,$WORK/instance2.pid" \
SCALE_SANDBOX_URL="http://127.0.0.1:$SANDBOX_PORT" \
SCALE_DATABASE_URL="$DATABASE_URL" \
SCALE_REDIS_URL="$REDIS_URL" \
SCALE_PER_USER_LIMIT=400 \
SCALE_LLM_PORT="$LLM_PORT" \
  timeout 300 dotnet test "$ROOT/tests/SentryMcp.Server.Tests" -c Release --no-build --nologo -v quiet \
    --filter "Category=Scale" --logger "console;verbosity=detailed" --logger trx --results-directory "${SCALE_TRX_DIR:-$WORK/trx}" 2>&1 | tee "$WORK/tests.out" | grep -vE "^\s*$|^\[xUnit.net"
# The key ring is encrypted: DataProtection never warned about an unencrypted key.
if grep -q "No XML encryptor configured" "$WORK"/instance*.log; then
  echo "an instance stored a DataProtection key unencrypted" >&2; exit 1
fi
# Every test must have run and passed: none skipped, none filtered away by mistake.
grep -q "Test Run Successful" "$WORK/tests.out" && ! grep -qE "Skipped: *[1-9]" "$WORK/tests.out" && grep -qE "Passed: *[1-9]" "$WORK/tests.out" \
  || { echo "scale tests failed" >&2; exit 1; }
