#!/bin/sh
# Makes sure a Chromium for the Playwright tests is installed (Debian's package; Playwright's own
# browser downloads are not used). Honours $CHROMIUM_PATH, like playwright.config.ts.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: found $CHROMIUM"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  echo "  Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: installed $CHROMIUM"
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
ensure-chromium: no Chromium at $CHROMIUM.
The end-to-end tests use the system's Chromium, not a Playwright download. Install it with
  sudo apt-get update && sudo apt-get install -y chromium        (Debian/Ubuntu)
or point the tests at an existing Chromium/Chrome binary:
  CHROMIUM_PATH=/path/to/chromium npm run test:e2e
MSG
exit 1
