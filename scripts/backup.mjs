#!/usr/bin/env node
// `npm run backup`: a backup of the data dir now (PocketBase also makes one every night, see README), checked before it
// is reported: unpacked, started and counted. Uses the running app when it answers on HOST:PORT, else starts PocketBase
// on the data dir for the moment it takes.
//   env PB_DATA (./pb_data), HOST, PORT (8090), PB_ADMIN_EMAIL/PB_ADMIN_PASSWORD (else pb_data/.admin-credentials.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, StartError, checkBinary } from './lib/pocketbase.mjs';
import { adminCredentials, countDifferences, createBackup, servedCounts, stamp, unpack } from './lib/backup.mjs';

const dataDir = path.resolve(ROOT, process.env.PB_DATA ?? 'pb_data');
const host = process.env.HOST ?? '127.0.0.1';
const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${process.env.PORT ?? 8090}`;

async function main() {
  checkBinary();
  if (!fs.existsSync(path.join(dataDir, 'data.db'))) throw new StartError(`数据目录中没有数据库 / no database in ${dataDir}`);
  const name = `fy-${stamp()}.zip`;
  console.log(`正在备份 / backing up ${dataDir} …`);
  const file = await createBackup({ dataDir, url, creds: adminCredentials(dataDir), name });
  // Check what was written: it unpacks, starts and serves the counts it recorded.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-backup-check-'));
  try {
    const expected = await unpack(file, path.join(scratch, 'data'));
    const served = await servedCounts(path.join(scratch, 'data'));
    const diff = expected ? countDifferences(expected, served) : ['备份中缺少记录数 / the backup carries no record counts'];
    if (diff.length) throw new StartError(`备份校验失败 / the backup does not check out:\n  ${diff.join('\n  ')}`);
    const total = Object.entries(served).filter(([k]) => !k.startsWith('_')).reduce((s, [, n]) => s + n, 0);
    console.log(`✓ 备份完成并已校验 / backup written and checked: ${file}
  ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${total} records; 恢复 / restore: npm run restore ${path.relative(process.cwd(), file)}
  请把备份复制到另一台机器 / copy it off this machine (README: Security and production → Backups)`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (err instanceof StartError) console.error(`\n✗ ${err.message}\n`);
  else console.error(`\n✗ 备份失败 / backup failed: ${err?.response?.message ?? err?.message ?? err}\n`);
  process.exit(1);
});
