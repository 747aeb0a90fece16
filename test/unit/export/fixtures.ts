// Compounds for export tests: a polygon with a hole, a two-part MultiPolygon, and one whose outline has so many
// vertices that its WKT passes Excel's 32,767-character cell limit. Values cover every field type, a formula-like
// name and an empty optional field.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CompoundRecord } from '../../../src/lib/data/records';

const j = (x: number) => x + 0.000000123456;
function circle(lon: number, lat: number, rM: number, n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([lon + (rM * Math.cos(a)) / 88_700 + 0.000000000123, lat + (rM * Math.sin(a)) / 111_000 + 0.000000000321]);
  }
  ring.push(ring[0]);
  return ring;
}

const holed: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[j(111.78), j(37.26)], [j(111.782), j(37.26)], [j(111.782), j(37.2615)], [j(111.78), j(37.2615)], [j(111.78), j(37.26)]],
    [[j(111.7805), j(37.2605)], [j(111.7805), j(37.261)], [j(111.781), j(37.261)], [j(111.781), j(37.2605)], [j(111.7805), j(37.2605)]],
  ],
};
const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[111.79, 37.27], [111.791, 37.27], [111.791, 37.271], [111.79, 37.271], [111.79, 37.27]]],
    [[[111.793, 37.27], [111.794, 37.27], [111.794, 37.271], [111.793, 37.271], [111.793, 37.27]]],
  ],
};
/** About 1,400 vertices: its WKT is ~ 40,000 characters. */
export const HUGE: Polygon = { type: 'Polygon', coordinates: [circle(111.8, 37.25, 120, 1400)] };

const base = {
  township: 't1', community: 'c1', address: '', built_year: 1990, buildings: 6, households: 120, floor_area_m2: 9800.5,
  land_area_m2: 12000.25, stage: 'planned', plan_year: 2024, tier: 'implement', is_demo: true,
} as const;

export const RECORDS: CompoundRecord[] = [
  {
    ...base, id: 'r1', code: 'FY-T01', name: '测试小区甲（有内环）', address: '汾阳市文峰街道南关大街1号', geometry: holed,
    property_owner: '汾阳市第一机械厂', management: 'property_company', maintenance_fund: true, consent_pct: 100, consent_date: '2024-05-01 00:00:00.000Z',
  },
  {
    ...base, id: 'r2', code: 'FY-T02', name: '=HYPERLINK("http://x","点我")', geometry: twoParts, stage: 'construction', tier: '',
    plan_year: null, property_owner: '', management: 'self', maintenance_fund: false, consent_pct: 66.67, consent_date: '',
  },
  {
    ...base, id: 'r3', code: 'FY-T03', name: '测试小区丙', geometry: HUGE, stage: 'demand', built_year: 1985,
    property_owner: '汾阳市供销社', management: 'none', maintenance_fund: false, consent_pct: 0, consent_date: '2023-11-20 00:00:00.000Z',
  },
] as unknown as CompoundRecord[];

export const NAMES = {
  townshipName: new Map([['t1', '文峰街道']]),
  townshipCode: new Map([['t1', '141182001']]),
  communityName: new Map([['c1', '南关社区']]),
};
