#!/usr/bin/env bash
# Refreshes the bundled Apache ECharts from the npm registry. The site loads ECharts from its own
# folder (never a CDN), so updating it is: run this with the wanted version, rebuild, run the tests.
#   templates/vendor/update-echarts.sh 6.1.0
set -euo pipefail
version="${1:?usage: update-echarts.sh VERSION}"
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../static/vendor/echarts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "echarts@$version" >/dev/null && tar -xzf "echarts-$version.tgz")
mkdir -p "$dest"
cp "$work/package/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$work/package/LICENSE" "$dest/LICENSE"
cp "$work/package/NOTICE" "$dest/NOTICE"
printf 'Apache ECharts %s\nnpm package: echarts@%s (dist/echarts.min.js)\nLicense: Apache-2.0 (see LICENSE and NOTICE)\nUpdated by: templates/vendor/update-echarts.sh\n' \
  "$version" "$version" > "$dest/VERSION"
echo "echarts $version -> $dest"
