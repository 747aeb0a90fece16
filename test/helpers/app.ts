// The built app for an e2e file: a fresh seeded PocketBase serving dist/ and one headless Chromium, started before the
// file's tests and both stopped after them — also when a test or the start itself fails.
import { afterAll, beforeAll } from 'vitest';
import { distDir, openBrowser, type Session } from './browser';
import { startServer, type TestServer } from './server';

export interface App {
  srv: TestServer;
  b: Session;
}

/**
 * Registers the start and stop hooks; `ready` receives both once they run (the file keeps them in its own variables).
 * Hooks the file registers after this run after the app has started.
 * @example let srv: TestServer; let b: Session; useApp((app) => ({ srv, b } = app));
 */
export function useApp(ready: (app: App) => void): void {
  let srv: TestServer | undefined;
  let b: Session | undefined;
  beforeAll(async () => {
    srv = await startServer({ seed: true, publicDir: distDir() });
    b = await openBrowser();
    ready({ srv, b });
  });
  afterAll(async () => {
    try {
      await b?.close();
    } finally {
      await srv?.stop();
    }
  });
}
