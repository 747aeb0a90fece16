// permitVerdict: policy §六(二). Fixtures test/geo/permit-rule/in/*.json → out/*.json (REGEN=1 rewrites).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permitVerdict, type PermitInput } from '../../src/lib/geo/permit-rule';

const dir = join(__dirname, 'permit-rule');

describe('permitVerdict fixtures', () => {
  for (const file of readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.json'))) {
    it(file, () => {
      const input = Object.freeze(JSON.parse(readFileSync(join(dir, 'in', file), 'utf8'))) as PermitInput;
      const out = permitVerdict(input);
      const outPath = join(dir, 'out', file);
      if (process.env.REGEN) writeFileSync(outPath, JSON.stringify(out, null, 2) + '\n');
      expect(out).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});

describe('permitVerdict rules', () => {
  const base: PermitInput = {
    newBuildingAreaM2: 100,
    changesLandRights: false,
    highRiskWork: false,
    isIdleBuildingConversion: false,
    publicService: true,
  };
  it('300 m² exactly is exempt, 300.5 is not', () => {
    expect(permitVerdict({ ...base, newBuildingAreaM2: 300 }).constructionPermitExempt).toBe(true);
    expect(permitVerdict({ ...base, newBuildingAreaM2: 300.5 }).constructionPermitExempt).toBe(false);
    expect(permitVerdict({ ...base, newBuildingAreaM2: 301 }).constructionPermitExempt).toBe(false);
  });
  it('high-risk work or a change of rights needs a permit even when small', () => {
    expect(permitVerdict({ ...base, highRiskWork: true }).constructionPermitExempt).toBe(false);
    expect(permitVerdict({ ...base, changesLandRights: true }).constructionPermitExempt).toBe(false);
  });
  it('defers the land-use change only for an idle building turned public service', () => {
    expect(permitVerdict({ ...base, isIdleBuildingConversion: true }).landUseChangeDeferred).toBe(true);
    expect(permitVerdict({ ...base, isIdleBuildingConversion: true, publicService: false }).landUseChangeDeferred).toBe(false);
    expect(permitVerdict(base).landUseChangeDeferred).toBe(false);
  });
  it('quotes the rule in both languages', () => {
    const v = permitVerdict({ ...base, newBuildingAreaM2: 301, isIdleBuildingConversion: true });
    expect(v.reasons_zh.join()).toContain('建筑面积在300平方米以内的新建项目可不办理施工许可证');
    expect(v.reasons_zh.join()).toContain('暂不办理变更用地主体和土地使用性质的手续');
    expect(v.reasons_en).toHaveLength(2);
  });
  it('rejects a negative area with a bilingual RangeError', () => {
    expect(() => permitVerdict({ ...base, newBuildingAreaM2: -1 })).toThrow(RangeError);
    expect(() => permitVerdict({ ...base, newBuildingAreaM2: Number.NaN })).toThrow(/新建建筑面积无效.*invalid/);
  });
});
