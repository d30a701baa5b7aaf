#!/usr/bin/env node
// Extract the outlines of Ukraine's neighbours (and a few nearby states) from
// Natural Earth 1:50m as redistributed by the npm package world-atlas, clip
// them to the map box lon 10..52, lat 36..60, and print a GeoJSON
// FeatureCollection (RFC 7946) on stdout, one Feature per line.
//
// Usage (packages are looked up from the current directory, not from here):
//   mkdir -p /tmp/geo-nb && cd /tmp/geo-nb && npm init -y \
//     && npm install world-atlas@2.0.2 topojson-client@3.1.0
//   node /work/main/tools/geometry/extract-neighbours.js \
//     > /work/main/tools/geometry/neighbours.geojson
//
// Post-processing, per ring: Sutherland-Hodgman clipping against the box,
// coordinates rounded to 3 decimals, consecutive duplicate positions removed,
// rings closed, exterior rings counter-clockwise and holes clockwise
// (RFC 7946 section 3.1.6). Rings with fewer than 4 positions or zero area
// are dropped (a polygon whose exterior ring is dropped is dropped whole).
// If the whole collection would exceed MAX_BYTES, every ring is thinned by
// dropping vertices closer than MIN_STEP degrees to the previous kept one.
// Statistics go to stderr.
"use strict";

const path = require("path");

const here = [process.cwd()];
const load = (name) => require(require.resolve(name, { paths: here }));
const atlasDir = path.dirname(require.resolve("world-atlas/countries-50m.json", { paths: here }));
const atlasVersion = require(path.join(atlasDir, "package.json")).version;
const topo = load("world-atlas/countries-50m.json");
const { feature } = load("topojson-client");

// ISO 3166-1 numeric id (as used by world-atlas), name, alpha-2 code.
const COUNTRIES = [
  ["616", "Poland", "PL"],
  ["703", "Slovakia", "SK"],
  ["348", "Hungary", "HU"],
  ["642", "Romania", "RO"],
  ["498", "Moldova", "MD"],
  ["112", "Belarus", "BY"],
  ["643", "Russia", "RU"],
  ["100", "Bulgaria", "BG"],
  ["440", "Lithuania", "LT"],
  ["792", "Turkey", "TR"],
  ["688", "Serbia", "RS"],
  ["203", "Czechia", "CZ"],
  ["268", "Georgia", "GE"],
  ["276", "Germany", "DE"],
  ["040", "Austria", "AT"],
  ["705", "Slovenia", "SI"],
  ["191", "Croatia", "HR"],
  ["070", "Bosnia and Herzegovina", "BA"],
  ["499", "Montenegro", "ME"],
  ["008", "Albania", "AL"],
  ["807", "North Macedonia", "MK"],
  ["300", "Greece", "GR"],
  ["428", "Latvia", "LV"],
  ["233", "Estonia", "EE"],
  ["398", "Kazakhstan", "KZ"],
  ["031", "Azerbaijan", "AZ"],
  ["051", "Armenia", "AM"],
  ["364", "Iran", "IR"],
  // world-atlas gives Kosovo no numeric id; found by name, code XK (the
  // user-assigned code the EU and others use)
  ["", "Kosovo", "XK"],
];

// wide enough that no map of the theatre shows a cut edge: the theatre maps
// reach about lon 14..48, lat 41..57
const BOX = { xmin: 10, xmax: 52, ymin: 36, ymax: 60 };
const MAX_BYTES = 400 * 1024;
const MIN_STEP = 0.02; // degrees, used only when the output is too large
const SOURCE = `Natural Earth 1:50m via world-atlas ${atlasVersion} (public domain)`;

// ---- clipping -------------------------------------------------------------

// Clip a ring (array of [x, y], closed or not) against one half-plane given by
// inside(p) and the intersection function cut(p, q); returns an open ring.
function clipEdge(pts, inside, cut) {
  const out = [];
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const cur = pts[i];
    const prev = pts[(i + n - 1) % n];
    const cin = inside(cur), pin = inside(prev);
    if (cin) {
      if (!pin) out.push(cut(prev, cur));
      out.push(cur);
    } else if (pin) {
      out.push(cut(prev, cur));
    }
  }
  return out;
}

// Intersection with the vertical line x = c (p and q straddle it).
const atX = (c) => (p, q) => [c, p[1] + ((q[1] - p[1]) * (c - p[0])) / (q[0] - p[0])];
// Intersection with the horizontal line y = c.
const atY = (c) => (p, q) => [p[0] + ((q[0] - p[0]) * (c - p[1])) / (q[1] - p[1]), c];

function clipRing(ring) {
  let pts = ring.slice();
  // drop the closing position; clipEdge treats the ring as cyclic
  const a = pts[0], z = pts[pts.length - 1];
  if (pts.length > 1 && a[0] === z[0] && a[1] === z[1]) pts.pop();
  const { xmin, xmax, ymin, ymax } = BOX;
  pts = clipEdge(pts, (p) => p[0] >= xmin, atX(xmin));
  if (pts.length) pts = clipEdge(pts, (p) => p[0] <= xmax, atX(xmax));
  if (pts.length) pts = clipEdge(pts, (p) => p[1] >= ymin, atY(ymin));
  if (pts.length) pts = clipEdge(pts, (p) => p[1] <= ymax, atY(ymax));
  return pts; // open ring, possibly empty
}

// ---- cleaning -------------------------------------------------------------

const r3 = (v) => Math.round(v * 1e3) / 1e3 + 0; // + 0 turns -0 into 0

// Twice the signed area in the lon/lat plane; > 0 means counter-clockwise.
function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

const same = (p, q) => p[0] === q[0] && p[1] === q[1];
const dist = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);

// Round, remove consecutive duplicates, optionally thin, close, orient.
// Returns null if the ring is degenerate.
function cleanRing(open, wantCcw, minStep) {
  let out = [];
  for (const [x, y] of open) {
    const p = [r3(x), r3(y)];
    const q = out[out.length - 1];
    if (!q || !same(p, q)) out.push(p);
  }
  while (out.length > 1 && same(out[0], out[out.length - 1])) out.pop();
  if (minStep > 0 && out.length > 0) {
    const kept = [out[0]];
    for (let i = 1; i < out.length; i++) {
      if (dist(out[i], kept[kept.length - 1]) >= minStep) kept.push(out[i]);
    }
    // the last kept vertex must also be far enough from the closing one
    while (kept.length > 3 && dist(kept[kept.length - 1], kept[0]) < minStep) kept.pop();
    out = kept;
  }
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  const a2 = signedArea2(out);
  if (a2 === 0) return null;
  if ((a2 > 0) !== wantCcw) out.reverse();
  return out;
}

// ---- main -----------------------------------------------------------------

// Clip once (unrounded), then clean with the given thinning step.
const clipped = COUNTRIES.map(([id, name, cc]) => {
  const geom = topo.objects.countries.geometries.find(
    (g) => (id ? g.id === id : g.id === undefined && g.properties && g.properties.name === name));
  if (!geom) throw new Error(`id ${id} (${name}) not found in countries-50m.json`);
  if (geom.properties && geom.properties.name !== name) {
    console.error(`note: id ${id} is named "${geom.properties.name}" in world-atlas, using "${name}"`);
  }
  const f = feature(topo, geom);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const inVerts = polys.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
  return { id, name, cc, inVerts, inPolys: polys.length, polys: polys.map((p) => p.map(clipRing)) };
});

function build(minStep) {
  const stats = [];
  const lines = clipped.map((c) => {
    const coords = [];
    let droppedRings = 0;
    for (const poly of c.polys) {
      const ext = poly[0].length ? cleanRing(poly[0], true, minStep) : null;
      if (!ext) { droppedRings += poly.length; continue; }
      const rings = [ext];
      for (const hole of poly.slice(1)) {
        const h = hole.length ? cleanRing(hole, false, minStep) : null;
        if (h) rings.push(h); else droppedRings++;
      }
      coords.push(rings);
    }
    if (!coords.length) throw new Error(`${c.name}: nothing left inside the box`);
    const positions = coords.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
    const rings = coords.reduce((s, p) => s + p.length, 0);
    stats.push({ name: c.name, id: c.id, inPolys: c.inPolys, inVerts: c.inVerts,
      parts: coords.length, rings, positions, distinct: positions - rings, droppedRings });
    return JSON.stringify({
      type: "Feature",
      properties: { kind: "neighbour", name: c.name, country: c.cc, source: SOURCE },
      geometry: { type: "MultiPolygon", coordinates: coords },
    });
  });
  const text = '{"type":"FeatureCollection","features":[\n' + lines.join(",\n") + "\n]}\n";
  return { text, stats };
}

let minStep = 0;
let res = build(0);
const fullBytes = Buffer.byteLength(res.text);
if (fullBytes > MAX_BYTES) {
  minStep = MIN_STEP;
  res = build(minStep);
}

console.error(`world-atlas ${atlasVersion}; unthinned size ${fullBytes} bytes; ` +
  (minStep ? `thinned with min step ${minStep} deg -> ${Buffer.byteLength(res.text)} bytes` : "no thinning needed"));
console.error("name\tid\tsrc_parts\tsrc_positions\tparts\trings\tpositions\tdistinct\tdropped_rings");
let tot = 0, totD = 0;
for (const s of res.stats) {
  tot += s.positions; totD += s.distinct;
  console.error([s.name, s.id, s.inPolys, s.inVerts, s.parts, s.rings, s.positions, s.distinct, s.droppedRings].join("\t"));
}
console.error(`total positions ${tot}, distinct vertices ${totD}`);
process.stdout.write(res.text);
