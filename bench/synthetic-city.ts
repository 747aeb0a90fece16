// Deterministic synthetic cities for the benchmarks and the province demo (not app code): many towns around Fenyang,
// each a street grid of superblocks, each superblock a grid of compounds. Within a superblock neighbours share a wall
// (~35 %), or are split by a lane of 5–15 m (some 2–4 m alleys); superblocks are separated by
// streets 22–40 m wide; towns by ~600 m of fields. A share of compounds are L-shaped, some have
// a courtyard hole, a few are two-part MultiPolygons. Each town is rotated. Same seed → same bytes.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { localFrame, type LocalFrame } from '../src/lib/geo/local-metric';

export interface SyntheticCityOptions {
  /** Number of compounds to generate (exact). */
  compounds: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Generate buildings (default: only when compounds ≤ 20,000). */
  withBuildings?: boolean;
  /** Centre of the city (default Fenyang, 111.785°E 37.265°N). */
  center?: [number, number];
}

export interface SyntheticCompoundProps {
  id: string;
  name: string;
  town: number;
  built_year: number;
  households: number;
}

export interface SyntheticCity {
  compounds: FeatureCollection<Polygon | MultiPolygon, SyntheticCompoundProps>;
  buildings: FeatureCollection<Polygon, { compound: string; floors: number }>;
  roads: FeatureCollection<LineString, { kind: 'street' | 'lane'; width_m: number }>;
  facilities: FeatureCollection<Point, { type: string }>;
}

/** mulberry32: small, fast, good enough for layouts; deterministic across engines. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACILITY_TYPES = ['clinic', 'elderly_care', 'nursery', 'school', 'market', 'park', 'community_service', 'parking'];
const COMPOUNDS_PER_TOWN = 600;
const TOWN_PITCH_M = 5000; // a town is ~3 km across (rotated: up to ~4.2 km), plus fields
const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Generate a deterministic synthetic city of `compounds` compounds with buildings, roads and
 * facilities, for benchmarks (7,701 = Shanxi's programme; 170,000 = China's pre-2000 compounds).
 *
 * @example
 * const city = syntheticCity({ compounds: 7701, seed: 1 });
 * city.compounds.features.length; // 7701
 */
export function syntheticCity(opts: SyntheticCityOptions): SyntheticCity {
  const total = Math.max(0, Math.floor(opts.compounds));
  const rnd = prng(opts.seed ?? 1);
  const withBuildings = opts.withBuildings ?? total <= 20_000;
  const [clon, clat] = opts.center ?? [111.785, 37.265];
  const towns = Math.max(1, Math.ceil(total / COMPOUNDS_PER_TOWN));
  const side = Math.ceil(Math.sqrt(towns));
  const cityFrame = localFrame(clon, clat);

  const compounds: Feature<Polygon | MultiPolygon, SyntheticCompoundProps>[] = [];
  const buildings: Feature<Polygon, { compound: string; floors: number }>[] = [];
  const roads: Feature<LineString, { kind: 'street' | 'lane'; width_m: number }>[] = [];
  const facilities: Feature<Point, { type: string }>[] = [];
  const between = (a: number, b: number) => a + (b - a) * rnd();

  for (let t = 0; t < towns && compounds.length < total; t++) {
    // town centre on a square lattice around the city centre
    const tx = ((t % side) - (side - 1) / 2) * TOWN_PITCH_M + between(-300, 300);
    const ty = (Math.floor(t / side) - (side - 1) / 2) * TOWN_PITCH_M + between(-300, 300);
    const [tlon, tlat] = cityFrame.toLonLat([tx, ty]);
    const frame: LocalFrame = localFrame(tlon, tlat);
    const ang = between(-0.6, 0.6);
    const ca = Math.cos(ang);
    const sa = Math.sin(ang);
    const ll = (x: number, y: number): Position => {
      const p = frame.toLonLat([x * ca - y * sa, x * sa + y * ca]);
      return [r7(p[0]), r7(p[1])];
    };
    const ring = (pts: [number, number][]): Position[] => {
      const r = pts.map(([x, y]) => ll(x, y));
      r.push(r[0].slice());
      return r;
    };
    const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
      [x0, y0], [x1, y0], [x1, y1], [x0, y1],
    ];
    const hole = (x0: number, y0: number, x1: number, y1: number): [number, number][] => rect(x0, y0, x1, y1).reverse();

    const townTarget = Math.min(COMPOUNDS_PER_TOWN, total - compounds.length);
    let made = 0;
    // superblocks laid row by row, west→east, until the town has its compounds
    const blocksPerRow = 8;
    let by = -1600;
    let rowH = 0;
    let bx = -1600;
    let col = 0;
    while (made < townTarget) {
      const nc = 2 + Math.floor(rnd() * 3); // 2–4 columns
      const nr = 2 + Math.floor(rnd() * 2); // 2–3 rows
      const colW: number[] = [];
      const rowHs: number[] = [];
      const colGap: number[] = [];
      const rowGap: number[] = [];
      const gap = () => {
        const u = rnd();
        return u < 0.35 ? 0 : u < 0.45 ? between(2, 4) : between(5, 14.5); // not exactly 15: keep the default tolerance unambiguous
      };
      for (let c = 0; c < nc; c++) {
        colW.push(Math.round(between(60, 140)));
        colGap.push(c < nc - 1 ? Math.round(gap() * 10) / 10 : 0);
      }
      for (let r = 0; r < nr; r++) {
        rowHs.push(Math.round(between(60, 130)));
        rowGap.push(r < nr - 1 ? Math.round(gap() * 10) / 10 : 0);
      }
      const blockW = colW.reduce((s, v) => s + v, 0) + colGap.reduce((s, v) => s + v, 0);
      const blockH = rowHs.reduce((s, v) => s + v, 0) + rowGap.reduce((s, v) => s + v, 0);
      let y = by;
      for (let r = 0; r < nr && made < townTarget; r++) {
        let x = bx;
        for (let c = 0; c < nc && made < townTarget; c++) {
          const x0 = x;
          const y0 = y;
          const x1 = x + colW[c];
          const y1 = y + rowHs[r];
          const n = compounds.length + 1;
          const id = `SC-${String(n).padStart(6, '0')}`;
          const kind = rnd();
          let geometry: Polygon | MultiPolygon;
          let buildArea: [number, number, number, number] = [x0, y0, x1, y1];
          if (kind < 0.15) {
            // L-shape: cut the north-east corner
            const cx = x1 - Math.round((x1 - x0) * between(0.25, 0.45));
            const cy = y1 - Math.round((y1 - y0) * between(0.25, 0.45));
            geometry = { type: 'Polygon', coordinates: [ring([[x0, y0], [x1, y0], [x1, cy], [cx, cy], [cx, y1], [x0, y1]])] };
            buildArea = [x0, y0, x1, cy];
          } else if (kind < 0.2 && x1 - x0 > 90 && y1 - y0 > 90) {
            // courtyard compound: perimeter blocks around a 30–50 m open court
            const m = Math.round(between(20, 30));
            geometry = { type: 'Polygon', coordinates: [ring(rect(x0, y0, x1, y1)), ring(hole(x0 + m, y0 + m, x1 - m, y1 - m))] };
            buildArea = [x0, y0, x1, y0 + m];
          } else if (kind < 0.22 && x1 - x0 > 80) {
            // two-part compound split by a 20 m internal road
            const mx = Math.round((x0 + x1) / 2);
            geometry = {
              type: 'MultiPolygon',
              coordinates: [[ring(rect(x0, y0, mx - 10, y1))], [ring(rect(mx + 10, y0, x1, y1))]],
            };
            buildArea = [x0, y0, mx - 10, y1];
          } else {
            geometry = { type: 'Polygon', coordinates: [ring(rect(x0, y0, x1, y1))] };
          }
          compounds.push({
            type: 'Feature',
            properties: {
              id,
              name: `合成小区${n}`,
              town: t,
              built_year: 1975 + Math.floor(rnd() * 25),
              households: 40 + Math.floor(rnd() * 400),
            },
            geometry,
          });
          if (withBuildings) {
            // slab blocks 12 m deep, 18 m apart, 6 m from the compound edge
            const [bx0, by0, bx1, by1] = buildArea;
            for (let yy = by0 + 6; yy + 12 <= by1 - 6; yy += 30) {
              const len = Math.min(bx1 - bx0 - 12, Math.round(between(40, 60)));
              if (len < 15) break;
              buildings.push({
                type: 'Feature',
                properties: { compound: id, floors: 3 + Math.floor(rnd() * 4) },
                geometry: { type: 'Polygon', coordinates: [ring(rect(bx0 + 6, yy, bx0 + 6 + len, yy + 12))] },
              });
            }
          }
          if (rnd() < 0.1) {
            facilities.push({
              type: 'Feature',
              properties: { type: FACILITY_TYPES[Math.floor(rnd() * FACILITY_TYPES.length)] },
              geometry: { type: 'Point', coordinates: ll(between(x0, x1), between(y0, y1)) },
            });
          }
          made++;
          x = x1 + colGap[c];
          if (c < nc - 1 && colGap[c] >= 5) {
            roads.push({
              type: 'Feature',
              properties: { kind: 'lane', width_m: colGap[c] },
              geometry: { type: 'LineString', coordinates: [ll(x1 + colGap[c] / 2, y0), ll(x1 + colGap[c] / 2, y1)] },
            });
          }
        }
        y += rowHs[r] + rowGap[r];
      }
      // the street east of and north of the superblock
      const street = Math.round(between(22, 40));
      roads.push({
        type: 'Feature',
        properties: { kind: 'street', width_m: street },
        geometry: { type: 'LineString', coordinates: [ll(bx + blockW + street / 2, by - street), ll(bx + blockW + street / 2, by + blockH + street)] },
      });
      roads.push({
        type: 'Feature',
        properties: { kind: 'street', width_m: street },
        geometry: { type: 'LineString', coordinates: [ll(bx - street, by + blockH + street / 2), ll(bx + blockW + street, by + blockH + street / 2)] },
      });
      bx += blockW + street;
      rowH = Math.max(rowH, blockH + street);
      if (++col === blocksPerRow) {
        col = 0;
        bx = -1600;
        by += rowH;
        rowH = 0;
      }
    }
  }
  return {
    compounds: { type: 'FeatureCollection', features: compounds },
    buildings: { type: 'FeatureCollection', features: buildings },
    roads: { type: 'FeatureCollection', features: roads },
    facilities: { type: 'FeatureCollection', features: facilities },
  };
}
