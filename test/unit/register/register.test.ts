// The register's client checks mirror the server's: survey tallies (surveyed ≤ households, agreeing ≤ surveyed, a
// sheet unless answered online), consent bands against the threshold, and which edited fields go where.
import { describe, expect, it } from 'vitest';
import { changedFields, checkSurvey, consentBand, consentOf, type SurveyInput } from '../../../src/lib/data/register';
import type { CompoundRecord } from '../../../src/lib/data/records';

const pdf = { size: 100, type: 'application/pdf' };
const base: SurveyInput = { survey_date: '2025-05-01', method: 'door_to_door', households_total: null, households_surveyed: 90, households_agreeing: 80, note: '' };

describe('checkSurvey', () => {
  it('accepts a paper survey with its sheet and an online one without', () => {
    expect(checkSurvey(base, 100, [pdf], '2025-06-01')).toBeNull();
    expect(checkSurvey({ ...base, method: 'online' }, 100, [], '2025-06-01')).toBeNull();
  });
  it.each([
    [{ households_agreeing: 91 }, 100, { field: 'households_agreeing', problem: 'over_surveyed' }],
    [{ households_surveyed: 101 }, 100, { field: 'households_surveyed', problem: 'over_total', total: 100 }],
    [{ households_total: 80 }, 100, { field: 'households_surveyed', problem: 'over_total', total: 80 }],
    [{}, 0, { field: 'households_total', problem: 'missing' }],
    [{ households_surveyed: 0, households_agreeing: 0 }, 100, { field: 'households_surveyed', problem: 'required' }],
    [{ households_surveyed: 12.5 }, 100, { field: 'households_surveyed', problem: 'integer' }],
    [{ households_agreeing: NaN }, 100, { field: 'households_agreeing', problem: 'required' }],
    [{ survey_date: '2025-07-01' }, 100, { field: 'survey_date', problem: 'future' }],
  ] as const)('refuses %j (households %i)', (change, households, problem) => {
    expect(checkSurvey({ ...base, ...change } as SurveyInput, households, [pdf], '2025-06-01')).toEqual(problem);
  });
  it('asks for the sheet of a paper survey, and refuses other file types', () => {
    expect(checkSurvey(base, 100, [], '2025-06-01')).toEqual({ field: 'sheet', problem: 'required' });
    expect(checkSurvey(base, 100, [{ size: 10, type: 'text/plain' }], '2025-06-01')).toEqual({ field: 'sheet', problem: 'type' });
  });
  it('computes the figure as agreeing ÷ households, to 0.01', () => {
    expect(consentOf(2, 3)).toBe(66.67);
    expect(consentOf(80, 100)).toBe(80);
  });
});

describe('consentBand', () => {
  it('bands against the threshold, and says when never surveyed', () => {
    expect(consentBand(60, '2025-01-01', 200 / 3)).toBe('below');
    expect(consentBand(66.67, '2025-01-01', 200 / 3)).toBe('near');
    expect(consentBand(71.6, '2025-01-01', 200 / 3)).toBe('near');
    expect(consentBand(71.7, '2025-01-01', 200 / 3)).toBe('above');
    expect(consentBand(0, '', 200 / 3)).toBe('none');
    expect(consentBand(undefined, '2025-01-01', 200 / 3)).toBe('none');
  });
});

describe('changedFields', () => {
  it('sends only what changed, staff-only facts apart from public fields', () => {
    const c = { id: 'a', name: '甲', households: 10, property_owner: '', management: 'none', maintenance_fund: false } as unknown as CompoundRecord;
    expect(changedFields(c, { name: '甲', households: 12, property_owner: '', management: 'self', maintenance_fund: false }))
      .toEqual({ fields: { households: 12 }, facts: { management: 'self' } });
  });
});
