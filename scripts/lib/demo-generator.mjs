// Deterministic generator of the synthetic Fenyang demo programme (示例数据, not surveyed):
// 49 compounds on a street grid, their residential slabs, and context (streets, lanes, facilities,
// idle buildings and land, a canal, a park). Pure: the same seed gives the same output, byte for byte.
// Geometry is built in a local metric frame (see demo-layout.mjs) and converted to WGS84 lon/lat.
import { createRequire } from 'node:module';
import { area as turfArea } from '@turf/turf';
import {
  CANAL,
  COMPOUND_BLOCKS,
  DEMO_AS_OF,
  PARK_BLOCK,
  STREETS_EW,
  STREETS_NS,
  STREET_EXTENT,
  blockRect,
  ewName,
  makeRng,
  toLonLat,
  townshipForBlock,
} from './demo-layout.mjs';
import {
  FACILITY_LABELS,
  IDLE_BUILDING_LABELS,
  IDLE_LAND_LABELS,
  NEIGHBOURHOOD_OWNERS,
  NEIGHBOURHOOD_SUFFIXES,
  SPARE_NAMES,
  SPECIAL_COMMUNITY_COMPOUNDS,
  UNIT_COMPOUNDS,
  communityStem,
  numeral,
} from './demo-names.mjs';

export { DEMO_AS_OF, DEMO_BBOX, DEMO_ORIGIN, toLocal, toLonLat } from './demo-layout.mjs';

const require = createRequire(import.meta.url);
const DIVISIONS = require('../../data/divisions.json');

export const DEMO_SEED = 20210101;
export const STAGE_ORDER = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'];

const half = (v) => Math.round(v * 2) / 2;

// ---------- rings (local metres; exterior CCW, holes CW — RFC 7946) ----------
const rectRing = (r) => [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1], [r.x0, r.y0]];
const holeRing = (r) => [[r.x0, r.y0], [r.x0, r.y1], [r.x1, r.y1], [r.x1, r.y0], [r.x0, r.y0]];

/** L-shape = window [X0,X2]×[Y0,Y2] minus the `missing` corner cut at (X1, Y1). */
function lRing({ X0, X1, X2, Y0, Y1, Y2 }, missing) {
  const v = {
    NE: [[X0, Y0], [X2, Y0], [X2, Y1], [X1, Y1], [X1, Y2], [X0, Y2]],
    NW: [[X0, Y0], [X2, Y0], [X2, Y2], [X1, Y2], [X1, Y1], [X0, Y1]],
    SE: [[X0, Y0], [X1, Y0], [X1, Y1], [X2, Y1], [X2, Y2], [X0, Y2]],
    SW: [[X1, Y0], [X2, Y0], [X2, Y2], [X0, Y2], [X0, Y1], [X1, Y1]],
  }[missing];
  return [...v, v[0]];
}

const ringLL = (ring) => ring.map(toLonLat);
const polyLL = (rings) => ({ type: 'Polygon', coordinates: rings.map(ringLL) });
const rectGeom = (r) => polyLL([rectRing(r)]);
const lineGeom = (pts) => ({ type: 'LineString', coordinates: pts.map(toLonLat) });
const geoArea = (g) => Math.round(turfArea({ type: 'Feature', properties: {}, geometry: g }));

// ---------- block layout ----------

/** Split `length` into n spans separated by gaps; fractions jittered so blocks differ. */
function spans(start, length, gaps, n, rng) {
  const free = length - gaps.reduce((a, b) => a + b, 0);
  let fr;
  if (n === 1) fr = [1];
  else if (n === 2) {
    const f = rng.uni(0.42, 0.58);
    fr = [f, 1 - f];
  } else {
    const f1 = rng.uni(0.29, 0.37);
    const f2 = rng.uni(0.29, 0.37);
    fr = [f1, f2, 1 - f1 - f2];
  }
  const out = [];
  let pos = start;
  for (let k = 0; k < n; k++) {
    const end = k === n - 1 ? start + length : half(pos + free * fr[k]);
    out.push([pos, end]);
    if (k < n - 1) pos = end + gaps[k];
  }
  return out;
}

const DIRS = { w: [-1, 0], e: [1, 0], s: [0, -1], n: [0, 1] };

function layoutBlock(spec, rng, state) {
  const { c, r, n, cols, rows, special } = spec;
  const R = blockRect(c, r);
  const idx = (i, j) => j * cols + i;
  const owner = new Array(cols * rows).fill(-1);
  const colLines = new Array(cols - 1).fill(null);
  const rowLines = new Array(rows - 1).fill(null);
  const groups = [];
  const add = (kind, cells, extra = {}) => {
    const g = { kind, cells, ...extra };
    for (const k of cells) owner[k] = groups.length;
    groups.push(g);
  };

  if (special === 'L') {
    const i = rng.int(0, cols - 2);
    const j = rng.int(0, rows - 2);
    const missing = rng.pick(['NE', 'NW', 'SE', 'SW']);
    const miss = { SW: idx(i, j), SE: idx(i + 1, j), NW: idx(i, j + 1), NE: idx(i + 1, j + 1) }[missing];
    const cells = [idx(i, j), idx(i + 1, j), idx(i, j + 1), idx(i + 1, j + 1)].filter((k) => k !== miss);
    colLines[i] = 'wall';
    rowLines[j] = 'wall';
    add('L', cells, { i, j, missing });
  } else if (special === 'rect2') {
    if (cols >= 2 && (rows < 2 || rng.chance(0.5))) {
      const i = rng.int(0, cols - 2);
      const j = rng.int(0, rows - 1);
      colLines[i] = 'wall';
      add('rect', [idx(i, j), idx(i + 1, j)]);
    } else {
      const i = rng.int(0, cols - 1);
      const j = rng.int(0, rows - 2);
      rowLines[j] = 'wall';
      add('rect', [idx(i, j), idx(i, j + 1)]);
    }
  } else if (special === 'multi') {
    const i = rng.int(0, cols - 1);
    const j = rng.int(0, rows - 2);
    rowLines[j] = 'lane';
    add('multi', [idx(i, j), idx(i, j + 1)]);
  } else if (special === 'hole') {
    add('hole', [idx(rng.int(0, cols - 1), rng.int(0, rows - 1))]);
  }
  const free = rng.shuffle(owner.map((o, k) => (o === -1 ? k : -1)).filter((k) => k >= 0));
  while (groups.length < n) add('rect', [free.shift()]);

  // Remaining lines: a shared wall, or a 5–15 m alley.
  const lineType = (t) => t ?? (rng.chance(0.45) ? 'wall' : 'lane');
  for (let k = 0; k < colLines.length; k++) colLines[k] = lineType(colLines[k]);
  for (let k = 0; k < rowLines.length; k++) rowLines[k] = lineType(rowLines[k]);
  const gapOf = (t) => (t === 'wall' ? 0 : rng.step(5, 15, 0.5));
  const colGaps = colLines.map(gapOf);
  const rowGaps = rowLines.map(gapOf);
  const xs = spans(R.x0, R.x1 - R.x0, colGaps, cols, rng);
  const ys = spans(R.y0, R.y1 - R.y0, rowGaps, rows, rng);
  const cellRect = (k) => {
    const i = k % cols;
    const j = Math.floor(k / cols);
    return { x0: xs[i][0], x1: xs[i][1], y0: ys[j][0], y1: ys[j][1] };
  };
  const neighbour = (k, d) => {
    const i = (k % cols) + DIRS[d][0];
    const j = Math.floor(k / cols) + DIRS[d][1];
    return i < 0 || j < 0 || i >= cols || j >= rows ? 'edge' : idx(i, j);
  };
  /** A side may be pulled back from the line only if nothing but void or the street lies beyond it. */
  const jitter = (gi, cells, d) => {
    for (const k of cells) {
      const nb = neighbour(k, d);
      if (nb !== 'edge' && owner[nb] !== -1) return 0; // another compound, or this one
    }
    return rng.step(0, 10, 0.5);
  };
  const onSide = (cells, d) =>
    cells.filter((k) => {
      const nb = neighbour(k, d);
      return nb === 'edge' || owner[nb] === -1 || owner[nb] !== owner[k] || !cells.includes(nb);
    });

  // City alleys in the gaps, running street to street.
  const S_N = STREETS_EW[r];
  const S_S = STREETS_EW[r + 1];
  const S_W = STREETS_NS[c];
  const S_E = STREETS_NS[c + 1];
  colLines.forEach((t, k) => {
    if (t !== 'lane') return;
    const x = half((xs[k][1] + xs[k + 1][0]) / 2);
    state.cityLanes.push({ ref: ewName(S_N, x), pts: [[x, S_S.y], [x, S_N.y]], width: Math.min(8, Math.max(4, Math.round(colGaps[k] * 0.6))) });
  });
  rowLines.forEach((t, k) => {
    if (t !== 'lane') return;
    const y = half((ys[k][1] + ys[k + 1][0]) / 2);
    state.cityLanes.push({ ref: S_E.name, pts: [[S_W.x, y], [S_E.x, y]], width: Math.min(8, Math.max(4, Math.round(rowGaps[k] * 0.6))) });
  });

  const township = townshipForBlock(c, r);
  const base = state.compounds.length;
  groups.forEach((g, gi) => {
    const cr = g.cells.map(cellRect);
    const bb = {
      x0: Math.min(...cr.map((q) => q.x0)),
      x1: Math.max(...cr.map((q) => q.x1)),
      y0: Math.min(...cr.map((q) => q.y0)),
      y1: Math.max(...cr.map((q) => q.y1)),
    };
    const EXT = { s: 'ext', n: 'ext', w: 'ext', e: 'ext' };
    let rings; // array of polygons (each an array of rings)
    let parts;
    let holeRect = null;
    if (g.kind === 'multi') {
      rings = [];
      parts = [];
      for (const k of g.cells) {
        const q = cellRect(k);
        const one = [k];
        q.x0 += jitter(gi, one, 'w');
        q.x1 -= jitter(gi, one, 'e');
        q.y0 += jitter(gi, one, 's');
        q.y1 -= jitter(gi, one, 'n');
        rings.push([rectRing(q)]);
        parts.push({ ...q, sides: EXT });
      }
    } else {
      const j = {
        w: jitter(gi, onSide(g.cells, 'w'), 'w'),
        e: jitter(gi, onSide(g.cells, 'e'), 'e'),
        s: jitter(gi, onSide(g.cells, 's'), 's'),
        n: jitter(gi, onSide(g.cells, 'n'), 'n'),
      };
      const q = { x0: bb.x0 + j.w, x1: bb.x1 - j.e, y0: bb.y0 + j.s, y1: bb.y1 - j.n };
      if (g.kind === 'L') {
        const X1 = xs[g.i][1];
        const Y1 = ys[g.j][1];
        const win = { X0: q.x0, X1, X2: q.x1, Y0: q.y0, Y1, Y2: q.y1 };
        rings = [[lRing(win, g.missing)]];
        const top = g.missing[0] === 'N';
        const westSingle = g.missing[1] === 'E';
        const sx = westSingle ? { x0: q.x0, x1: X1 } : { x0: X1, x1: q.x1 };
        parts = top
          ? [
              { x0: q.x0, x1: q.x1, y0: q.y0, y1: Y1, sides: { ...EXT, n: 'int' } },
              { ...sx, y0: Y1, y1: q.y1, sides: { ...EXT, s: 'int' } },
            ]
          : [
              { x0: q.x0, x1: q.x1, y0: Y1, y1: q.y1, sides: { ...EXT, s: 'int' } },
              { ...sx, y0: q.y0, y1: Y1, sides: { ...EXT, n: 'int' } },
            ];
      } else if (g.kind === 'hole') {
        // An enclave the compound does not own (a kindergarten), off-centre as such sites are.
        const hw = rng.step(44, 54, 0.5);
        const hh = rng.step(36, 42, 0.5);
        const cx = half((q.x0 + q.x1) / 2 + rng.uni(-8, 8));
        const cy = half((q.y0 + q.y1) / 2 + rng.uni(-8, 8));
        holeRect = { x0: half(cx - hw / 2), x1: half(cx + hw / 2), y0: half(cy - hh / 2), y1: half(cy + hh / 2) };
        rings = [[rectRing(q), holeRing(holeRect)]];
        const H = holeRect;
        parts = [
          { x0: q.x0, x1: q.x1, y0: q.y0, y1: H.y0, sides: { ...EXT, n: 'int' } },
          { x0: q.x0, x1: q.x1, y0: H.y1, y1: q.y1, sides: { ...EXT, s: 'int' } },
          { x0: q.x0, x1: H.x0, y0: H.y0, y1: H.y1, sides: { s: 'int', n: 'int', w: 'ext', e: 'hole' } },
          { x0: H.x1, x1: q.x1, y0: H.y0, y1: H.y1, sides: { s: 'int', n: 'int', w: 'hole', e: 'ext' } },
        ];
      } else {
        rings = [[rectRing(q)]];
        parts = [{ ...q, sides: EXT }];
      }
    }
    const allPts = rings.flatMap((p) => p[0]);
    const box = {
      x0: Math.min(...allPts.map((p) => p[0])),
      x1: Math.max(...allPts.map((p) => p[0])),
      y0: Math.min(...allPts.map((p) => p[1])),
      y1: Math.max(...allPts.map((p) => p[1])),
    };
    state.compounds.push({ block: spec, township, kind: g.kind, rings, parts, holeRect, box, localIndex: base + gi });
  });

  owner.forEach((o, k) => {
    if (o !== -1) return;
    const nbs = Object.keys(DIRS).map((d) => {
      const nb = neighbour(k, d);
      return { d, edge: nb === 'edge', compound: nb !== 'edge' && owner[nb] !== -1 ? base + owner[nb] : -1 };
    });
    state.voids.push({ rect: cellRect(k), block: spec, township, nbs });
  });
}

// ---------- buildings inside a compound ----------

const MARGIN = { ext: { ns: 6, we: 5 }, int: { ns: 10, we: 4 }, hole: { ns: 6, we: 6 } };
const SPINE_BAND = 4.5;

/**
 * Rows of east–west slabs in each rectangular part of a compound, with a lane spine and row lanes.
 * dense: shortest slabs and no side spine, for compounds too small for four buildings otherwise.
 */
function fillCompound(cp, style, rng, dense = false) {
  const buildings = [];
  const lanes = [];
  const H = style.floors * 2.9 + 1.2;
  const rowGap = Math.ceil(H * style.gapFactor * 2) / 2;
  cp.parts.forEach((p, pi) => {
    let mW = MARGIN[p.sides.w].we;
    let mE = MARGIN[p.sides.e].we;
    const mS = MARGIN[p.sides.s].ns;
    const mN = MARGIN[p.sides.n].ns;
    const segs = [];
    let spineX = null;
    const usable = p.x1 - p.x0 - mW - mE;
    if (usable >= 160) {
      spineX = half((p.x0 + p.x1) / 2);
      segs.push([p.x0 + mW, spineX - SPINE_BAND], [spineX + SPINE_BAND, p.x1 - mE]);
    } else {
      const side = p.sides[style.spineSide] === 'ext' ? style.spineSide : p.sides[style.spineSide === 'w' ? 'e' : 'w'] === 'ext' ? (style.spineSide === 'w' ? 'e' : 'w') : null;
      // Dense mode (small compounds): no side spine; the row lanes open to both walls.
      if (side && !dense && usable - SPINE_BAND >= 30) {
        if (side === 'w') {
          spineX = p.x0 + SPINE_BAND;
          mW += SPINE_BAND;
        } else {
          spineX = p.x1 - SPINE_BAND;
          mE += SPINE_BAND;
        }
      }
      segs.push([p.x0 + mW, p.x1 - mE]);
    }
    if (spineX !== null) {
      const y0 = p.sides.s === 'ext' ? p.y0 + 0.5 : p.y0;
      const y1 = p.sides.n === 'ext' ? p.y1 - 0.5 : p.y1;
      lanes.push({ pts: [[spineX, y0], [spineX, y1]], width: style.spineWidth });
    }
    // Rows of slabs, north-facing gaps of at least 1.2 × height (sunlight spacing).
    const avail = p.y1 - mN - (p.y0 + mS);
    const d = style.depth;
    const nRows = Math.floor((avail + rowGap) / (d + rowGap));
    if (nRows <= 0) return;
    const slack = avail - (nRows * d + (nRows - 1) * rowGap);
    const extraGap = nRows > 1 ? Math.min(6, half(slack / (nRows - 1) / 2)) : 0;
    const used = nRows * d + (nRows - 1) * (rowGap + extraGap);
    let y = half(p.y0 + mS + (avail - used) / 2);
    for (let row = 0; row < nRows; row++) {
      const by0 = y;
      const by1 = y + d;
      for (const [sx0, sx1] of segs) {
        const w = sx1 - sx0;
        const gx = dense ? 8 : style.gapX;
        const minLen = dense ? 28 : 30;
        const kMin = Math.ceil((w + gx) / (70 + gx));
        const kMax = Math.floor((w + gx) / (minLen + gx));
        if (kMax < 1) continue;
        const k = dense ? kMax : Math.min(kMax, kMin + (rng.chance(0.4) ? 1 : 0));
        const L = Math.floor(((w - (k - 1) * gx) / k) * 2) / 2;
        const lead = half((w - (k * L + (k - 1) * gx)) / 2);
        for (let s = 0; s < k; s++) {
          const bx0 = sx0 + lead + s * (L + gx);
          const floors = style.floors === 6 && rng.chance(0.2) ? 5 : style.floors;
          buildings.push({ x0: bx0, x1: bx0 + L, y0: by0, y1: by1, floors, part: pi, row, last: row === nRows - 1, northRoom: row < nRows - 1 ? rowGap + extraGap : mN });
        }
      }
      if (row < nRows - 1) {
        const ly = half(by1 + (rowGap + extraGap) / 2);
        const lx0 = p.sides.w === 'int' ? p.x0 : p.x0 + 2;
        const lx1 = p.sides.e === 'int' ? p.x1 : p.x1 - 2;
        lanes.push({ pts: [[lx0, ly], [lx1, ly]], width: 4 });
      }
      y = by1 + rowGap + extraGap;
    }
  });
  return { buildings, lanes };
}

// ---------- dates ----------
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const ts = (s) => Date.parse(s + 'T00:00:00Z');
const between = (rng, a, b) => iso(ts(a) + Math.floor(rng.next() * ((ts(b) - ts(a)) / DAY + 1)) * DAY);
const addDays = (rng, s, a, b) => iso(ts(s) + rng.int(a, b) * DAY);

/**
 * The draws of the demo's former fixed-date history (as of 2025-06-30). Its dates are no longer used — the history is
 * made relative to the day the demo is seeded (demo-history.mjs) — but the draws stay, in the same order, so every
 * other value the generator draws after them (consent, management, maintenance fund) is unchanged.
 */
function legacyHistoryDraws(rng, stage, planYear) {
  const upto = STAGE_ORDER.indexOf(stage);
  const h = [];
  if (planYear) {
    const Y = planYear;
    h.push({ stage: 'demand', date: between(rng, `${Y - 1}-03-01`, `${Y - 1}-06-15`) });
    h.push({ stage: 'scheme', date: addDays(rng, h[0].date, 20, 60) });
    h.push({ stage: 'planned', date: between(rng, `${Y - 1}-11-15`, `${Y}-02-28`) });
    const cStart = between(rng, `${Y}-03-15`, `${Y}-06-15`);
    h.push({ stage: 'construction', date: cStart });
    h.push({ stage: 'accepted', date: addDays(rng, cStart, 150, 300) });
    h.push({ stage: 'maintained', date: addDays(rng, h[4].date, 30, 150) });
  } else {
    const d0 = upto >= 1 ? between(rng, '2023-09-01', '2024-06-30') : between(rng, '2024-07-01', '2025-04-30');
    h.push({ stage: 'demand', date: d0 });
    h.push({ stage: 'scheme', date: addDays(rng, d0, 30, 120) });
  }
  const out = h.slice(0, upto + 1);
  for (let k = 0; k < out.length; k++) {
    if (out[k].date > DEMO_AS_OF) out[k].date = DEMO_AS_OF;
    if (k > 0 && out[k].date < out[k - 1].date) throw new Error('stage dates out of order');
  }
  return out;
}

/**
 * [plan offset, stage, count]: the plan year as years before the works year of the day the demo is seeded (0 = the
 * works under way now; see demo-history.mjs): work of four years ago is done, this year's is just planned, six
 * compounds still wait for a plan.
 */
const PROGRAMME = [
  [-4, 'maintained', 6], [-4, 'accepted', 4],
  [-3, 'maintained', 4], [-3, 'accepted', 6],
  [-2, 'maintained', 1], [-2, 'accepted', 5], [-2, 'construction', 3],
  [-1, 'accepted', 1], [-1, 'construction', 5], [-1, 'planned', 2],
  [0, 'construction', 1], [0, 'planned', 5],
  [null, 'scheme', 3], [null, 'demand', 3],
];

/** 北关大街 → 北关, 西大街 → 西大街 (a one-character stem reads badly). */
const laneStem = (street) => {
  const stem = street.replace(/(大街|街|路)$/, '');
  return stem.length >= 2 ? stem : street;
};

// ---------- features ----------
const feature = (properties, geometry) => ({ type: 'Feature', properties, geometry });
const collection = (name, features) => ({
  type: 'FeatureCollection',
  name,
  features,
});

/**
 * Generate the demo programme.
 * @param {number} seed PRNG seed (default 20210101)
 * @returns {{compounds: import("geojson").FeatureCollection, buildings: import("geojson").FeatureCollection, context: import("geojson").FeatureCollection}} GeoJSON in WGS84
 */
export function generateDemo(seed = DEMO_SEED) {
  const rng = makeRng(seed);
  const state = { compounds: [], voids: [], cityLanes: [] };
  for (const spec of COMPOUND_BLOCKS) layoutBlock(spec, rng, state);
  if (state.compounds.length !== 49) throw new Error(`expected 49 compounds, got ${state.compounds.length}`);

  // Codes: by township code, then north → south, west → east.
  const order = state.compounds
    .map((cp) => cp)
    .sort((a, b) => a.township.localeCompare(b.township) || a.block.r - b.block.r || a.block.c - b.block.c || b.box.y1 - a.box.y1 || a.box.x0 - b.box.x0);
  order.forEach((cp, k) => (cp.code = `FY-${String(k + 1).padStart(3, '0')}`));

  // Communities: spread each township's compounds over its communities in spatial order.
  const tName = Object.fromEntries(DIVISIONS.townships.map((t) => [t.code, t.name]));
  for (const tc of ['141182001', '141182002', '141182003']) {
    const comms = DIVISIONS.communities.filter((cm) => cm.township_code === tc);
    const list = order.filter((cp) => cp.township === tc);
    list.forEach((cp, k) => (cp.community = comms[Math.floor((k * comms.length) / list.length)]));
  }

  // Names and original property units.
  const used = new Set();
  const units = rng.shuffle(UNIT_COMPOUNDS);
  const spares = SPARE_NAMES.slice();
  for (const cp of order) {
    const special = SPECIAL_COMMUNITY_COMPOUNDS[cp.community.name];
    let name;
    let owner;
    if (special && !used.has(special[0])) [name, owner] = special;
    else if (rng.chance(0.55) && units.length) [name, owner] = units.shift();
    else {
      name = communityStem(cp.community.name) + rng.pick(NEIGHBOURHOOD_SUFFIXES);
      if (used.has(name)) name = spares.shift();
      owner = rng.pick(NEIGHBOURHOOD_OWNERS);
    }
    used.add(name);
    cp.name = name;
    cp.owner = owner;
    cp.isUnit = owner !== '无' && !owner.includes('房');
    cp.builtYear = cp.isUnit ? rng.int(1975, 1993) : rng.int(1984, 1999);
  }

  // Buildings.
  for (const cp of order) {
    const style = {
      floors: cp.builtYear < 1982 ? 5 : rng.pick([5, 6, 6]),
      depth: rng.step(10, 14, 0.5),
      gapFactor: rng.uni(1.2, 1.35),
      gapX: rng.step(8, 12, 0.5),
      spineSide: rng.pick(['w', 'e']),
      spineWidth: rng.step(5, 6, 0.5),
    };
    let { buildings, lanes } = fillCompound(cp, style, rng);
    // Small compounds: shorter slabs so that each has at least four buildings.
    if (buildings.length < 4) ({ buildings, lanes } = fillCompound(cp, style, rng, true));
    if (buildings.length < 4 || buildings.length > 40) throw new Error(`${cp.code}: ${buildings.length} buildings`);
    cp.blds = buildings;
    cp.lanes = lanes;
    for (const b of buildings) b.year = Math.min(1999, cp.builtYear + (rng.chance(0.6) ? 0 : rng.int(1, 4)));
  }

  // Slots: a slab that was never built (or was pulled down) leaves room for idle land, a boiler house …
  const context = [];
  const slotItems = [
    ['idle_building', 'boiler_room'], ['idle_building', 'boiler_room'], ['idle_building', 'boiler_room'], ['idle_building', 'boiler_room'],
    ['idle_building', 'public_house'], ['idle_building', 'public_house'], ['idle_building', 'public_house'],
    ['idle_land', 'demolished'], ['idle_land', 'demolished'], ['idle_land', 'demolished'],
    ['idle_land', 'vacant'], ['idle_land', 'vacant'], ['idle_land', 'waste'],
    ['facility', 'parking'], ['facility', 'parking'],
  ];
  slotItems.unshift(['facility', 'elderly_station']);
  const eligible = rng.shuffle(order.filter((cp) => cp.blds.length >= 7));
  if (eligible.length < slotItems.length) throw new Error('not enough compounds for idle slots');
  // The in-compound elderly station (first item) sits in the north-centre: coverage is uneven on purpose.
  const north = eligible.findIndex((cp) => cp.township === '141182002');
  eligible.unshift(...eligible.splice(north, 1));
  slotItems.forEach(([kind, subtype], k) => {
    const cp = eligible[k];
    const bi = rng.int(0, cp.blds.length - 1);
    const b = cp.blds.splice(bi, 1)[0];
    const slot = { x0: b.x0, x1: b.x1, y0: b.y0 - 3, y1: b.y1 + 3 };
    let rect = slot;
    if (subtype === 'boiler_room') {
      const w = Math.min(b.x1 - b.x0 - 4, 18);
      rect = { x0: b.x0 + 2, x1: b.x0 + 2 + w, y0: b.y0, y1: b.y0 + Math.min(12, b.y1 - b.y0) };
    } else if (subtype === 'public_house') {
      const w = Math.min(b.x1 - b.x0, 28);
      rect = { x0: b.x1 - w, x1: b.x1, y0: b.y0, y1: b.y0 + Math.min(12, b.y1 - b.y0) };
    } else if (subtype === 'elderly_station') {
      const w = Math.min(b.x1 - b.x0, 30);
      rect = { x0: b.x0, x1: b.x0 + w, y0: b.y0, y1: b.y0 + 12 };
    }
    context.push({ kind, subtype, cp, rect });
  });

  // Spots in the sunlight gap just north of a slab: sheds, lockers, chargers, micro fire stations.
  const spotItems = [
    ['idle_building', 'bike_shed', 3.5, 26], ['idle_building', 'bike_shed', 3.5, 22], ['idle_building', 'bike_shed', 3.5, 30],
    ['idle_building', 'bike_shed', 3.5, 18], ['idle_building', 'bike_shed', 3.5, 24],
    ['facility', 'express_locker', 2, 6], ['facility', 'express_locker', 2, 6],
    ['facility', 'charging', 4, 15], ['facility', 'charging', 4, 12],
    ['facility', 'fire_station', 4, 10], ['facility', 'fire_station', 4, 10],
  ];
  const spotCompounds = rng.shuffle(order.filter((cp) => cp.blds.some((b) => !b.last)));
  spotItems.forEach(([kind, subtype, depth, len], k) => {
    const cp = spotCompounds[k % spotCompounds.length];
    const cands = cp.blds.filter((b) => !b.last && !b.spot && b.x1 - b.x0 >= len + 4);
    if (!cands.length) throw new Error(`no spot in ${cp.code}`);
    const b = rng.pick(cands);
    b.spot = true;
    const x0 = b.x0 + 2;
    context.push({ kind, subtype, cp, rect: { x0, x1: x0 + len, y0: b.y1 + 1.5, y1: b.y1 + 1.5 + depth } });
  });

  // Sites outside the compounds, in cells of other land use (facing the street where possible).
  const voids = rng.shuffle(state.voids);
  const takeVoid = (pred) => {
    const k = voids.findIndex(pred);
    if (k < 0) throw new Error('no void cell left');
    return voids.splice(k, 1)[0];
  };
  const byIndex = new Map(state.compounds.map((cp) => [cp.localIndex, cp]));
  const nearestCompound = (v) => {
    const cx = (v.rect.x0 + v.rect.x1) / 2;
    const cy = (v.rect.y0 + v.rect.y1) / 2;
    let best = null;
    for (const cp of state.compounds) {
      const dd = ((cp.box.x0 + cp.box.x1) / 2 - cx) ** 2 + ((cp.box.y0 + cp.box.y1) / 2 - cy) ** 2;
      if (!best || dd < best.dd) best = { cp, dd };
    }
    return best.cp;
  };
  const placeAtSide = (rect, d, w, h) => {
    // Along side d of rect, centred, 3 m inside.
    const cx = half((rect.x0 + rect.x1) / 2);
    const cy = half((rect.y0 + rect.y1) / 2);
    if (d === 'n') return { x0: cx - w / 2, x1: cx + w / 2, y0: rect.y1 - 3 - h, y1: rect.y1 - 3 };
    if (d === 's') return { x0: cx - w / 2, x1: cx + w / 2, y0: rect.y0 + 3, y1: rect.y0 + 3 + h };
    if (d === 'w') return { x0: rect.x0 + 3, x1: rect.x0 + 3 + h, y0: cy - w / 2, y1: cy + w / 2 };
    return { x0: rect.x1 - 3 - h, x1: rect.x1 - 3, y0: cy - w / 2, y1: cy + w / 2 };
  };
  const fits = (v, w, h) => Math.min(v.rect.x1 - v.rect.x0, v.rect.y1 - v.rect.y0) >= Math.max(w, h) + 8;
  const outsideFacilities = [
    ['elderly_station', 30, 20, '141182002'],
    ['kindergarten', 50, 40], ['kindergarten', 45, 36],
    ['clinic', 30, 18], ['clinic', 26, 16],
    ['market', 60, 30], ['market', 48, 26],
    ['community_service', 35, 24], ['community_service', 32, 22], ['community_service', 30, 20],
    ['parking', 45, 35],
  ];
  for (const [subtype, w, h, tc] of outsideFacilities) {
    const v = takeVoid((q) => fits(q, w, h) && (!tc || q.township === tc) && q.nbs.some((nb) => nb.edge));
    const d = v.nbs.find((nb) => nb.edge).d;
    const rect = placeAtSide(v.rect, d, w, h);
    const { c, r } = v.block;
    const cx = (rect.x0 + rect.x1) / 2;
    const street = { n: ewName(STREETS_EW[r], cx), s: ewName(STREETS_EW[r + 1], cx), w: STREETS_NS[c].name, e: STREETS_NS[c + 1].name }[d];
    context.push({ kind: 'facility', subtype, cp: null, near: nearestCompound(v), street, rect });
  }
  for (const subtype of ['vacant', 'vacant', 'waste', 'waste']) {
    const v = takeVoid((q) => q.nbs.some((nb) => nb.compound >= 0));
    const nb = v.nbs.find((q) => q.compound >= 0);
    const w = rng.step(30, 60, 1);
    const h = rng.step(20, 32, 1);
    const rect = placeAtSide(v.rect, nb.d, Math.min(w, (nb.d === 'n' || nb.d === 's' ? v.rect.x1 - v.rect.x0 : v.rect.y1 - v.rect.y0) - 10), h);
    // Snap the plot against the cell edge that faces the compound (no 3 m inset there).
    if (nb.d === 'n') Object.assign(rect, { y0: v.rect.y1 - h, y1: v.rect.y1 });
    if (nb.d === 's') Object.assign(rect, { y0: v.rect.y0, y1: v.rect.y0 + h });
    if (nb.d === 'w') Object.assign(rect, { x0: v.rect.x0, x1: v.rect.x0 + h });
    if (nb.d === 'e') Object.assign(rect, { x0: v.rect.x1 - h, x1: v.rect.x1 });
    context.push({ kind: 'idle_land', subtype, cp: null, near: byIndex.get(nb.compound), rect });
  }
  // The enclave kindergarten.
  const holeCp = order.find((cp) => cp.holeRect);
  const H = holeCp.holeRect;
  context.push({ kind: 'facility', subtype: 'kindergarten', cp: null, near: holeCp, rect: { x0: H.x0 + 1, x1: H.x1 - 1, y0: H.y0 + 1, y1: H.y1 - 1 } });

  // Elevator retrofits (加装电梯) in two renovated compounds; programme stages.
  const byAge = order
    .map((cp) => ({ cp, key: cp.builtYear + rng.uni(-6, 6) }))
    .sort((a, b) => a.key - b.key)
    .map((q) => q.cp);
  // Low consent keeps a compound out of the plan: give those to the waiting ones.
  let at = 0;
  for (const [planOffset, stage, count] of PROGRAMME) {
    for (let k = 0; k < count; k++) {
      const cp = byAge[at++];
      cp.planOffset = planOffset;
      cp.stage = stage;
    }
  }
  const waiting = byAge.filter((cp) => cp.planOffset === null);
  waiting.forEach((cp, k) => (cp.lowConsent = k < 4));
  for (const cp of order) {
    const legacy = legacyHistoryDraws(rng, cp.stage, cp.planOffset === null ? null : 2025 + cp.planOffset);
    // The tier a compound is listed under in its (next) annual plan. Below the consent threshold it is in no plan at
    // all: the server's consent gate refuses such an entry, whatever its tier.
    cp.tier = cp.planOffset !== null ? 'implement' : cp.lowConsent ? '' : cp.stage === 'scheme' ? 'prepare' : 'reserve';
    cp.consent = cp.lowConsent ? Math.round(rng.uni(55, 66) * 10) / 10 : Math.round(rng.uni(68, 98) * 10) / 10;
    const dDemand = legacy[0].date;
    const dEnd = legacy[1]?.date ?? DEMO_AS_OF;
    if (dEnd > dDemand) between(rng, dDemand, dEnd); // the former consent date's draw
    const st = STAGE_ORDER.indexOf(cp.stage);
    cp.management =
      st >= 5 ? rng.pick(['property_company', 'property_company', 'self'])
      : st === 4 ? rng.pick(['property_company', 'self', 'self', 'none'])
      : rng.pick(['none', 'none', 'none', 'self', 'property_company']);
    cp.fund = st >= 5 ? rng.chance(0.8) : st === 4 ? rng.chance(0.3) : rng.chance(0.1);
  }
  const liftCps = order.filter((cp) => cp.stage === 'maintained').slice(0, 2);

  // ---------- assemble features ----------
  const compoundFeatures = [];
  const buildingFeatures = [];
  const addrUsed = new Set();
  for (const cp of order) {
    const geometry = cp.rings.length === 1 ? polyLL(cp.rings[0]) : { type: 'MultiPolygon', coordinates: cp.rings.map((p) => p.map(ringLL)) };
    // Buildings: numbered north → south, west → east.
    const blds = cp.blds.slice().sort((a, b) => b.y0 - a.y0 || a.x0 - b.x0);
    let households = 0;
    let floorArea = 0;
    const lift = liftCps.includes(cp) ? new Set([0]) : new Set();
    blds.forEach((b, k) => {
      const g = rectGeom(b);
      const len = b.x1 - b.x0;
      const unitsN = Math.max(1, Math.min(4, Math.round(len / 16)));
      const hh = unitsN * b.floors * 2; // two flats per landing per floor
      households += hh;
      floorArea += turfArea({ type: 'Feature', properties: {}, geometry: g }) * b.floors;
      buildingFeatures.push(
        feature(
          { compound_code: cp.code, name: `${k + 1}号楼`, floors: b.floors, built_year: b.year, households: hh, has_elevator: lift.has(k), is_demo: true },
          g,
        ),
      );
    });
    const { c, r } = cp.block;
    const cands = [
      { s: STREETS_NS[c], d: cp.box.x0 - STREETS_NS[c].x, t: (cp.box.y0 + cp.box.y1) / 2 - 40, odd: true },
      { s: STREETS_NS[c + 1], d: STREETS_NS[c + 1].x - cp.box.x1, t: (cp.box.y0 + cp.box.y1) / 2 - 40, odd: false },
      { s: STREETS_EW[r], d: STREETS_EW[r].y - cp.box.y1, t: (cp.box.x0 + cp.box.x1) / 2, odd: false },
      { s: STREETS_EW[r + 1], d: cp.box.y0 - STREETS_EW[r + 1].y, t: (cp.box.x0 + cp.box.x1) / 2, odd: true },
    ];
    const best = cands.reduce((a, b) => (b.d < a.d ? b : a));
    const street = best.s.nameEast ? ewName(best.s, (cp.box.x0 + cp.box.x1) / 2) : best.s.name;
    let num = (Math.round(Math.abs(best.t) / 15) + 1) * 2 - (best.odd ? 1 : 0);
    while (addrUsed.has(street + num)) num += 2;
    addrUsed.add(street + num);
    const comm = cp.community;
    compoundFeatures.push(
      feature(
        {
          code: cp.code,
          name: cp.name,
          township_code: cp.township,
          community_code: comm.code,
          address: `汾阳市${tName[cp.township]}${comm.name}${street}${num}号`,
          built_year: Math.min(...blds.map((b) => b.year)),
          buildings: blds.length,
          households,
          floor_area_m2: Math.round(floorArea),
          land_area_m2: geoArea(geometry),
          property_owner: cp.owner,
          management: cp.management,
          maintenance_fund: cp.fund,
          consent_pct: cp.consent,
          stage: cp.stage,
          plan_offset: cp.planOffset,
          tier: cp.tier,
          is_demo: true,
        },
        geometry,
      ),
    );
  }

  // ---------- context ----------
  const ctx = [];
  const ctxFeature = (kind, subtype, name, geometry, width, code) =>
    feature(
      { kind, subtype, name, area_m2: geometry.type === 'LineString' ? 0 : geoArea(geometry), width_m: kind === 'road' ? width : 0, compound_code: code, is_demo: true },
      geometry,
    );
  for (const s of STREETS_NS) ctx.push(ctxFeature('road', s.subtype, s.name, lineGeom([[s.x, STREET_EXTENT.y0], [s.x, STREET_EXTENT.y1]]), s.width_m, ''));
  for (const s of STREETS_EW) {
    if (s.nameEast) {
      ctx.push(ctxFeature('road', s.subtype, s.name, lineGeom([[STREET_EXTENT.x0, s.y], [0, s.y]]), s.width_m, ''));
      ctx.push(ctxFeature('road', s.subtype, s.nameEast, lineGeom([[0, s.y], [STREET_EXTENT.x1, s.y]]), s.width_m, ''));
    } else ctx.push(ctxFeature('road', s.subtype, s.name, lineGeom([[STREET_EXTENT.x0, s.y], [STREET_EXTENT.x1, s.y]]), s.width_m, ''));
  }
  const laneCount = new Map();
  for (const l of state.cityLanes) {
    const k = (laneCount.get(l.ref) ?? 0) + 1;
    laneCount.set(l.ref, k);
    ctx.push(ctxFeature('road', 'lane', `${laneStem(l.ref)}${numeral(k)}巷`, lineGeom(l.pts), l.width, ''));
  }
  for (const cp of order) {
    for (const l of cp.lanes) ctx.push(ctxFeature('road', 'lane', `${cp.name}内部道路`, lineGeom(l.pts), l.width, cp.code));
  }
  ctx.push(ctxFeature('water', 'canal', CANAL.name, rectGeom(CANAL), 0, ''));
  const pr = blockRect(PARK_BLOCK.c, PARK_BLOCK.r);
  ctx.push(ctxFeature('green', 'park', PARK_BLOCK.name, rectGeom({ x0: pr.x0 + 2, x1: pr.x1 - 2, y0: pr.y0 + 2, y1: pr.y1 - 2 }), 0, ''));

  const kindRank = { facility: 0, idle_building: 1, idle_land: 2 };
  const sorted = context
    .map((it, k) => ({ it, k }))
    .sort((a, b) => kindRank[a.it.kind] - kindRank[b.it.kind] || a.it.subtype.localeCompare(b.it.subtype) || a.k - b.k)
    .map((q) => q.it);
  for (const it of sorted) {
    const ref = it.cp ?? it.near;
    const stem = communityStem(ref.community.name);
    let name;
    if (it.kind === 'facility') {
      const label = FACILITY_LABELS[it.subtype];
      if (it.cp) name = `${it.cp.name}${label}`;
      else if (it.subtype === 'kindergarten') name = `${stem}${label}`;
      else if (it.subtype === 'market') name = `${it.street}${label}`;
      else if (it.subtype === 'parking') name = `${it.street}公共${label}`;
      else name = `${stem}社区${label.replace(/^社区/, '')}`;
    } else if (it.kind === 'idle_building') name = `${it.cp.name}${IDLE_BUILDING_LABELS[it.subtype]}`;
    else name = it.cp ? `${it.cp.name}${IDLE_LAND_LABELS[it.subtype]}` : `${ref.name}旁${IDLE_LAND_LABELS[it.subtype]}`;
    ctx.push(ctxFeature(it.kind, it.subtype, name, rectGeom(it.rect), 0, it.cp ? it.cp.code : ''));
  }

  return {
    compounds: collection('fenyang-demo-compounds', compoundFeatures),
    buildings: collection('fenyang-demo-buildings', buildingFeatures),
    context: collection('fenyang-demo-context', ctx),
  };
}
