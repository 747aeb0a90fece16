// Reasons as data: a code the UI translates (src/lib/i18n/messages/geometry.ts) and its parameters. Analysis
// functions return these or throw a GeoError carrying one; they never build sentences themselves.

/** A reason the UI turns into words: e.g. { code: 'tolerance_out_of_range', params: { min: 0, max: 50, value: 80 } }. */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

/**
 * An analysis refused its input. A RangeError, so callers that catch range problems keep working; the message is
 * the code and params for logs, and `code` / `params` are what the UI translates.
 * @example throw new GeoError('tolerance_out_of_range', { min: 0, max: 50, value: 80 });
 */
export class GeoError extends RangeError {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'GeoError';
    this.code = code;
    this.params = params;
  }
}
