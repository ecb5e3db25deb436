#!/usr/bin/env bash
# `npm run cluster` puts Debian's HAProxy in front of the nodes: installed here when missing and we are root,
# otherwise the exact command is printed and we fail.
set -uo pipefail
if [ -x /usr/sbin/haproxy ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "openhouse: installing Debian's haproxy…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || echo "openhouse: apt-get update failed; trying the package lists this machine has"
  if apt-get install -y -qq haproxy >/dev/null; then
    # Debian's package starts a service on port 80 with its own config; ours runs in the foreground instead.
    (command -v systemctl >/dev/null 2>&1 && systemctl disable --now haproxy >/dev/null 2>&1) || true
    exit 0
  fi
fi
cat >&2 <<MSG
openhouse: npm run cluster needs HAProxy (/usr/sbin/haproxy) and it is not there. Install it, then run again:
  sudo apt-get update && sudo apt-get install -y haproxy
MSG
exit 1
