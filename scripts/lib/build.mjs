// The built SPA: rebuilt when dist/ is missing or older than its sources. Used by `npm start`, the province demo
// and the map benchmark.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, StartError } from './pocketbase.mjs';

export const DIST_DIR = path.join(ROOT, 'dist');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the SPA when stale; returns dist/. */
export function buildIfStale() {
  const index = path.join(DIST_DIR, 'index.html');
  const sourcesTime = Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sourcesTime) return DIST_DIR;
  console.log('构建前端 / building the web app …');
  const res = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new StartError('前端构建失败 / the web app build failed (see above)');
  return DIST_DIR;
}
