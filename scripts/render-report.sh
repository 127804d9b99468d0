#!/usr/bin/env bash
# Renders a tiedepth report page to a PNG with headless Chromium (to look at it as a reader would).
#   scripts/render-report.sh REPORT.html OUT.png [WIDTHxHEIGHT, default 1280x4000]
# Needs /usr/bin/chromium (Debian: apt-get install -y chromium). The page loads nothing from the network.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$(readlink -f "$1")
out=$(readlink -m "$2")
size=${3:-1280x4000}
[[ -r "$html" ]] || { echo "$0: cannot read $1" >&2; exit 3; }
chrome=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chrome" ]]; then
  echo "$0: $chrome not found; install it with: apt-get install -y chromium" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" --screenshot="$out" \
  --window-size="${size/x/,}" "file://$html" >/dev/null 2>&1
[[ -s "$out" ]] || { echo "$0: no screenshot written" >&2; exit 4; }
echo "$out"
