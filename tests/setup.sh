#!/usr/bin/env bash
# The operating-system packages the tests need, installed from Debian's repositories when missing:
# chromium and an emoji font for the browser tests (Playwright never downloads a browser), and
# PostgreSQL, Redis, nginx, curl and openssl for the scale-out proof. Everything else (npm packages,
# Node 22 as an npm package, NuGet packages) is installed by the build and the suites' own scripts.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-color-emoji)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
# Native AOT publishing of the stdio server (scripts/publish-aot.sh) links with clang and zlib.
command -v clang >/dev/null || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
