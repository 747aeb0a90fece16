// Pure parts of residents' participation: the answer deadline in working days (the server's receipts.js, run as the VM
// would), receipt numbers typed by hand, household numbers typed by a township, and the year's complaint figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalizeReceipt, parseHouseholds, receiptFigures } from '../../../src/lib/data/participation';

function loadHook(): { dueAt(from: number, days: number, holidays: string[]): string; receiptNo(y: string, n: number): string } {
  const mod = { exports: {} as unknown };
  const hooks = join(__dirname, '../../../pb_hooks');
  new Function('module', 'exports', 'require', '__hooks', readFileSync(join(hooks, 'lib/receipts.js'), 'utf8'))(mod, mod.exports, createRequire(import.meta.url), hooks);
  return mod.exports as never;
}
const hook = loadHook();

describe('answer deadline in working days (Beijing time)', () => {
  it('skips weekends: sent on a Friday, due the next Friday at 23:59:59 Beijing', () => {
    expect(hook.dueAt(Date.parse('2026-12-04T02:00:00Z'), 5, [])).toBe('2026-12-11 15:59:59.000Z');
  });
  it('counts the Beijing day: Friday 17:00 UTC is already Saturday in Beijing', () => {
    expect(hook.dueAt(Date.parse('2026-12-04T17:00:00Z'), 5, [])).toBe('2026-12-11 15:59:59.000Z');
    expect(hook.dueAt(Date.parse('2026-12-04T15:00:00Z'), 1, [])).toBe('2026-12-07 15:59:59.000Z');
  });
  it('skips listed holidays', () => {
    expect(hook.dueAt(Date.parse('2026-12-31T02:00:00Z'), 1, ['2027-01-01'])).toBe('2027-01-04 15:59:59.000Z');
    expect(hook.dueAt(Date.parse('2026-09-30T02:00:00Z'), 5, ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])).toBe('2026-10-14 15:59:59.000Z'); // Oct 8, 9, 12, 13, 14
  });
  it('numbers receipts with six digits', () => {
    expect(hook.receiptNo('2026', 123)).toBe('FY-2026-000123');
  });
});

describe('typed input', () => {
  it('reads receipt numbers loosely but refuses anything else', () => {
    expect(normalizeReceipt(' fy-2026-123 ')).toBe('FY-2026-000123');
    expect(normalizeReceipt('FY2026000123')).toBe('FY-2026-000123');
    expect(normalizeReceipt('FY-2026-1234567')).toBeNull();
    expect(normalizeReceipt('12345')).toBeNull();
  });
  it('expands ranges written with ~ and keeps door numbers with dashes', () => {
    expect(parseHouseholds('1~3\n1-101，1-102', 0)).toEqual(['1', '2', '3', '1-101', '1-102']);
    expect(parseHouseholds('', 3)).toEqual(['1', '2', '3']);
    expect(parseHouseholds('5~3', 0)).toEqual(['5~3']);
  });
});

describe('complaint figures', () => {
  it('counts in time, late and open past the deadline per township', () => {
    const now = Date.parse('2026-12-20T00:00:00Z');
    const f = receiptFigures([
      { township: 'a', created: '', due_at: '2026-12-10 15:59:59Z', answered_at: '2026-12-09 01:00:00Z' },
      { township: 'a', created: '', due_at: '2026-12-10 15:59:59Z', answered_at: '2026-12-11 01:00:00Z' },
      { township: 'a', created: '', due_at: '2026-12-10 15:59:59Z', answered_at: '' },
      { township: 'b', created: '', due_at: '2026-12-25 15:59:59Z', answered_at: '' },
    ], now);
    expect(f.get('a')).toEqual({ received: 3, inTime: 1, late: 1, overdue: 1 });
    expect(f.get('b')).toEqual({ received: 1, inTime: 0, late: 0, overdue: 0 });
  });
});
