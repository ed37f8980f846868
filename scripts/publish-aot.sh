#!/usr/bin/env bash
# Publishes the stdio server as a Native AOT binary: artifacts/aot/<rid>/sentry-mcp (plus
# libe_sqlite3.so, SQLite's native library, which must stay beside it). The RID defaults to this
# machine's (linux-x64 here); pass another as $1 only where its native toolchain is installed, since
# Native AOT links on the platform it targets. Needs clang and zlib1g-dev (installed here when missing).
# Trim and AOT warnings fail the publish, like every other warning.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${1:-linux-x64}
scripts/aot-toolchain.sh
out="artifacts/aot/$rid"
rm -rf "$out"
dotnet publish src/SentryMcp.Stdio -c Release -r "$rid" -p:PublishAot=true -warnaserror --nologo -v quiet \
  -p:SkipWebBuild=true -o "$out"
# The debug symbols are not shipped.
rm -f "$out"/*.dbg "$out"/*.pdb
ls -l "$out"
