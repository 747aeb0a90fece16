// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the flags that give WebGL2 through
// SwiftShader on these machines (STACK.md). Console errors and page errors are collected for the zero-errors check.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { runTempDir } from './processes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  browser: BrowserContext;
  page: Page;
  errors: string[];
  newPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

function watch(page: Page, errors: string[]) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
}

export async function openBrowser(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  // In the run's directory: the global teardown stops this Chromium even if the test that opened it never closes it.
  const userDataDir = runTempDir('fy-chrome-');
  const browser: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--use-gl=angle',
    ],
  });
  // Waits (selectors, downloads) get 90 s instead of Playwright's 30 s: offscreen print sheets and first map loads take
  // tens of seconds on a busy 2-core machine with software GL, and slow is not broken.
  browser.setDefaultTimeout(90_000);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors: string[] = [];
  watch(page, errors);
  return {
    browser,
    page,
    errors,
    async newPage() {
      const p = await browser.newPage();
      const errs: string[] = [];
      watch(p, errs);
      return { page: p, errors: errs };
    },
    async close() {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the header form as a demo account (signing out first when someone else is signed in). */
export async function signIn(page: Page, email: string, password = 'fenyang2025') {
  if (await page.locator('[data-testid=signed-in-as]').count()) {
    await page.getByRole('button', { name: /退出|Sign out/ }).click();
  }
  await page.click('[data-testid=sign-in-open]');
  await page.fill('[data-testid=sign-in-form] input[type=email]', email);
  await page.fill('[data-testid=sign-in-form] input[type=password]', password);
  await page.click('[data-testid=sign-in-form] button[type=submit]');
  await page.waitForSelector('[data-testid=signed-in-as]');
}

/** Resolves when the app's map exists, has loaded its style and sources and is idle. */
export async function waitForMapIdle(page: Page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const map = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
    return !!map && map.loaded() && map.isStyleLoaded() && !!map.getLayer('compounds-fill') && map.areTilesLoaded();
  }, null, { timeout, polling: 100 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    if (!map.isMoving() && map.loaded()) {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    } else map.once('idle', () => resolve());
  }));
}

/**
 * The screen point well inside a rendered compound (the mean of its outer ring's vertices; compound `code`, else the
 * first one rendered) and what the map hits there — where a resident's click on that compound lands.
 */
export async function compoundPoint(page: Page, code?: string): Promise<{ x: number; y: number; id: string; code: string; name: string }> {
  return page.evaluate((code) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const all = map.queryRenderedFeatures({ layers: ['compounds-fill'] });
    const f = code === null ? all[0] : all.find((x) => x.properties.code === code)!;
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry as GeoJSON.MultiPolygon).coordinates[0][0];
    const lon = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
    const lat = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
    const p = map.project([lon, lat]);
    const hit = map.queryRenderedFeatures(p, { layers: ['compounds-fill'] })[0];
    return { x: p.x, y: p.y, id: String(hit?.id ?? ''), code: String(hit?.properties.code ?? ''), name: String(hit?.properties.name ?? '') };
  }, code ?? null);
}

/** Distinct compound features rendered on screen (queryRenderedFeatures returns one per tile: dedupe by id), with the
 * fill colour MapLibre evaluated for each, as #rrggbb. */
export async function renderedCompounds(page: Page): Promise<{ id: string; code: string; stage: string; color: string }[]> {
  return page.evaluate(() => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const hex = (c: unknown) => {
      if (c && typeof c === 'object' && 'r' in c) {
        const { r, g, b } = c as { r: number; g: number; b: number };
        return '#' + [r, g, b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
      }
      return String(c);
    };
    const seen = new Map<string, { id: string; code: string; stage: string; color: string }>();
    for (const f of map.queryRenderedFeatures({ layers: ['compounds-fill'] })) {
      const id = String(f.id);
      if (seen.has(id)) continue;
      const paint = f.layer.paint as Record<string, unknown> | undefined;
      seen.set(id, { id, code: String(f.properties.code), stage: String(f.properties.stage), color: hex(paint?.['fill-color']) });
    }
    return [...seen.values()];
  });
}

export function distDir(): string {
  const dir = path.resolve(import.meta.dirname, '../../dist');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  return dir;
}
