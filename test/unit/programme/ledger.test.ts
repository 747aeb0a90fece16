// Guards the ledger's rule that an unknown value is never a zero: before the money records arrive (or for a visitor)
// the money columns are null and shown as '—'; once they are known, a compound without money shows 0.
import { describe, expect, it } from 'vitest';
import type { CompoundRecord } from '../../../src/lib/data/records';
import { fmt } from '../../../src/lib/i18n/index.svelte';
import { ledgerRows } from '../../../src/lib/programme/ledger';
import { moneyByCompound } from '../../../src/lib/programme/report';

const compound = { id: 'c1', code: 'FY-001', name: '甲', township: 't', community: '', stage: 'planned', plan_year: 2024, tier: 'implement',
  households: 10, buildings: 2 } as unknown as CompoundRecord;
const none = new Map<string, string>();

describe('ledger rows', () => {
  it('leaves money unknown (null, shown as —) while the records are not loaded', () => {
    const [row] = ledgerRows([compound], null, none, new Set(), none, none);
    expect([row.estimate, row.planned, row.received, row.spent, row.gap]).toEqual([null, null, null, null, null]);
    expect(fmt(row.planned)).toBe('—');
    expect(row.consent_pct).toBeNull(); // a hidden or missing consent is not 0 either
  });

  it('shows 0 for a compound without money once the records are known', () => {
    const [row] = ledgerRows([compound], moneyByCompound([], []), none, new Set(), none, none);
    expect([row.planned, row.received, row.spent]).toEqual([0, 0, 0]);
  });
});
