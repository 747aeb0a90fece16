// The limits of the formats we write, and the one error type an export raises when a limit (or an empty selection)
// makes a file impossible: its message is Chinese first, names the limit and says what to use instead.

/** Excel (and WPS) keep at most 32,767 characters in a cell; opening and saving a longer one destroys it. */
export const EXCEL_CELL_MAX = 32_767;
/** Rows in one Excel worksheet (the header counts). */
export const EXCEL_ROWS_MAX = 1_048_576;
/** Each file of a shapefile (.shp, .shx, .dbf) must stay under 2 GB: offsets are 32-bit. */
export const SHAPEFILE_FILE_MAX_BYTES = 2 ** 31 - 1;

/** A file that cannot be written as asked; `message` is Chinese, `message_en` English. */
export class ExportError extends Error {
  readonly message_en: string;
  constructor(message_zh: string, message_en: string) {
    super(message_zh);
    this.name = 'ExportError';
    this.message_en = message_en;
  }
}

/** Thousands separators for messages. */
export const group = (n: number) => Math.round(n).toLocaleString('en-US');
