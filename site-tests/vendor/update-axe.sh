#!/usr/bin/env bash
# Refreshes axe-core, the accessibility engine the browser tests inject into every page, from the npm
# registry. It is vendored so the tests run offline. Run with the wanted version, then the tests.
#   site-tests/vendor/update-axe.sh 4.14.1
set -euo pipefail
version="${1:?usage: update-axe.sh VERSION}"
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../src/test/resources/vendor/axe-core"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$version" >/dev/null && tar -xzf "axe-core-$version.tgz")
mkdir -p "$dest"
cp "$work/package/axe.min.js" "$dest/axe.min.js"
cp "$work/package/LICENSE" "$dest/LICENSE"
printf 'axe-core %s\nnpm package: axe-core@%s (axe.min.js)\nLicense: MPL-2.0 (see LICENSE)\nUsed by: the browser tests only (never published)\nUpdated by: site-tests/vendor/update-axe.sh\n' \
  "$version" "$version" > "$dest/VERSION"
echo "axe-core $version -> $dest"
