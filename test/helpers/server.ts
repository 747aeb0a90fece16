// A real PocketBase for tests: a private copy of a template data dir (real migrations and hooks, the test superuser,
// optionally the demo seeded through the API — test/helpers/template.ts builds each once), a free port. The data dir
// lives in the run's directory (test/helpers/processes.ts), so the global teardown stops the server even when the test
// that started it failed, timed out or lost its worker.
import fs from 'node:fs';
import PocketBase from 'pocketbase';
import { EventSource } from 'eventsource';
import { PortTakenError, freePort, serve } from '../../scripts/lib/pocketbase.mjs';
import { runTempDir } from './processes';
import { ADMIN, copyTemplate } from './template';

export { ADMIN };

// The SDK's realtime needs EventSource, which Node 20 lacks.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

export interface TestServer {
  url: string;
  dir: string;
  /** A client signed in as superuser. */
  admin: PocketBase;
  /** A new anonymous client. */
  anon(): PocketBase;
  /** A new client signed in as a users record. */
  as(email: string, password?: string): Promise<PocketBase>;
  stop(): Promise<void>;
}

type Served = Awaited<ReturnType<typeof serve>>;

/** Serves `dir` on a free port, trying another port when a concurrent process took the chosen one first. */
export async function serveDir(dir: string, opts: { publicDir?: string; env?: Record<string, string> } = {}): Promise<Served> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serve({ dir, port: await freePort(), publicDir: opts.publicDir, env: opts.env });
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 5) throw err;
    }
  }
}

export async function startServer(opts: { seed?: boolean; publicDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dir = `${runTempDir('fy-pb-')}/data`;
  await copyTemplate(opts.seed ? 'seeded' : 'empty', dir);
  let server: Served;
  try {
    server = await serveDir(dir, opts);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const stop = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const admin = new PocketBase(server.url);
  admin.autoCancellation(false);
  try {
    await admin.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: server.url,
    dir,
    admin,
    anon() {
      const pb = new PocketBase(server.url);
      pb.autoCancellation(false);
      return pb;
    },
    async as(email: string, password = 'fenyang2025') {
      const pb = new PocketBase(server.url);
      pb.autoCancellation(false);
      await pb.collection('users').authWithPassword(email, password);
      return pb;
    },
    async stop() {
      admin.realtime.unsubscribe().catch(() => {});
      await stop();
    },
  };
}

/** The status of a failed SDK call (0 when it did not fail). */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (err) {
    return (err as { status?: number }).status ?? -1;
  }
}
