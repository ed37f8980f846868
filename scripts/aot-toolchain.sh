#!/usr/bin/env bash
# Installs what the Native AOT linker needs, when missing: clang and zlib1g-dev (Debian's apt).
# Called by scripts/publish-aot.sh and scripts/pack-tool.sh (tests/setup.sh installs them for the suite).
set -euo pipefail
missing=()
command -v clang >/dev/null || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (the Native AOT linker needs them)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
