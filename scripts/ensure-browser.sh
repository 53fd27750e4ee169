#!/usr/bin/env bash
# Makes sure the end-to-end tests have a browser and fonts: Debian's Chromium and Noto CJK (Chinese text
# renders as boxes without them). Playwright's own browser download does not work on a closed network.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }

if [ -x "$browser" ] && have_fonts; then
  echo "Browser: $browser ($("$browser" --version 2>/dev/null || echo unknown version)); CJK fonts present."
  exit 0
fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium and fonts-noto-cjk for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  echo "Installed: $(/usr/bin/chromium --version)."
  exit 0
fi
echo "No Chromium at $browser and no way to install it here." >&2
echo "Install Chromium and a CJK font (Debian: apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH." >&2
exit 1
