#!/usr/bin/env bash
# The end-to-end suite drives Debian's Chromium (Playwright's own browser download does not work here).
# Installs it when missing and we are root; otherwise says exactly what to install.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "openhouse: Chromium not found at $browser; installing Debian's chromium (about a minute)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "openhouse: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  exit 0
fi
cat >&2 <<MSG
openhouse: the browser tests need Chromium at $browser and it is not there.
Install it, then run npm test again:
  sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at an existing Chromium/Chrome binary.
MSG
exit 1
