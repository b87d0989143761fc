#!/usr/bin/env bash
# Refreshes the bundled MiniSearch (client-side full-text search) from the npm registry. The site loads
# it from its own folder, on the reader's first search, so updating it is: run this with the wanted
# version, rebuild, run the tests (SearchTest checks ranking for typical queries).
#   templates/vendor/update-minisearch.sh 7.2.0
set -euo pipefail
version="${1:?usage: update-minisearch.sh VERSION}"
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../static/vendor/minisearch"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "minisearch@$version" >/dev/null && tar -xzf "minisearch-$version.tgz")
mkdir -p "$dest"
cp "$work/package/dist/umd/index.js" "$dest/minisearch.js"
cp "$work/package/LICENSE.txt" "$dest/LICENSE"
printf 'MiniSearch %s\nnpm package: minisearch@%s (dist/umd/index.js)\nLicense: MIT (see LICENSE)\nUpdated by: templates/vendor/update-minisearch.sh\n' \
  "$version" "$version" > "$dest/VERSION"
echo "minisearch $version -> $dest"
