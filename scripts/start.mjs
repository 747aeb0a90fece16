#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running app.
// Builds the SPA when missing or stale, prepares the data dir and superuser, applies migrations, starts PocketBase
// (API + realtime + the SPA), loads Fenyang's divisions and — on an empty database — the demo programme, prints the URL
// and sign-in, and stops PocketBase cleanly on Ctrl-C / SIGTERM.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, StartError, checkBinary, checkPortFree, migrateUp, prepareDataDir, serve, upsertSuperuser,
} from './lib/pocketbase.mjs';
import { DEMO_PASSWORD, DEMO_USERS, seed } from './lib/seed.mjs';
import { buildIfStale } from './lib/build.mjs';
import { prepareSeededDataDir, removeTemplateAdmin } from './lib/template.mjs';

const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(ROOT, process.env.PB_DATA ?? 'pb_data');
const loadDemo = process.env.DEMO !== '0';

/** Superuser credentials: from the environment, or generated once and kept in the data dir (mode 600). */
function superuserCredentials() {
  if (process.env.PB_ADMIN_EMAIL && process.env.PB_ADMIN_PASSWORD) {
    return { email: process.env.PB_ADMIN_EMAIL, password: process.env.PB_ADMIN_PASSWORD, fresh: false, stored: false };
  }
  const file = path.join(dataDir, '.admin-credentials.json');
  if (fs.existsSync(file)) return { ...JSON.parse(fs.readFileSync(file, 'utf8')), fresh: false, stored: true };
  const creds = { email: 'admin@fenyang.local', password: crypto.randomBytes(12).toString('base64url') };
  return { ...creds, fresh: true, stored: true, file };
}

async function main() {
  checkBinary();
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`端口无效 / invalid PORT: ${process.env.PORT}`);
  await checkPortFree(port, host);
  const distDir = buildIfStale();
  const created = prepareDataDir(dataDir);
  let creds;
  let preparedMs = null;
  try {
    // A new instance with the demo: the prepared data dir (built once per version of the app, then copied).
    if (loadDemo && !fs.existsSync(path.join(dataDir, 'data.db'))) {
      console.log('准备示例数据 / preparing the demo data dir …');
      preparedMs = await prepareSeededDataDir(dataDir);
    }
    migrateUp(dataDir);
    creds = superuserCredentials();
    if (creds.fresh || !creds.stored || preparedMs !== null) upsertSuperuser(dataDir, creds.email, creds.password);
    if (preparedMs !== null) removeTemplateAdmin(dataDir, creds.email);
    if (creds.fresh) fs.writeFileSync(creds.file, JSON.stringify({ email: creds.email, password: creds.password }), { mode: 0o600 });
  } catch (err) {
    if (created) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  const server = await serve({ dir: dataDir, port, host, publicDir: distDir, origins: process.env.PB_ORIGINS, quiet: true });
  // One exit path: whichever comes first (a signal, a failed seed, PocketBase dying) says why, once.
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal},正在停止 / stopping PocketBase …`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n✗ PocketBase 意外退出 / PocketBase exited unexpectedly (code ${code}, signal ${signal}). 它的输出 / its output:\n${server.output().trim()}\n`);
    process.exit(code || 1);
  });

  try {
    let lastPct = -1;
    const result = await seed({
      url: server.url, email: creds.email, password: creds.password, demo: loadDemo,
      stateFile: path.join(dataDir, '.demo-seed-in-progress'),
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10) * 10;
        if (pct !== lastPct && total > 200) console.log(`  载入示例数据 / loading the demo: ${done} / ${total}`);
        lastPct = pct;
      },
    });
    if (result.divisionsCreated) console.log(`已载入行政区划 / loaded divisions: ${result.divisionsCreated} records`);
    if (preparedMs !== null) console.log(`已载入示例数据(预置数据目录,${preparedMs} ms)/ loaded the demo programme from the prepared data dir in ${preparedMs} ms (示例数据)`);
    if (result.demoLoaded) console.log(result.resumed ? '已续完上次中断的示例数据载入 / finished the interrupted demo load (示例数据)' : '已载入示例数据 / loaded the demo programme (示例数据)');
  } catch (err) {
    if (stopping) return; // PocketBase died: its exit handler has said why
    stopping = true;
    const cause = err?.response
      ? `${err.response.message ?? err.message}\n${JSON.stringify(err.response.data ?? {}, null, 1)}`
      : err?.message ?? String(err);
    await server.stop();
    throw new StartError(`载入数据失败 / loading data failed: ${cause}\n  PocketBase 已停止;再次运行 npm start 会从中断处继续 / PocketBase stopped; run npm start again to resume.`);
  }

  const credFile = path.join(dataDir, '.admin-credentials.json');
  const credShown = credFile.startsWith(ROOT + path.sep) ? path.relative(ROOT, credFile) : credFile;
  const shown = host === '0.0.0.0' ? `http://127.0.0.1:${port}` : `http://${host}:${port}`;
  console.log(`
  汾阳市老旧小区改造"一张图" 已启动 / is running
  ─────────────────────────────────────────────
  应用 App:            ${shown}/
  公众进度 Public map: ${shown}/public
  管理后台 Admin UI:   ${shown}/_/`);
  if (creds.fresh) console.log(`  超级管理员 Superuser: ${creds.email} / ${creds.password}   (仅显示一次 shown once; kept in ${credShown})`);
  else console.log(`  超级管理员 Superuser: ${creds.email}${creds.stored ? ` (password in ${credShown})` : ''}`);
  if (loadDemo) {
    console.log(`  示例账号 Demo accounts (password 密码: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${u.name}`);
  }
  console.log('  按 Ctrl-C 停止 / press Ctrl-C to stop\n');
}

main().catch((err) => {
  if (err instanceof StartError) console.error(`\n✗ ${err.message}\n`);
  else console.error(err);
  process.exit(1);
});
