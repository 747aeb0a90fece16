// Guards division boundaries on the server: anyone reads them, only the office writes them; a boundary is named by its
// division code (the server sets level, name and links from it) and refused with a Chinese message when the code is
// unknown, the polygon invalid, far outside Fenyang or overlapping another boundary of its level — in a batch, one
// refusal leaves nothing written. The demo ships approximate boundaries marked is_demo.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let office: PocketBase;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
});
afterAll(async () => srv?.stop());

// Metres east/north of a point in the west of the county (far from the demo's boundaries) → lon/lat.
const ORIGIN = [111.6, 37.3];
const kx = 111320 * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (x: number, y: number) => [+(ORIGIN[0] + x / kx).toFixed(7), +(ORIGIN[1] + y / 110574).toFixed(7)];
const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon', coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});

async function failure(p: Promise<unknown>): Promise<{ status: number; message: string; data: Record<string, { code?: string; message?: string }> }> {
  try {
    await p;
  } catch (err) {
    const e = err as ClientResponseError;
    return { status: e.status, message: String(e.response?.message ?? ''), data: (e.response?.data ?? {}) as never };
  }
  throw new Error('expected a refusal');
}

describe('demo boundaries', () => {
  it('ship the 3 subdistricts and their 38 communities, marked as demo, with names from their codes', async () => {
    const rows = await srv.anon().collection('division_boundaries').getFullList({ sort: 'code' });
    const file = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/boundaries.geojson'), 'utf8'));
    expect(rows).toHaveLength(file.features.length);
    expect(rows.filter((r) => r.level === 'township').map((r) => r.name)).toEqual(['文峰街道', '太和桥街道', '西河街道']);
    expect(rows.filter((r) => r.level === 'community')).toHaveLength(38);
    expect(rows.every((r) => r.is_demo && r.source.includes('示例数据') && r.area_m2 > 0)).toBe(true);
    const wenfeng = await srv.anon().collection('townships').getFirstListItem('code = "141182001"');
    const dongguan = rows.find((r) => r.code === '141182001001')!;
    expect(dongguan).toMatchObject({ level: 'community', name: '东关社区', township: wenfeng.id });
    expect(dongguan.community).not.toBe('');
  });
});

describe('who may write', () => {
  const body = { code: '141182100', geometry: rect(0, 0, 2000, 2000) };
  it('the public and staff other than the office may not create, change or delete boundaries', async () => {
    expect(await statusOf(srv.anon().collection('division_boundaries').create(body))).toBe(400);
    for (const who of ['planner@demo.fenyang', 'wenfeng@demo.fenyang', 'finance@demo.fenyang']) {
      const pb = await srv.as(who);
      expect(await statusOf(pb.collection('division_boundaries').create(body)), who).toBeGreaterThanOrEqual(400);
      const any = await pb.collection('division_boundaries').getFirstListItem('');
      expect(await statusOf(pb.collection('division_boundaries').delete(any.id)), who).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('the office imports boundaries', () => {
  it('a boundary named by its code gets the division name and links; a 12-digit code is a community', async () => {
    const town = await office.collection('division_boundaries').create({ code: ' 141182100 ', name: '别的名字', geometry: rect(0, 0, 2000, 2000) });
    const jiajiazhuang = await srv.anon().collection('townships').getFirstListItem('code = "141182100"');
    expect(town).toMatchObject({ code: '141182100', level: 'township', name: jiajiazhuang.name, township: jiajiazhuang.id, community: '' });
    expect(town.area_m2).toBeGreaterThan(3.9e6);
    expect(town.area_m2).toBeLessThan(4.1e6);
    await office.collection('division_boundaries').delete(town.id);
  });

  it('refuses an unknown division code, naming it', async () => {
    const f = await failure(office.collection('division_boundaries').create({ code: '141182999', geometry: rect(0, 0, 1000, 1000) }));
    expect(f.status).toBe(400);
    expect(f.message).toContain('区划代码「141182999」不是汾阳市的镇/街道或社区代码');
    expect(f.data.code?.code).toBe('boundary_unknown_code');
  });

  it('refuses a boundary far outside Fenyang, naming the vertex and the distance', async () => {
    // 111.30°E lies beyond the county's western edge (the outline reaches about 111.44°E) but inside the coarse box.
    const outside = { type: 'Polygon', coordinates: [[[111.31, 37.3], [111.33, 37.3], [111.33, 37.32], [111.31, 37.32], [111.31, 37.3]]] };
    const f = await failure(office.collection('division_boundaries').create({ code: '141182100', geometry: outside }));
    expect(f.status).toBe(400);
    expect(f.message).toMatch(/超出汾阳市范围:顶点 \(111\.3\d+, 37\.3\d+\) 在市界外 \d+\.\d 公里/);
    expect(f.data.geometry?.code).toBe('boundary_outside');
  });

  it('refuses a self-intersecting boundary', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[at(0, 0), at(1000, 1000), at(1000, 0), at(0, 1000), at(0, 0)]] };
    const f = await failure(office.collection('division_boundaries').create({ code: '141182100', geometry: bowtie }));
    expect(f.message).toContain('边界无效');
    expect(f.message).toContain('自相交');
  });

  it('refuses a township overlapping another by more than 1 %, but not neighbours sharing a border', async () => {
    const a = await office.collection('division_boundaries').create({ code: '141182101', geometry: rect(0, 0, 2000, 2000) });
    // Shares the edge x = 2000 exactly: no overlap.
    const b = await office.collection('division_boundaries').create({ code: '141182102', geometry: rect(2000, 0, 4000, 2000) });
    // 100 m into a: 200,000 m² = 5 % of the smaller.
    const f = await failure(office.collection('division_boundaries').create({ code: '141182103', geometry: rect(1900, 2000 - 1000, 2900, 3000) }));
    expect(f.status).toBe(400);
    expect(f.message).toMatch(/与「.+」\(14118210[12]\)的边界重叠 \d+ 平方米,占较小者的 [\d.]+%\(允许 1%\)/);
    expect(f.data.geometry?.code).toBe('boundary_overlap');
    // A sliver along a shared border (2 m × 2 km = 4,000 m², 0.1 %) is tolerated.
    const c = await office.collection('division_boundaries').create({ code: '141182103', geometry: rect(0, 1998, 2000, 4000) });
    // A code that already has a boundary is refused with a message (an import replaces it instead).
    const dup = await failure(office.collection('division_boundaries').create({ code: '141182002001', geometry: rect(100, 100, 500, 500) }));
    expect(dup.message).toContain('区划代码「141182002001」已有边界');
    // Another level may overlap freely: a community (the demo's, moved here) inside a township.
    const demoCommunity = await office.collection('division_boundaries').getFirstListItem('code = "141182002001"');
    const d = await office.collection('division_boundaries').update(demoCommunity.id, { geometry: rect(100, 100, 500, 500) });
    expect(d.level).toBe('community');
    // Moving a boundary onto its neighbour is refused too.
    const moved = await failure(office.collection('division_boundaries').update(b.id, { geometry: rect(1000, 0, 3000, 2000) }));
    expect(moved.data.geometry?.code).toBe('boundary_overlap');
    for (const r of [a, b, c]) await office.collection('division_boundaries').delete(r.id);
    await office.collection('division_boundaries').update(d.id, { geometry: demoCommunity.geometry });
  });

  it('writes a batch all or nothing: one refused boundary leaves the others unwritten; replacing in one batch works', async () => {
    const before = await srv.anon().collection('division_boundaries').getFullList();
    const batch = office.createBatch();
    batch.collection('division_boundaries').create({ code: '141182104', geometry: rect(0, 0, 1000, 1000) });
    batch.collection('division_boundaries').create({ code: '141182105', geometry: rect(1000, 0, 2000, 1000) });
    batch.collection('division_boundaries').create({ code: '141182105000', geometry: rect(3000, 0, 4000, 1000) }); // not a community
    const f = await failure(batch.send());
    expect(f.status).toBe(400);
    expect(JSON.stringify(f.data)).toContain('boundary_unknown_code');
    expect(await srv.anon().collection('division_boundaries').getFullList()).toHaveLength(before.length);

    // The demo's 西河街道 replaced by an import: delete and create in one batch (its neighbours stay, no overlap).
    const xihe = before.find((r) => r.code === '141182003')!;
    const replace = office.createBatch();
    replace.collection('division_boundaries').delete(xihe.id);
    replace.collection('division_boundaries').create({ code: '141182003', geometry: xihe.geometry, source: '导入 / imported: test', is_demo: false });
    await replace.send();
    const now = await srv.anon().collection('division_boundaries').getFirstListItem('code = "141182003"');
    expect(now).toMatchObject({ name: '西河街道', is_demo: false, level: 'township' });
  });
});
