#!/usr/bin/env bash
# Debian packages the test suite needs: chromium for browser tests, ICU headers
# to build PyICU (a followthemoney dependency) where no wheel fits.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libicu-dev >/dev/null 2>&1 || need+=(libicu-dev)
dpkg -s pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "system-deps: please install: ${need[*]} (apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
