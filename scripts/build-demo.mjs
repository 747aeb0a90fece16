#!/usr/bin/env node
// Writes the synthetic demo programme (示例数据, generated, not surveyed) to data/demo/*.geojson.
// Same seed → same bytes. Rerun: npm run data:demo  [-- --seed 123]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SEED, generateDemo } from './lib/demo-generator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One feature per line: stable, diff-friendly, still plain GeoJSON. */
export function serialiseCollection(fc) {
  const head = JSON.stringify({ type: fc.type, name: fc.name });
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `${head.slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const k = process.argv.indexOf('--seed');
  const seed = k > 0 ? Number(process.argv[k + 1]) : DEMO_SEED;
  const demo = generateDemo(seed);
  const dir = join(root, 'data/demo');
  mkdirSync(dir, { recursive: true });
  for (const key of ['compounds', 'buildings', 'context']) {
    const path = join(dir, `${key}.geojson`);
    writeFileSync(path, serialiseCollection(demo[key]));
    console.log(`wrote ${path}: ${demo[key].features.length} features`);
  }
}
