// The built SPA: rebuilt when dist/ is missing or older than its sources. Used by `npm start`, `npm test`, the province
// demo and the map benchmark. The build is taken under a lock, so two runs side by side (say two `npm test`) never
// rewrite dist/ while the other serves it: the second waits, then finds it fresh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, StartError } from './pocketbase.mjs';

export const DIST_DIR = path.join(ROOT, 'dist');
const LOCK = path.join(ROOT, '.dist-build.lock');
// What the bundle is made of: the app, its entry page, its build config and the data files it imports.
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'svelte.config.js', 'data', 'pb_hooks/lib/compound-private.json'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isFresh() {
  const index = path.join(DIST_DIR, 'index.html');
  if (!fs.existsSync(index)) return false;
  const sourcesTime = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return fs.statSync(index).mtimeMs >= sourcesTime;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Takes the build lock (waiting while a live process holds it); returns its release function. */
function lock() {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (holder && !alive(holder)) fs.rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

/** Builds the SPA when stale; returns dist/. */
export function buildIfStale() {
  if (isFresh()) return DIST_DIR;
  const release = lock();
  try {
    if (isFresh()) return DIST_DIR; // built meanwhile by whoever held the lock
    console.log('构建前端 / building the web app …');
    const res = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) throw new StartError('前端构建失败 / the web app build failed (see above)');
    return DIST_DIR;
  } finally {
    release();
  }
}

// `node scripts/lib/build.mjs`: build when stale (npm test).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    buildIfStale();
  } catch (err) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
}
