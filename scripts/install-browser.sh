#!/usr/bin/env bash
# Installs what the browser tests (tests/browser) need: Debian's Chromium at /usr/bin/chromium, and the pinned
# npm packages (playwright-core and axe-core; playwright-core never downloads a browser of its own).
#   bash scripts/install-browser.sh && cd tests/browser && node --test
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-debian.sh /usr/bin/chromium=chromium

command -v node >/dev/null || { echo "Node.js (18 or later) is needed for the browser tests" >&2; exit 1; }

cd tests/browser
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
