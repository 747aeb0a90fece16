// The static publication (scripts/publish.mjs): the public map and compound pages served as plain files by any static
// host, object store or CDN, with no PocketBase behind them. The publisher writes `window.FY_PUBLICATION` into each
// page; while it is there, the public data functions (public.ts) read the published JSON instead of the API — the same
// views and components draw both.

export interface Publication {
  /** ISO time of the publish run that wrote the data. */
  publishedAt: string;
  /** Where the published JSON lives (site-absolute), e.g. '/data/'. */
  dataPath: string;
}

/** The publication this page belongs to, or null when served by the live app. */
export const publication: Publication | null =
  ((globalThis as { FY_PUBLICATION?: Publication }).FY_PUBLICATION as Publication | undefined) ?? null;

const cache = new Map<string, Promise<unknown>>();

/** One published JSON file (fetched once per page load); a missing file is a 404 like the API's. */
export function publishedJson<T>(file: string): Promise<T> {
  let p = cache.get(file);
  if (!p) {
    p = fetch(`${publication!.dataPath}${file}`).then(async (res) => {
      if (!res.ok) throw Object.assign(new Error(`${res.status} ${file}`), { status: res.status });
      return res.json();
    });
    p.catch(() => cache.delete(file));
    cache.set(file, p);
  }
  return p as Promise<T>;
}

/** The file name a compound's page data is published under (codes are [A-Za-z0-9_-], safe in a path). */
export const compoundFile = (code: string) => `c/${encodeURIComponent(code)}.json`;
