#!/usr/bin/env node
// Assemble data/ukraine-2025.geojson from its parts:
//  - the outline: Ukraine (Natural Earth 1:50m id 804) united with Crimea.
//    Natural Earth 4.1.0, as packaged in world-atlas 2.0.2, draws Crimea as
//    part of Russia (its de facto convention); guarantor draws Ukraine in its
//    internationally recognised borders, so Crimea is taken out of Russia's
//    polygon (the part inside lon 32.4..36.7, lat 44.3..46.3) and united with
//    the mainland with polygon-clipping.
//  - the neighbours (tools/geometry/neighbours.geojson) with Crimea removed
//    from Russia.
//  - every other feature (line of contact, cities, air bases, ports) as it is
//    in the current file.
//
// Usage (packages are looked up from the current directory):
//   mkdir -p /tmp/geo-merge && cd /tmp/geo-merge && npm init -y \
//     && npm install polygon-clipping@0.15 world-atlas@2.0.2 topojson-client@3.1.0
//   node /work/main/tools/geometry/merge-geometry.js /work/main
'use strict';
const fs = require('fs');
const path = require('path');
const req = (m) => require(require.resolve(m, { paths: [process.cwd()] }));
const pc = req('polygon-clipping');
const topo = req('topojson-client');
const world = req('world-atlas/countries-50m.json');

const root = process.argv[2] || '.';
const file = path.join(root, 'data/ukraine-2025.geojson');
const nbFile = path.join(root, 'tools/geometry/neighbours.geojson');

const inCrimeaBox = (ring) => ring.every(([x, y]) => x >= 32.4 && x <= 36.7 && y >= 44.3 && y <= 46.3);
const countries = topo.feature(world, world.objects.countries).features;
const byId = (id) => countries.find((f) => f.id === id);
const polys = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

const ukraine = polys(byId('804').geometry);
const crimea = polys(byId('643').geometry).filter((p) => inCrimeaBox(p[0]));
if (crimea.length !== 1) throw new Error(`expected one Crimea part, found ${crimea.length}`);

const round = (v) => Math.round(v * 1e4) / 1e4;
function clean(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  const a = out[0], b = out[out.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
  return out;
}
// Signed area (shoelace); RFC 7946 wants exterior rings counter-clockwise.
const area = (r) => r.reduce((s, p, i) => (i ? s + (r[i - 1][0] * p[1] - p[0] * r[i - 1][1]) : 0), 0) / 2;
function orient(poly) {
  return poly.map((ring, i) => {
    const ccw = area(ring) > 0;
    return (i === 0) === ccw ? ring : ring.slice().reverse();
  });
}

const united = pc.union(ukraine, crimea).map((poly) => orient(poly.map(clean)));
const outline = {
  type: 'Feature',
  properties: {
    kind: 'outline', name: 'Ukraine', country: 'UA',
    source: 'Natural Earth 4.1.0 1:50m (public domain) via world-atlas 2.0.2 countries-50m.json id 804, '
      + 'united with Crimea (from id 643) in its internationally recognised borders; tools/geometry/merge-geometry.js',
  },
  geometry: united.length === 1 ? { type: 'Polygon', coordinates: united[0] } : { type: 'MultiPolygon', coordinates: united },
};

const current = JSON.parse(fs.readFileSync(file, 'utf8')).features;
const kept = current.filter((f) => f.properties.kind !== 'outline' && f.properties.kind !== 'neighbour');
const neighbours = JSON.parse(fs.readFileSync(nbFile, 'utf8')).features.map((f) => {
  if (f.properties.country !== 'RU') return f;
  const parts = f.geometry.coordinates.filter((p) => !inCrimeaBox(p[0]));
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: parts } };
});

const features = [outline, ...kept, ...neighbours];
const text = '{"type":"FeatureCollection","features":[\n'
  + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
fs.writeFileSync(file, text);
const nverts = united.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
console.error(`outline: ${united.length} part(s), ${nverts} positions; features: ${features.length}`);
