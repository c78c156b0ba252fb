#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests (no tool may download one).
# CHROME_PATH overrides the path; otherwise Debian's /usr/bin/chromium is used
# and, when running as root with apt-get, installed if it is missing.
set -euo pipefail

path="${CHROME_PATH:-/usr/bin/chromium}"

works() { [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }

if works "$path"; then
  exit 0
fi

if [ -n "${CHROME_PATH:-}" ]; then
  echo "ensure-chromium: CHROME_PATH=$CHROME_PATH is not a working Chromium." >&2
  echo "Point CHROME_PATH at a Chromium binary, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $path is missing; installing Debian's chromium with apt-get." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  if works "$path"; then
    exit 0
  fi
  echo "ensure-chromium: apt-get installed chromium but $path still does not run." >&2
  exit 1
fi

cat >&2 <<MSG
ensure-chromium: no Chromium at $path, and it cannot be installed from here
(installing needs root and apt-get). Do one of these, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium
  or set CHROME_PATH to the path of a Chromium or Chrome binary.
MSG
exit 1
