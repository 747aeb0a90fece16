// Prepared data dirs: the real migrations applied, the template superuser made and (for `seeded`) Fenyang's divisions,
// the demo accounts and the demo programme loaded through the API — built once per set of inputs and then copied, so a
// new instance (`npm start` on an empty data dir, every test server, the bench) has the demo in the time a copy takes.
// A template is cached under the OS temp dir, keyed by a hash of everything that shapes it (migrations, hooks, seed
// code and data, the PocketBase binary), and built under a lock, so parallel test workers, concurrent `npm test` runs
// and `npm start` share one build. A template is never modified: callers copy it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PB_BIN, ROOT, deleteSuperuser, freePort, migrateUp, serve, upsertSuperuser } from './pocketbase.mjs';
import { beijingToday, seed } from './seed.mjs';

/** The superuser every template holds (tests sign in with it; `npm start` removes it from its copy). */
export const TEMPLATE_ADMIN = { email: 'admin@test.local', password: 'test-password-123' };

const CACHE = process.env.FY_TEMPLATE_CACHE ?? path.join(os.tmpdir(), 'fy-test-templates');
const INPUTS = ['pb_migrations', 'pb_hooks', 'scripts/lib', 'data'];

function hashInputs(kind) {
  const h = crypto.createHash('sha256').update(`template:${kind}:v1\0`);
  // The demo's history ends on the day it is seeded: a seeded template is good for that day (Beijing) only.
  if (kind === 'seeded') h.update(`day:${beijingToday()}\0`);
  const visit = (p) => {
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

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Takes the lock dir (atomic mkdir); waits while a live process holds it; breaks it when its holder is gone. */
async function withLock(lock, fn) {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
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

async function build(kind, dir) {
  fs.mkdirSync(dir, { recursive: true });
  migrateUp(dir);
  upsertSuperuser(dir, TEMPLATE_ADMIN.email, TEMPLATE_ADMIN.password);
  if (kind === 'empty') return;
  const server = await serve({ dir, port: await freePort() });
  try {
    await seed({ url: server.url, ...TEMPLATE_ADMIN, demo: true });
  } finally {
    await server.stop();
  }
}

/** Removes templates of other inputs not used for six hours (each change of a migration or hook makes a new one). */
function pruneOld(keep) {
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

/**
 * The template data dir of this kind for the current inputs, built when missing. Never modify it: copy it.
 * @param {'empty' | 'seeded'} kind
 * @returns {Promise<string>}
 */
export async function templateDir(kind) {
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

/**
 * Copies a data dir. The databases and other files are copied; uploaded files (`storage/`, two thousand with the demo's
 * photos and documents) are hard-linked when the file system allows: PocketBase never rewrites a stored file in place
 * (an upload gets a new name, a removal unlinks only the copy's link), and linking is what makes the copy take
 * milliseconds instead of seconds.
 */
function copyTree(src, dst, link) {
  fs.mkdirSync(dst, { recursive: true });
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.name === '.complete') continue;
    const from = path.join(src, entry.name);
    const to = path.join(dst, entry.name);
    if (entry.isDirectory()) copyTree(from, to, link || entry.name === 'storage');
    else if (!entry.isFile()) continue;
    else if (!link) fs.copyFileSync(from, to);
    else {
      try {
        fs.linkSync(from, to);
      } catch {
        fs.copyFileSync(from, to); // another file system
      }
    }
  }
}

/**
 * A private copy of a template in `target` (which must not exist, or be empty).
 * @param {'empty' | 'seeded'} kind
 * @param {string} target
 */
export async function copyTemplate(kind, target) {
  const src = await templateDir(kind);
  copyTree(src, target, false);
  // Touch: a template in use is not "unused".
  const now = new Date();
  fs.utimesSync(src, now, now);
}

/**
 * A new instance's data dir with the demo already in it (for `npm start` on an empty data dir): the seeded template
 * copied. The caller adds its own superuser and then removes the template's (removeTemplateAdmin). Returns the ms the
 * copy took (the first build, seeding through the API, happens once per set of inputs and is not counted).
 * @param {string} target an empty data dir
 */
export async function prepareSeededDataDir(target) {
  await templateDir('seeded');
  const t0 = performance.now();
  await copyTemplate('seeded', target);
  return Math.round(performance.now() - t0);
}

/** Removes the template's superuser from a copy (unless it is the one the caller signs in with). */
export function removeTemplateAdmin(dir, keepEmail) {
  if (keepEmail !== TEMPLATE_ADMIN.email) deleteSuperuser(dir, TEMPLATE_ADMIN.email);
}
