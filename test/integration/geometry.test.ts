// Guards the server's geometry check (pb_hooks/lib/geometry.js over the one validity rule): every zone the merge
// writes is accepted as sent, invalid polygons are refused with their place in the Chinese message, foreign members
// are stripped and rings rewound, and the work is bounded (size and vertex limits first, a time limit last).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type PocketBase from 'pocketbase';
import { mergeAdjacent } from '../../src/lib/geo/merge-zones';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let planner: PocketBase;
let office: PocketBase;
let townshipId: string;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  planner = await srv.as('planner@demo.fenyang');
  office = await srv.as('office@demo.fenyang');
  townshipId = (await office.collection('townships').getFirstListItem('')).id;
});
afterAll(async () => srv?.stop());

const FIXTURES = path.join(__dirname, '..', 'geo', 'merge-zones', 'in');
type AreaFC = FeatureCollection<Polygon | MultiPolygon>;

/** The message of a refused write, or '' when it went through. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return '';
  } catch (e) {
    const err = e as { status?: number; response?: { data?: { geometry?: { message?: string } } } };
    expect(err.status).toBe(400);
    return err.response?.data?.geometry?.message ?? '(no geometry message)';
  }
}

const createZone = (pb: PocketBase, name: string, geometry: unknown, area_m2 = 1) =>
  pb.collection('design_zones').create({ name, geometry, members: [], origin: 'merged', area_m2 });

describe('merged zones', () => {
  it('every zone the merge makes of the fixtures is accepted and stored as sent', async () => {
    let n = 0;
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.geojson')).sort()) {
      const input = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as AreaFC & { properties?: { toleranceM?: number } };
      for (const z of mergeAdjacent(input, { toleranceM: input.properties?.toleranceM ?? 15 }).features) {
        const created = await createZone(planner, `${file} ${z.properties.members.join('+')}`, z.geometry, z.properties.area_m2);
        expect(created.geometry, file).toEqual(z.geometry);
        n++;
      }
    }
    expect(n).toBeGreaterThan(25);
  });

  it('so is every zone of 40 random layouts (rectangles, L, U, courtyards on a metre grid)', async () => {
    const box = (x: number, y: number, w: number, h: number) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
    const ll = (p: number[]) => [+(111.79 + p[0] / 88_650).toFixed(9), +(37.27 + p[1] / 110_990).toFixed(9)];
    const ring = (pts: number[][]) => [...pts, pts[0]].map(ll);
    const shape = fc.record({ x: fc.integer({ min: 0, max: 8 }), y: fc.integer({ min: 0, max: 8 }), w: fc.integer({ min: 2, max: 6 }), h: fc.integer({ min: 2, max: 6 }), kind: fc.integer({ min: 0, max: 3 }) })
      .map(({ x, y, w, h, kind }) => {
        const [X, Y, W, H] = [5 * x, 5 * y, 5 * w, 5 * h];
        if (kind === 0) return [ring(box(X, Y, W, H))];
        if (kind === 1) return [ring([[X, Y], [X + W, Y], [X + W, Y + 5], [X + 5, Y + 5], [X + 5, Y + H], [X, Y + H]])];
        if (kind === 2) return [ring(box(X, Y, W, H)), ring([[X + W / 2, Y], [X + W / 2 - 2, Y + 2], [X + W / 2, Y + 4], [X + W / 2 + 2, Y + 2]])];
        return [ring(box(X, Y, W, H)), ring(box(X + 2, Y + 2, W - 4, H - 4).reverse())];
      });
    const layouts = fc.sample(fc.array(shape, { minLength: 2, maxLength: 5 }), { seed: 13, numRuns: 40 });
    const refused: string[] = [];
    for (const [k, shapes] of layouts.entries()) {
      const input: AreaFC = { type: 'FeatureCollection', features: shapes.map((coordinates, i) => ({ type: 'Feature', properties: { id: `M${i}` }, geometry: { type: 'Polygon', coordinates } })) };
      for (const tol of [0, 5]) {
        for (const z of mergeAdjacent(input, { toleranceM: tol }).features) {
          const why = await refusal(createZone(planner, `layout ${k} @ ${tol}`, z.geometry));
          if (why) refused.push(`${JSON.stringify(z.geometry)}: ${why}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('invalid polygons are refused with the place', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const L = 111.78;
  const B = 37.26;
  const cases: [string, unknown, RegExp][] = [
    ['bow-tie', { type: 'Polygon', coordinates: [[[L, B], [L + 0.001, B + 0.001], [L + 0.001, B], [L, B + 0.001], [L, B]]] }, /边界自相交.*位置 \(111\.7805000, 37\.2605000\)/],
    ['hole crossing its shell', { type: 'Polygon', coordinates: [sq(L, B, L + 0.001, B + 0.001), sq(L + 0.0005, B + 0.0002, L + 0.0015, B + 0.0008).reverse()] },
      /内环\(洞\)与外环或其他洞相交.*位置 \(111\.7810000, 37\.260[28]000\)/],
    ['hole touching its shell twice', { type: 'Polygon', coordinates: [sq(L, B, L + 0.001, B + 0.001), [[L + 0.0005, B], [L + 0.0003, B + 0.0005], [L + 0.0005, B + 0.001], [L + 0.0007, B + 0.0005], [L + 0.0005, B]]] },
      /把面分成了互不相连的部分.*位置 \(111\.7805000, 37\.26[01]0000\)/],
    ['courtyard drawn into the outer ring', { type: 'Polygon', coordinates: [[[L, B], [L + 0.003, B], [L + 0.003, B + 0.004], [L + 0.001, B + 0.004], [L + 0.001, B + 0.003], [L + 0.002, B + 0.003], [L + 0.002, B + 0.001], [L + 0.001, B + 0.001], [L + 0.001, B + 0.003], [L, B + 0.003], [L, B]]] },
      /边界自接触.*位置 \(111\.7810000, 37\.2630000\)/],
    ['overlapping parts', { type: 'MultiPolygon', coordinates: [[sq(L, B, L + 0.001, B + 0.001)], [sq(L + 0.0005, B + 0.0005, L + 0.0015, B + 0.0015)]] },
      /多面的第 1 部分与第 2 部分重叠,位置 \(111\.78[01]\d{4}, 37\.26\d{5}\)/],
    ['hole outside its shell', { type: 'Polygon', coordinates: [sq(L, B, L + 0.001, B + 0.001), sq(L + 0.002, B, L + 0.003, B + 0.001).reverse()] }, /洞.*不在外环内/],
    ['null geometry', null, /缺少几何图形/],
    ['a NaN coordinate (sent as null)', { type: 'Polygon', coordinates: [[[L, B], [Number.NaN, B], [L + 0.001, B + 0.001], [L, B]]] }, /坐标无效.*第 1 个点/],
    ['a longitude beyond 180°', { type: 'Polygon', coordinates: [[[L, B], [191.78, B], [L + 0.001, B + 0.001], [L, B]]] }, /坐标超出经纬度范围/],
  ];
  it.each(cases)('%s', async (_name, geometry, message) => {
    const before = (await office.collection('compounds').getList(1, 1)).totalItems;
    const why = await refusal(office.collection('compounds').create({ code: 'BAD-G', name: '坏几何', township: townshipId, stage: 'demand', geometry }));
    expect(why).toMatch(message);
    expect(why).toMatch(/ \/ [a-zA-Z]/); // English second
    expect((await office.collection('compounds').getList(1, 1)).totalItems).toBe(before);
  });

  it('accepts what OGC allows: a courtyard touching its wall once, parts touching at points', async () => {
    const ok1 = { type: 'Polygon', coordinates: [sq(L, B, L + 0.001, B + 0.001), [[L + 0.0005, B], [L + 0.0003, B + 0.0002], [L + 0.0005, B + 0.0004], [L + 0.0007, B + 0.0002], [L + 0.0005, B]]] };
    const ok2 = { type: 'MultiPolygon', coordinates: [[sq(L, B, L + 0.001, B + 0.001)], [sq(L + 0.001, B + 0.001, L + 0.002, B + 0.002)]] };
    expect(await refusal(createZone(planner, 'touching once', ok1))).toBe('');
    expect(await refusal(createZone(planner, 'parts touching', ok2))).toBe('');
  });
});

describe('what is stored', () => {
  it('keeps only type and coordinates, wound as RFC 7946 asks', async () => {
    const cw = [[111.78, 37.26], [111.78, 37.261], [111.781, 37.261], [111.781, 37.26], [111.78, 37.26]];
    const sent = { type: 'Polygon', coordinates: [cw], bbox: [0, 0, 1, 1], properties: { junk: 'x'.repeat(20_000) }, crs: { type: 'name' } };
    const created = await office.collection('compounds').create({ code: 'CLEAN-1', name: '清理', township: townshipId, stage: 'demand', geometry: sent });
    expect(created.geometry).toEqual({ type: 'Polygon', coordinates: [[...cw].reverse()] });
    const stored = await srv.admin.collection('compounds').getOne(created.id);
    expect(Object.keys(stored.geometry).sort()).toEqual(['coordinates', 'type']);
  });
});

describe('bounded work', () => {
  /** A circle of n vertices around (111.785, 37.265); with `twist`, one vertex pulled across it. */
  function circle(n: number, twist = false): number[][] {
    const pts: number[][] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      pts.push([111.785 + 0.002 * Math.cos(a), 37.265 + 0.002 * Math.sin(a)]);
    }
    if (twist) pts[n - 10] = [111.785 - 0.003, 37.265 + 0.0001];
    return [...pts, pts[0]];
  }
  const post = (coordinates: unknown, code: string) =>
    office.collection('compounds').create({ code, name: '大几何', township: townshipId, stage: 'demand', geometry: { type: 'Polygon', coordinates } });

  it('checks a 2,000-vertex self-intersecting ring quickly (the issue asks under 100 ms; the round trip here, generous)', async () => {
    const ring = circle(2000, true);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      expect(await refusal(post([ring], `SI-${k}`))).toMatch(/边界自相交/);
      times.push(performance.now() - t0);
    }
    const best = Math.min(...times);
    console.log(`2,000-vertex self-intersecting ring refused in ${best.toFixed(0)} ms (best of 5 round trips; a 10-vertex request here ~15 ms)`);
    expect(best).toBeLessThan(300);
  });

  it('refuses more than 5,000 vertices by count, and 100,000 unread by size', async () => {
    expect(await refusal(post([circle(6000)], 'BIG-1'))).toMatch(/顶点过多\(上限 5000 个\)/);
    const t0 = performance.now();
    expect(await refusal(post([circle(100_000)], 'BIG-2'))).toMatch(/几何数据过大.*未作检查即拒收/);
    expect(performance.now() - t0).toBeLessThan(5000); // mostly sending 4 MB; the check reads only its length
  });

  it('applies configured limits: vertex count per collection and a time limit', async () => {
    const small = await startServer({ env: { PB_GEOMETRY_MAX_VERTICES: '50', PB_GEOMETRY_TIME_LIMIT_MS: '1' } });
    try {
      const tw = (await small.admin.collection('townships').create({ code: '141182999', name: '测试镇', kind: 'town' })).id;
      const create = (coordinates: unknown) =>
        refusal(small.admin.collection('compounds').create({ code: `L-${Math.random()}`, name: '限制', township: tw, stage: 'demand', geometry: { type: 'Polygon', coordinates } }));
      expect(await create([circle(60)])).toMatch(/顶点过多\(上限 50 个\)/);
      // a design zone may have 20,000 vertices, but checking 4,900 takes longer than the 1 ms this server allows
      const why = await refusal(small.admin.collection('design_zones').create({ name: 'z', geometry: { type: 'Polygon', coordinates: [circle(4900)] }, members: [], origin: 'drawn', area_m2: 1 }));
      expect(why).toMatch(/几何检查超时/);
    } finally {
      await small.stop();
    }
  });
});

describe('other geometry collections', () => {
  it('a facility site may be a point; a context feature a line; anything else is refused by type', async () => {
    const site = await statusOf(planner.collection('context_features').create({ kind: 'road', name: '路', geometry: { type: 'LineString', coordinates: [[111.78, 37.26], [111.781, 37.26]] } }));
    expect(site).toBe(0);
    expect(await refusal(planner.collection('context_features').create({ kind: 'road', name: '路', geometry: { type: 'LineString', coordinates: [[111.78, 37.26]] } }))).toMatch(/线至少需要2个坐标点/);
    expect(await refusal(office.collection('compounds').create({ code: 'PT', name: '点', township: townshipId, stage: 'demand', geometry: { type: 'Point', coordinates: [111.78, 37.26] } }))).toMatch(/几何类型应为 Polygon\/MultiPolygon/);
  });
});
