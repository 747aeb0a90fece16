// Keeps the server's permit rule (pb_hooks/lib/permit.js, plain JS for the PocketBase VM) in step with the client's
// (src/lib/geo/permit-rule.ts): same flags and the same reasons, word for word, for every fixture and edge case.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COMMERCIAL_TYPES, permitVerdict, type PermitInput } from '../../src/lib/geo/permit-rule';
import { FACILITY_CATALOGUE } from '../../src/lib/geo/coverage';
import { permitInputOf } from '../../src/lib/ui/sites/site-facts';

// The hook file is a CommonJS script for PocketBase's VM (the package is "type": "module"): evaluate it with a module,
// Node's require (for data/permit-rule.json) and the hooks dir, as the VM provides them.
function loadHook(): unknown {
  const mod = { exports: {} as unknown };
  const hooks = join(__dirname, '../../pb_hooks');
  new Function('module', 'exports', 'require', '__hooks', readFileSync(join(hooks, 'lib/permit.js'), 'utf8'))(mod, mod.exports, createRequire(import.meta.url), hooks);
  return mod.exports;
}
const hook = loadHook() as {
  verdict(i: PermitInput): ReturnType<typeof permitVerdict>;
  siteInput(s: Record<string, unknown>): PermitInput;
  siteVerdict(s: Record<string, unknown>): { permit_exempt: boolean; land_use_deferred: boolean; reasons: { zh: string[]; en: string[] } };
  COMMERCIAL_TYPES: string[];
};

const fixtures = join(__dirname, '../geo/permit-rule/in');

describe('server permit rule = client permit rule', () => {
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) {
    it(file, () => {
      const input = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as PermitInput;
      expect(hook.verdict(input)).toEqual(permitVerdict(input));
    });
  }
  it.each([0, 150.04, 299, 300, 300.04, 300.06, 301, 1e4])('area %s m² across every flag combination', (area) => {
    for (let m = 0; m < 16; m++) {
      const input: PermitInput = {
        newBuildingAreaM2: area, changesLandRights: !!(m & 1), highRiskWork: !!(m & 2),
        isIdleBuildingConversion: !!(m & 4), publicService: !!(m & 8),
      };
      expect(hook.verdict(input)).toEqual(permitVerdict(input));
    }
  });
  it('refuses a negative or non-finite area like the client', () => {
    for (const bad of [-1, NaN, Infinity]) {
      const input = { newBuildingAreaM2: bad, changesLandRights: false, highRiskWork: false, isIdleBuildingConversion: false, publicService: true };
      expect(() => hook.verdict(input)).toThrow(RangeError);
      expect(() => permitVerdict(input)).toThrow(RangeError);
    }
  });
});

describe('siteVerdict (facts of a facility_sites record)', () => {
  const base = { facility_type: 'elderly_station', source: 'idle_land', building_area_m2: 280, changes_land_rights: false, high_risk_work: false };
  it('a small new station on idle land is exempt; its land use is not deferred', () => {
    const v = hook.siteVerdict(base);
    expect(v.permit_exempt).toBe(true);
    expect(v.land_use_deferred).toBe(false);
    expect(v.reasons.zh[0]).toMatch(/^可不办理施工许可证/);
  });
  it('an idle building converted to a public service builds nothing new and defers the land-use change', () => {
    const v = hook.siteVerdict({ ...base, source: 'idle_building', building_area_m2: 900 });
    expect(v.permit_exempt).toBe(true);
    expect(v.land_use_deferred).toBe(true);
    expect(v.reasons.zh[1]).toMatch(/暂不办理变更用地主体和土地使用性质/);
  });
  it('a shop in an idle building is commercial, not a public service: no deferral', () => {
    expect(hook.COMMERCIAL_TYPES).toContain('convenience_shop');
    expect(hook.COMMERCIAL_TYPES).toEqual(COMMERCIAL_TYPES);
    expect(hook.siteVerdict({ ...base, facility_type: 'convenience_shop', source: 'idle_building' }).land_use_deferred).toBe(false);
  });
});

describe('the client preview sees a site as the server does', () => {
  it('same permit input for every catalogue type, source and flag', () => {
    for (const ft of FACILITY_CATALOGUE.types) {
      for (const source of ['idle_land', 'idle_building', 'new'] as const) {
        for (let m = 0; m < 4; m++) {
          const facts = { facilityType: ft.key, source, buildingAreaM2: 150 + 100 * m, changesLandRights: !!(m & 1), highRiskWork: !!(m & 2) };
          expect(permitInputOf(facts)).toEqual(hook.siteInput({
            facility_type: ft.key, source, building_area_m2: facts.buildingAreaM2,
            changes_land_rights: facts.changesLandRights, high_risk_work: facts.highRiskWork,
          }));
        }
      }
    }
  });
});
