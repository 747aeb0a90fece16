#!/usr/bin/env node
// `npm run restore FILE [-- --to DIR]`: puts a backup back. FILE is a zip (or the name of one in the data dir's
// backups/). It is unpacked beside the target, a scratch copy is started and must serve the record counts the backup
// recorded; only then does it take the target's place (the old data dir is kept as DIR.before-restore-STAMP). With
// --to DIR it restores into a new directory and leaves the data dir alone. Stop the app before restoring over it.
//   env PB_DATA (./pb_data), HOST, PORT (8090)
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, StartError, checkBinary } from './lib/pocketbase.mjs';
import { countDifferences, isServing, servedCounts, stamp, unpack } from './lib/backup.mjs';

const dataDir = path.resolve(ROOT, process.env.PB_DATA ?? 'pb_data');
const host = process.env.HOST ?? '127.0.0.1';
const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${process.env.PORT ?? 8090}`;

function args() {
  const rest = process.argv.slice(2);
  const i = rest.indexOf('--to');
  const to = i >= 0 ? rest.splice(i, 2)[1] : null;
  if (rest.length !== 1 || (i >= 0 && !to)) {
    throw new StartError('用法 / usage: npm run restore FILE [-- --to DIR]');
  }
  const given = rest[0];
  const file = fs.existsSync(given) ? path.resolve(given) : path.join(dataDir, 'backups', given);
  if (!fs.existsSync(file)) throw new StartError(`找不到备份文件 / backup not found: ${given}`);
  return { file, target: to ? path.resolve(to) : dataDir, intoDataDir: !to };
}

async function main() {
  checkBinary();
  const { file, target, intoDataDir } = args();
  if (intoDataDir && (await isServing(url))) {
    throw new StartError(`应用仍在运行 / the app is still running on ${url}: 先停止它 (Ctrl-C) 再恢复 / stop it first, or restore elsewhere with --to DIR`);
  }
  if (!intoDataDir && fs.existsSync(target) && fs.readdirSync(target).length) {
    throw new StartError(`目标目录不是空的 / target dir is not empty: ${target}`);
  }
  const staging = `${target}.restoring-${stamp()}`;
  try {
    console.log(`正在解压并校验 / unpacking and checking ${file} …`);
    const expected = await unpack(file, staging);
    const served = await servedCounts(staging);
    if (expected) {
      const diff = countDifferences(expected, served);
      if (diff.length) throw new StartError(`恢复校验失败,未做任何替换 / the restored data does not check out; nothing was replaced:\n  ${diff.join('\n  ')}`);
    } else {
      console.log('  (该备份未记录条数,只检查能否启动 / this backup carries no record counts: checked that it starts and serves)');
    }
    let kept = '';
    if (fs.existsSync(target)) {
      kept = `${target}.before-restore-${stamp()}`;
      fs.renameSync(target, kept);
    }
    fs.renameSync(staging, target);
    const total = Object.entries(served).filter(([k]) => !k.startsWith('_')).reduce((s, [, n]) => s + n, 0);
    console.log(`✓ 已恢复 / restored into ${target}: ${total} records in ${Object.keys(served).filter((k) => !k.startsWith('_')).length} collections, as in the backup`);
    if (kept) console.log(`  原数据目录保留在 / the previous data dir is kept at ${kept}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (err instanceof StartError) console.error(`\n✗ ${err.message}\n`);
  else console.error(`\n✗ 恢复失败 / restore failed: ${err?.response?.message ?? err?.message ?? err}\n`);
  process.exit(1);
});
