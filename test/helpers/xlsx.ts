// Reading XLSX back as Excel does, with exceljs: cells keep their types (numbers, dates, text), empty cells are absent.
import ExcelJS from 'exceljs';

export interface ReadSheet {
  name: string;
  /** Every row as cell values (1-based columns shifted to 0-based; empty cells undefined). */
  rows: unknown[][];
  ws: ExcelJS.Worksheet;
}

export async function readXlsx(bytes: Uint8Array | Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1);
      rows[n - 1] = values.map((v) => (v === null ? undefined : v));
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []), ws };
  });
}

/** The rows under the header row (the first row whose first cell is `firstHeader`) as objects keyed by header. */
export function records(sheet: ReadSheet, firstHeader: string): { headerRow: number; rows: Record<string, unknown>[] } {
  const h = sheet.rows.findIndex((r) => r[0] === firstHeader);
  if (h < 0) throw new Error(`no header row starting with ${firstHeader} in ${sheet.name}`);
  const header = sheet.rows[h] as string[];
  return {
    headerRow: h + 1,
    rows: sheet.rows.slice(h + 1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]]).filter(([, v]) => v !== undefined))),
  };
}
