#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here): its
# headless shell (package chromium-headless-shell) when installed, which does the same work on much less CPU,
# else the full browser (package chromium, which the benches that time a person's browser also use).
# Installs both when missing and we are root; otherwise says exactly what to install. A full Chromium alone is
# enough to run the tests: failing to add the shell to it only costs time, so it is said, not fatal.
set -uo pipefail
# OPENHOUSE_HEADLESS_SHELL and OPENHOUSE_FULL_CHROMIUM exist to try this script's branches; lib/chromium-path.ts has the paths.
shell=${OPENHOUSE_HEADLESS_SHELL:-/usr/lib/chromium/chromium-headless-shell}
full=${OPENHOUSE_FULL_CHROMIUM:-/usr/bin/chromium}
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
  echo "openhouse: CHROMIUM_PATH is $CHROMIUM_PATH, and no Chromium is there." >&2
  exit 1
fi
if [ -x "$shell" ] && [ -x "$full" ]; then exit 0; fi
slower="the tests drive the full Chromium, on more CPU"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "openhouse: installing Debian's chromium and chromium-headless-shell (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || echo "openhouse: apt-get update failed; trying the package lists this machine has"
  if apt-get install -y -qq chromium chromium-headless-shell >/dev/null; then
    echo "openhouse: installed $("$full" --version 2>/dev/null || echo chromium) and its headless shell"
    exit 0
  fi
  # An older Debian without the shell's package, or no way to fetch it: the full browser runs the same tests.
  if [ -x "$full" ] || apt-get install -y -qq chromium >/dev/null; then
    echo "openhouse: could not install chromium-headless-shell; $slower"
    exit 0
  fi
fi
if [ -x "$shell" ]; then exit 0; fi
if [ -x "$full" ]; then
  echo "openhouse: $slower. Debian's headless shell needs much less:"
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
