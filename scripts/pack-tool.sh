#!/usr/bin/env bash
# Packs the stdio server as RID-specific .NET tool packages into a folder feed (default artifacts/tool):
#   SentryMcp.<version>.nupkg            the pointer package `dotnet tool` resolves first
#   SentryMcp.linux-x64.<version>.nupkg  the Native AOT binary (with libe_sqlite3.so; no .dbg or .pdb)
#   SentryMcp.any.<version>.nupkg        the portable framework-dependent build, for every other platform
# tests/SentryMcp.Stdio.Tests/PackagedToolTests.cs runs them from that feed (and checks no symbols ship).
# Native AOT links on the platform it targets, so only linux-x64 is native here; its pack compiles the
# binary itself (a few minutes, like scripts/publish-aot.sh). Needs clang and zlib1g-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:-artifacts/tool}
project=src/SentryMcp.Stdio
common=(-c Release -warnaserror --nologo -v quiet -p:SkipWebBuild=true -o "$feed")
scripts/aot-toolchain.sh
rm -rf "$feed"
# A tool package takes every file of its publish folder: start the folders empty.
rm -rf "$project"/bin/Release/net10.0/linux-x64/publish "$project"/bin/Release/net10.0/any/publish
echo "== linux-x64: Native AOT"
dotnet pack "$project" -r linux-x64 -p:PublishAot=true "${common[@]}"
echo "== pointer package"
dotnet pack "$project" "${common[@]}"
echo "== any: portable fallback"
dotnet pack "$project" -r any -p:PublishAot=false "${common[@]}"
ls -l "$feed"
