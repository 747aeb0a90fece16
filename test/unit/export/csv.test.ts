// Formula-safe CSV: one cell writer for every CSV (the generic writer and the ledger), a leading apostrophe on text
// that starts with = + - @ tab or CR, numbers (negative ones too) kept as numbers, and no cell over Excel's limit.
import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, EXCEL_CELL_MAX, ExportError, toCSV } from '../../../src/lib/export';
import { ledgerCsv, toCsv, type LedgerRow } from '../../../src/lib/programme/ledger';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('neutralises text starting with a dangerous character: %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it('leaves ordinary text, and dangerous characters after the first, alone', () => {
    expect(csvCell('文峰街道')).toBe('文峰街道');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('FY-001')).toBe('FY-001');
  });
  it('keeps numbers (negative ones too) as numbers and text that looks like one as text', () => {
    expect(csvCell(-5000)).toBe('-5000');
    expect(csvCell(95.25)).toBe('95.25');
    expect(csvCell('-5000')).toBe("'-5000");
    expect(() => csvCell(Number.NaN)).toThrow(ExportError);
  });
  it('writes blanks as empty cells and booleans as 是/否', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('是');
    expect(csvCell(false)).toBe('否');
  });
  it('refuses a cell longer than Excel keeps, with a Chinese message and the alternative', () => {
    expect(csvCell('x'.repeat(EXCEL_CELL_MAX))).toHaveLength(EXCEL_CELL_MAX);
    expect(() => csvCell('x'.repeat(EXCEL_CELL_MAX + 1))).toThrow(/超出 Excel 单元格上限 32767 字符.*GeoJSON 或 Shapefile/);
  });
});

describe('one writer for every CSV', () => {
  it('the ledger and the generic writer produce the same cells', () => {
    const rows = [['=cmd', -12.5, null, '甲,"乙"']];
    expect(toCsv(['a', 'b', 'c', 'd'], rows)).toBe(csvTable(['a', 'b', 'c', 'd'], rows));
    expect(toCSV([{ a: '=cmd', b: -12.5, c: null, d: '甲,"乙"' }], ['a', 'b', 'c', 'd'])).toBe(csvTable(['a', 'b', 'c', 'd'], rows));
    expect(csvTable(['a'], [['@x']])).toBe("\uFEFFa\r\n'@x\r\n");
  });
  it('the ledger CSV neutralises a compound renamed to a formula, keeps a negative gap a number, and states its range', () => {
    const row: LedgerRow = {
      id: 'x', code: 'FY-001', name: '=HYPERLINK("http://evil","点我")', township: '文峰街道', community: '', stage: 'planned',
      plan_year: 2024, tier: 'implement', consent_pct: 88.5, consent_date: '2024-03-02', households: 120, buildings: 6, estimate: 1000, planned: 800,
      received: 500, spent: 100, gap: -200, construction_start: '2024-05-01', construction_end_planned: '', overdue: false, last_event: '',
      mgmt_mode: '', mgmt_company: '', contract_end: '', fund_pct: null, last_check: '', check_score: null, service_rating: null,
    };
    const csv = ledgerCsv([row], { audience: 'staff', dataTime: new Date('2026-12-02T02:30:00Z'), demo: true });
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header.split(',')).toContain('居民同意率');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(line.split(',')).toContain('-200');
    expect(line).toContain('含工作人员字段,2026-12-02 10:30（北京时间）,示例数据');
    // Read without staff access: the consent column is absent, not blank.
    const pub = ledgerCsv([{ ...row, consent_pct: null }], { audience: 'public', dataTime: new Date(), demo: false });
    expect(pub.split('\r\n')[0]).not.toContain('同意率');
    expect(pub).toContain('仅公开字段');
  });
});
