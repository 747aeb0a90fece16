// Data-dir templates for test servers: the real migrations applied, the test superuser made and (for `seeded`) the
// demo loaded through the API — built once and copied for every test file instead of seeding per file. A template is
// cached under the OS temp dir, keyed by a hash of everything that shapes it (migrations, hooks, seed code and data,
// the PocketBase binary), and built under a lock, so parallel workers and concurrent `npm test` runs share one build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PB_BIN, ROOT, freePort, migrateUp, serve, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { beijingToday, seed } from '../../scripts/lib/seed.mjs';

export const ADMIN = { email: 'admin@test.local', password: 'test-password-123' };
export type TemplateKind = 'empty' | 'seeded';

const CACHE = path.join(os.tmpdir(), 'fy-test-templates');
const INPUTS = ['pb_migrations', 'pb_hooks', 'scripts/lib', 'data'];

function hashInputs(kind: TemplateKind): string {
  const h = crypto.createHash('sha256').update(`template:${kind}:v1\0`);
  // The demo's history ends on the day it is seeded: a seeded template is good for that day (Beijing) only.
  if (kind === 'seeded') h.update(`day:${beijingToday()}\0`);
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else if (st.isFile()) {
      h.update(path.relative(ROOT, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  for (const rel of INPUTS) {
    const p = path.join(ROOT, rel);
    if (fs.existsSync(p)) visit(p);
  }
  const bin = fs.statSync(PB_BIN);
  h.update(`bin:${bin.size}:${bin.mtimeMs}`);
  return h.digest('hex').slice(0, 20);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock dir (atomic mkdir); waits while a live process holds it; breaks it when its holder is gone. */
async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written: look again */
      }
      if (holder && !pidAlive(holder)) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function build(kind: TemplateKind, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  migrateUp(dir);
  upsertSuperuser(dir, ADMIN.email, ADMIN.password);
  if (kind === 'empty') return;
  const server = await serve({ dir, port: await freePort() });
  try {
    await seed({ url: server.url, ...ADMIN, demo: true });
  } finally {
    await server.stop();
  }
}

/** Removes templates of other inputs not used for six hours (each change of a migration or hook makes a new one). */
function pruneOld(keep: string) {
  const cutoff = Date.now() - 6 * 3600 * 1000;
  for (const name of fs.readdirSync(CACHE)) {
    const p = path.join(CACHE, name);
    if (name === keep || name.endsWith('.lock')) continue;
    try {
      if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* another run pruned it */
    }
  }
}

/** The template data dir of this kind for the current inputs, built when missing. Never modify it: copy it. */
export async function templateDir(kind: TemplateKind): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const key = `${kind}-${hashInputs(kind)}`;
  const dir = path.join(CACHE, key);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  return withLock(`${dir}.lock`, async () => {
    if (fs.existsSync(path.join(dir, '.complete'))) return dir;
    const tmp = `${dir}.building-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      await build(kind, tmp);
      fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    pruneOld(key);
    return dir;
  });
}

/** A private copy of a template in `target` (which must not exist). */
export async function copyTemplate(kind: TemplateKind, target: string): Promise<void> {
  const src = await templateDir(kind);
  fs.cpSync(src, target, { recursive: true, filter: (p) => path.basename(p) !== '.complete' });
  // Touch: a template in use is not "unused".
  const now = new Date();
  fs.utimesSync(src, now, now);
}
