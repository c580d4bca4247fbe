#!/usr/bin/env bash
# Build the analyst UI's front-end assets from npm packages pinned in
# frontend/package-lock.json and copy them into the package's static folder
# (src/claimgraph/serve/static/vendor, git-ignored). Runs at set-up time only:
# the UI never fetches anything from the network at run time.
#
# Vendored: cytoscape (network view), leaflet (map), and Natural Earth country
# outlines from world-atlas (TopoJSON, converted once here to GeoJSON with
# topojson-client so the browser loads plain GeoJSON).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FRONT="$ROOT/frontend"
VENDOR="$ROOT/src/claimgraph/serve/static/vendor"

command -v npm >/dev/null || { echo "build-frontend: npm not found; install Node.js (>=18) and npm" >&2; exit 1; }

cd "$FRONT"
if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
else
    npm install --no-audit --no-fund --loglevel=error
fi

rm -rf "$VENDOR"
mkdir -p "$VENDOR"
cp node_modules/cytoscape/dist/cytoscape.min.js "$VENDOR/"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/"
cp node_modules/cytoscape/LICENSE "$VENDOR/LICENSE.cytoscape.txt" 2>/dev/null || true
cp node_modules/leaflet/LICENSE "$VENDOR/LICENSE.leaflet.txt" 2>/dev/null || true
cp node_modules/world-atlas/LICENSE "$VENDOR/LICENSE.world-atlas.txt" 2>/dev/null || true

# Natural Earth 1:50m admin-0 outlines (world-atlas) as GeoJSON.
node -e '
const fs = require("fs");
const topojson = require("topojson-client");
const topo = JSON.parse(fs.readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const gj = topojson.feature(topo, topo.objects.countries);
// 3 decimals (about 100 m) is ample for country outlines and halves the file.
fs.writeFileSync(process.argv[1], JSON.stringify(gj, (k, v) => typeof v === "number" ? Math.round(v * 1000) / 1000 : v));
' "$VENDOR/countries.geojson"

echo "build-frontend: vendored $(ls "$VENDOR" | wc -l) files into $VENDOR"
