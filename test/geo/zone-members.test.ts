import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { zoneMembers } from '../../src/lib/geo/zone-members';
import { golden, readFixtures, roundFC } from './helpers/fixtures';

type AreaFC = FeatureCollection<Polygon | MultiPolygon>;

// Hand-computed: members and partial shares (see the layout comments in each case).
const expected: Record<string, { members: string[]; partial: [string, number][] }> = {
  // A inside; B 1200/2000; C 900/3000; D only in the zone's box; E far; F shares an edge only
  'half-cover': { members: ['A', 'B'], partial: [['C', 0.3]] },
  'min-share-0.8': { members: ['A'], partial: [['B', 0.6], ['C', 0.3]] },
  'exactly-half': { members: ['H'], partial: [['I', 0.4]] },
  // FY-004's courtyard holds a zone part: no cover; FY-005 600 of 2400 m²
  'multipolygon-and-courtyard': { members: ['FY-001', 'FY-002'], partial: [['FY-005', 0.25]] },
};

function split(input: FeatureCollection) {
  const [zone, ...rest] = input.features;
  return { zone: zone.geometry as Polygon | MultiPolygon, compounds: { type: 'FeatureCollection', features: rest } as AreaFC };
}

describe('zoneMembers fixtures', () => {
  const fixtures = readFixtures('zone-members');
  it('covers every expected case', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const { name, input, outPath } of fixtures) {
    it(name, () => {
      const opts = (input.properties ?? {}) as { minCoverShare?: number; idProperty?: string };
      const { zone, compounds } = split(input);
      const res = zoneMembers(zone, compounds, opts);
      const want = expected[name];
      expect(res.members).toEqual(want.members);
      expect(res.partial.map((p) => p.id)).toEqual(want.partial.map((p) => p[0]));
      res.partial.forEach((p, i) => expect(p.share).toBeCloseTo(want.partial[i][1], 4));
      for (const m of res.members) expect(res.shares[m]).toBeGreaterThanOrEqual((opts.minCoverShare ?? 0.5) - 1e-9);
      const idp = opts.idProperty ?? 'id';
      const out = roundFC({
        type: 'FeatureCollection' as const,
        properties: { members: res.members, partial: res.partial.map((p) => ({ id: p.id, share_pct: p.share * 100 })) },
        features: input.features.map((f, i) => {
          if (i === 0) return f;
          const id = String(f.properties?.[idp]);
          const share = res.shares[id] ?? 0;
          const status = res.members.includes(id) ? 'member' : share > 0 ? 'partial' : 'outside';
          return { ...f, properties: { ...f.properties, status, share_pct: share * 100 } };
        }),
      });
      expect(out).toEqual(golden(outPath, out));
    });
  }
});

describe('zoneMembers', () => {
  const [half] = readFixtures('zone-members').filter((f) => f.name === 'half-cover');
  const { zone, compounds } = split(half.input);

  it('defaults minCoverShare to 0.5 and rejects shares outside (0, 1]', () => {
    expect(zoneMembers(zone, compounds).members).toEqual(['A', 'B']);
    for (const s of [0, -0.1, 1.5, Number.NaN]) expect(() => zoneMembers(zone, compounds, { minCoverShare: s })).toThrow(RangeError);
    expect(zoneMembers(zone, compounds, { minCoverShare: 1 }).members).toEqual(['A']);
  });

  it('answers the same with the cached index and after the collection is replaced', () => {
    const first = zoneMembers(zone, compounds);
    expect(zoneMembers(zone, compounds)).toEqual(first);
    const fewer = { ...compounds, features: compounds.features.filter((f) => f.properties?.id !== 'B') };
    expect(zoneMembers(zone, fewer).members).toEqual(['A']);
  });

  it('returns nothing for an empty collection', () => {
    expect(zoneMembers(zone, { type: 'FeatureCollection', features: [] })).toEqual({ members: [], partial: [], shares: {}, skipped: [] });
  });
});

describe('zoneMembers on bad input', () => {
  it('lists compounds without a usable outline instead of throwing', () => {
    const sq = (x: number, y: number) => [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]];
    const zone = { type: 'Polygon' as const, coordinates: [[[111.7795, 37.2595], [111.7825, 37.2595], [111.7825, 37.2625], [111.7795, 37.2625], [111.7795, 37.2595]]] };
    const compounds = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, properties: { id: 'ok' }, geometry: { type: 'Polygon' as const, coordinates: sq(111.78, 37.26) } },
        { type: 'Feature' as const, properties: { id: 'nan' }, geometry: { type: 'Polygon' as const, coordinates: [[[111.781, 37.26], [Number.NaN, 37.26], [111.782, 37.261], [111.781, 37.26]]] } },
        { type: 'Feature' as const, properties: { id: 'flat' }, geometry: { type: 'Polygon' as const, coordinates: [[[111.781, 37.261], [111.7815, 37.261], [111.782, 37.261], [111.781, 37.261]]] } },
      ],
    };
    const r = zoneMembers(zone, compounds);
    expect(r.members).toEqual(['ok']);
    expect(r.skipped.sort()).toEqual(['flat', 'nan']);
  });
});
