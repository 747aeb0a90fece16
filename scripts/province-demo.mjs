#!/usr/bin/env node
// `npm run demo:province`: the app on its own data dir with Shanxi-size synthetic data (7,701 compounds and ~20,000
// buildings, marked 示例数据 / is_demo), to see that the map stays smooth at province scale.
//   env PORT (default 8097), HOST, PB_DATA (default .pb_data-province), COMPOUNDS (default 7701), BUILDINGS=0 to skip
// The first start loads the data through the batch API (a few minutes on 2 cores); later starts reuse it.
import path from 'node:path';
import { ROOT, StartError, checkBinary, checkPortFree } from './lib/pocketbase.mjs';
import { buildIfStale } from './lib/build.mjs';
import { startProvince } from './lib/province.mjs';
import { DEMO_PASSWORD, DEMO_USERS } from './lib/seed.mjs';

const port = Number(process.env.PORT ?? 8097);
const host = process.env.HOST ?? '127.0.0.1';
const compounds = Number(process.env.COMPOUNDS ?? 7701);
const dataDir = path.resolve(ROOT, process.env.PB_DATA ?? '.pb_data-province');
const distDir = path.join(ROOT, 'dist');

async function main() {
  checkBinary();
  if (!Number.isInteger(compounds) || compounds < 2 || compounds > 20_000) throw new StartError(`COMPOUNDS must be 2–20000: ${process.env.COMPOUNDS}`);
  await checkPortFree(port, host);
  buildIfStale();
  const server = await startProvince({
    dataDir, port, host, compounds, buildings: process.env.BUILDINGS !== '0', publicDir: distDir, log: (m) => console.log(m),
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`PocketBase 意外退出 / exited unexpectedly (code ${code})\n${server.output()}`);
      process.exit(code || 1);
    }
  });
  const shown = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  console.log(`
  省级规模示例 / province-scale demo (${compounds.toLocaleString('en-US')} 个合成小区 synthetic compounds, 示例数据)
  应用 App:  ${shown}/
  数据目录 Data dir: ${path.relative(ROOT, dataDir) || dataDir}
  超级管理员 Superuser: ${server.credentials.email}${server.credentials.fresh ? ` / ${server.credentials.password}` : ' (password in the data dir)'}
  示例账号 Demo accounts (password 密码: ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}
  按 Ctrl-C 停止 / press Ctrl-C to stop
`);
}

main().catch((err) => {
  if (err instanceof StartError) console.error(`\n✗ ${err.message}\n`);
  else console.error(err);
  process.exit(1);
});
