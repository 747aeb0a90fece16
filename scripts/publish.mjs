#!/usr/bin/env node
// `npm run publish -- --out DIR`: writes the public map (app bundle, the programme's public data, per-compound pages with
// timeline, photos and QR code) to DIR (default public-site/) for any static web server, object store or CDN; only the
// files whose content changed are rewritten (scripts/lib/publish.mjs). It reads the instance that PORT / PB_DATA name,
// as `npm start` does: the running one when it answers on PORT, otherwise PocketBase is started on PB_DATA for the run.
//   --out DIR        output folder (default public-site)
//   --every MINUTES  every MINUTES, publish again when records changed (the server queues changed compounds:
//                    pb_hooks/publish-queue.pb.js), until stopped; cron or a CI job may call `npm run publish` instead
// With the instance's superuser (PB_ADMIN_EMAIL / PB_ADMIN_PASSWORD, or PB_DATA/.admin-credentials.json from npm start)
// a run clears the queue it published.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, StartError, checkBinary, freePort, serve } from './lib/pocketbase.mjs';
import { buildIfStale } from './lib/build.mjs';
import { pendingChanges, publish } from './lib/publish.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const outDir = path.resolve(ROOT, opt('--out', 'public-site'));
const everyMin = opt('--every', null) === null ? null : Number(opt('--every'));
const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1';
const dataDir = path.resolve(ROOT, process.env.PB_DATA ?? 'pb_data');

async function answers(url) {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

function superuser() {
  if (process.env.PB_ADMIN_EMAIL && process.env.PB_ADMIN_PASSWORD) return { email: process.env.PB_ADMIN_EMAIL, password: process.env.PB_ADMIN_PASSWORD };
  const file = path.join(dataDir, '.admin-credentials.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

async function once(onlyWhenChanged) {
  const distDir = buildIfStale();
  let url = `http://${host}:${port}`;
  let server = null;
  if (!(await answers(url))) {
    checkBinary();
    if (!fs.existsSync(path.join(dataDir, 'data.db'))) throw new StartError(`没有可发布的数据 / nothing to publish: no instance answers on port ${port} and ${dataDir} holds no database`);
    server = await serve({ dir: dataDir, port: await freePort() });
    url = server.url;
  }
  try {
    if (onlyWhenChanged && fs.existsSync(path.join(outDir, '.publish-manifest.json')) && (await pendingChanges(url)) === 0) return;
    const r = await publish({ url, distDir, outDir, admin: superuser(), log: (m) => console.log(m) });
    const shown = path.relative(ROOT, outDir);
    console.log(`  ${shown && !shown.startsWith('..') ? shown : outDir}/ · ${r.publishedAt}`);
  } finally {
    await server?.stop();
  }
}

async function main() {
  if (everyMin !== null && !(everyMin > 0)) throw new StartError(`--every 须为正数分钟 / must be minutes > 0: ${opt('--every')}`);
  await once(false);
  if (everyMin === null) return;
  for (;;) {
    await new Promise((r) => setTimeout(r, everyMin * 60_000));
    await once(true).catch((err) => console.error(`✗ ${err.message}`));
  }
}

main().catch((err) => {
  console.error(err instanceof StartError ? `\n✗ ${err.message}\n` : err);
  process.exit(1);
});
