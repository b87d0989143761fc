#!/usr/bin/env bash
# Lighthouse performance budget for the built site (a benchmark, not a test): see run.mjs.
# Needs Node 20, npm (Lighthouse 12.2.3 from the npm registry) and Debian's chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
args=()
for a in "$@"; do
  if [[ "$a" == *.html ]]; then args+=("$a"); else args+=("$(cd "$a" && pwd)"); fi  # a site folder, from the caller's directory
done
cd "$here"
if [ ! -d node_modules/lighthouse ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" node run.mjs ${args[@]+"${args[@]}"}
