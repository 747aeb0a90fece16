// A real PocketBase for tests: a fresh temp data dir, the real migrations and hooks, a free port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { EventSource } from 'eventsource';
import { freePort, migrateUp, serve, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { seed } from '../../scripts/lib/seed.mjs';

// The SDK's realtime needs EventSource, which Node 20 lacks.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

export const ADMIN = { email: 'admin@test.local', password: 'test-password-123' };

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

export async function startServer(opts: { seed?: boolean; publicDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-pb-'));
  migrateUp(dir);
  upsertSuperuser(dir, ADMIN.email, ADMIN.password);
  const port = await freePort();
  const server = await serve({ dir, port, publicDir: opts.publicDir, env: opts.env });
  if (opts.seed) await seed({ url: server.url, ...ADMIN, demo: true });
  const admin = new PocketBase(server.url);
  admin.autoCancellation(false);
  await admin.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
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
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
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
