// build.mjs OUTDIR: bundles the dashboard (src/app.js with Leaflet and
// uPlot, src/style.css with theirs) into OUTDIR/app.js and app.css, and
// copies src/index.html. Minified, no source maps, no network.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
	console.error('usage: node build.mjs OUTDIR');
	process.exit(2);
}
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, legalComments: 'eof', logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/app.js'], outfile: join(out, 'app.js'),
	format: 'iife', target: ['es2020'] });
await build({ ...common, entryPoints: ['src/style.css'], outfile: join(out, 'app.css'),
	loader: { '.png': 'dataurl', '.svg': 'dataurl' } });
copyFileSync('src/index.html', join(out, 'index.html'));
