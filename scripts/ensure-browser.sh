#!/usr/bin/env bash
# Makes sure the tests have what Debian must provide: Chromium and Noto CJK for the end-to-end tests
# (Chinese text renders as boxes without them; Playwright's own browser download does not work on a
# closed network), and libical's development files, against which test/libical.ts compiles libical's
# restriction check of the calendars.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }
have_libical() { pkg-config --exists libical 2>/dev/null; }

if [ -x "$browser" ] && have_fonts && have_libical; then
  echo "Browser: $browser ($("$browser" --version 2>/dev/null || echo unknown version)); CJK fonts and libical present."
  exit 0
fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium, fonts-noto-cjk and libical-dev for the tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk libical-dev pkg-config >/dev/null
  echo "Installed: $(/usr/bin/chromium --version); libical $(pkg-config --modversion libical)."
  exit 0
fi
echo "Missing Chromium at $browser, a CJK font or libical, and no way to install them here." >&2
echo "Install them (Debian: apt-get install chromium fonts-noto-cjk libical-dev pkg-config), or set CHROMIUM_PATH." >&2
exit 1
