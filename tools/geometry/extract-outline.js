#!/usr/bin/env node
// Extract Ukraine's outline (ISO 3166-1 numeric 804) from Natural Earth 1:50m
// as redistributed by the npm package world-atlas, and print it as one
// GeoJSON Feature (RFC 7946) on stdout.
//
// Usage (packages are looked up from the current directory, not from here):
//   mkdir -p /tmp/geo && cd /tmp/geo && npm init -y \
//     && npm install world-atlas@2.0.2 topojson-client@3.1.0
//   node /work/main/tools/geometry/extract-outline.js > /tmp/geo/outline.json
//
// Post-processing: coordinates rounded to 4 decimals, consecutive duplicate
// positions removed, rings closed, exterior rings counter-clockwise and holes
// clockwise (RFC 7946 section 3.1.6).
"use strict";

const path = require("path");

const here = [process.cwd()];
const load = (name) => require(require.resolve(name, { paths: here }));
const atlasDir = path.dirname(require.resolve("world-atlas/countries-50m.json", { paths: here }));
const atlasVersion = require(path.join(atlasDir, "package.json")).version;
const topo = load("world-atlas/countries-50m.json");
const { feature } = load("topojson-client");

const ID = "804";
const geom = topo.objects.countries.geometries.find((g) => g.id === ID);
if (!geom) {
  console.error(`id ${ID} not found in countries-50m.json`);
  process.exit(1);
}
const f = feature(topo, geom);

const r4 = (v) => Math.round(v * 1e4) / 1e4;

// Twice the signed area in the lon/lat plane; > 0 means counter-clockwise.
function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

function cleanRing(ring, wantCcw) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [r4(x), r4(y)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  const a = out[0], z = out[out.length - 1];
  if (a[0] !== z[0] || a[1] !== z[1]) out.push([a[0], a[1]]);
  if (out.length < 4) throw new Error("degenerate ring after rounding");
  if ((signedArea2(out) > 0) !== wantCcw) out.reverse();
  return out;
}

const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
const cleaned = polys.map((p) => p.map((ring, i) => cleanRing(ring, i === 0)));

const geometry = cleaned.length === 1
  ? { type: "Polygon", coordinates: cleaned[0] }
  : { type: "MultiPolygon", coordinates: cleaned };

const out = {
  type: "Feature",
  properties: {
    kind: "outline",
    name: "Ukraine",
    country: "UA",
    source: `Natural Earth 1:50m admin-0 (public domain) via npm world-atlas@${atlasVersion} countries-50m.json, id ${ID}, topojson-client feature(); rounded to 4 decimals`,
  },
  geometry,
};
process.stdout.write(JSON.stringify(out) + "\n");
