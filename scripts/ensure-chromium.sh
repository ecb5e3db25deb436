#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here): its
# headless shell (package chromium-headless-shell) when installed, which does the same work on much less CPU,
# else the full browser (package chromium, which the benches that time a person's browser also use).
# Installs both when missing and we are root; otherwise says exactly what to install.
set -euo pipefail
shell=/usr/lib/chromium/chromium-headless-shell
full=/usr/bin/chromium
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
  echo "openhouse: CHROMIUM_PATH is $CHROMIUM_PATH, and no Chromium is there." >&2
  exit 1
fi
if [ -x "$shell" ] && [ -x "$full" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "openhouse: installing Debian's chromium and chromium-headless-shell (about a minute)…"
  apt-get update -qq
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null; then
    echo "openhouse: installed $("$full" --version 2>/dev/null || echo chromium) and its headless shell"
    exit 0
  fi
  # An older Debian without the shell package: the full browser runs the same tests, on more CPU.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "openhouse: installed $("$full" --version 2>/dev/null || echo chromium); no chromium-headless-shell package, so the tests drive the full browser (slower)"
  exit 0
fi
if [ -x "$shell" ]; then exit 0; fi
if [ -x "$full" ]; then
  echo "openhouse: the tests drive the full Chromium; Debian's chromium-headless-shell runs them on much less CPU:"
  echo "  sudo apt-get install -y chromium-headless-shell"
  exit 0
fi
cat >&2 <<MSG
openhouse: the browser tests need Chromium and it is not there.
Install it, then run npm test again:
  sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell
or point CHROMIUM_PATH at an existing Chromium/Chrome binary.
MSG
exit 1
