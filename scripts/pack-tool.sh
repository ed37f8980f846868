#!/usr/bin/env bash
# Packs the stdio server as RID-specific .NET tool packages into a folder feed (default artifacts/tool):
#   SentryMcp.<version>.nupkg            the pointer package `dotnet tool` resolves first
#   SentryMcp.linux-x64.<version>.nupkg  the Native AOT binary (with libe_sqlite3.so; no .dbg or .pdb)
#   SentryMcp.any.<version>.nupkg        the portable framework-dependent build, for every other platform
# tests/SentryMcp.Stdio.Tests/PackagedToolTests.cs runs them from that feed (and checks no symbols ship).
# Native AOT links on the platform it targets, so only linux-x64 is native here; its pack compiles the
# binary itself (a few minutes, like scripts/publish-aot.sh). Needs clang and zlib1g-dev.
# Every project of these packs builds under $2 (default artifacts/tool-build; `--artifacts-path`), never
# into the projects' own bin/ and obj/: a `-r linux-x64` pack rebuilds SentryMcp.Core (RID-agnostic, so
# without the RID) and restores again, which would rewrite the very files a running test loads. So the
# packs can run beside the tests (test.sh does). The Native AOT binary the linux-x64 package ships is
# left at $2/publish/SentryMcp.Stdio/release_linux-x64/sentry-mcp.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:-artifacts/tool}
build=${2:-artifacts/tool-build}
project=src/SentryMcp.Stdio
common=(-c Release -warnaserror --nologo -v quiet -p:SkipWebBuild=true --artifacts-path "$build" -o "$feed")
scripts/aot-toolchain.sh
rm -rf "$feed"
# A tool package takes every file of its publish folder: start the folders empty.
rm -rf "$build/publish"
echo "== linux-x64: Native AOT"
dotnet pack "$project" -r linux-x64 -p:PublishAot=true "${common[@]}"
echo "== pointer package"
dotnet pack "$project" "${common[@]}"
echo "== any: portable fallback"
dotnet pack "$project" -r any -p:PublishAot=false "${common[@]}"
ls -l "$feed"
