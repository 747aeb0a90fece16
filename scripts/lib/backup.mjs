// Backups and restores of a data dir, shared by `npm run backup` and `npm run restore`. A backup is PocketBase's own:
// a zip of the data dir (database and uploads) written in one transaction, with backup-counts.json inside (record
// counts at that moment, pb_hooks/backups.pb.js). A restore unpacks it beside the target, starts a scratch copy of it
// and checks that it serves the same record counts before it replaces anything.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import PocketBase from 'pocketbase';
import { PB_BIN, StartError, freePort, serve } from './pocketbase.mjs';
import { spawnSync } from 'node:child_process';

export const COUNTS_FILE = 'backup-counts.json';

/** Superuser credentials for a data dir: PB_ADMIN_EMAIL/PB_ADMIN_PASSWORD, else the file `npm start` keeps. */
export function adminCredentials(dataDir) {
  if (process.env.PB_ADMIN_EMAIL && process.env.PB_ADMIN_PASSWORD) {
    return { email: process.env.PB_ADMIN_EMAIL, password: process.env.PB_ADMIN_PASSWORD };
  }
  const file = path.join(dataDir, '.admin-credentials.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  throw new StartError(`找不到超级管理员账号 / no superuser credentials: set PB_ADMIN_EMAIL and PB_ADMIN_PASSWORD (or keep ${file})`);
}

/** True when a PocketBase answers on this address. */
export async function isServing(url) {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Record count of every collection that holds records (views are computed, not stored). */
export async function recordCounts(pb) {
  const counts = {};
  for (const c of await pb.collections.getFullList({ requestKey: null })) {
    if (c.type === 'view') continue;
    counts[c.name] = (await pb.collection(c.name).getList(1, 1, { fields: 'id', requestKey: null })).totalItems;
  }
  return counts;
}

async function signIn(url, creds) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(creds.email, creds.password);
  return pb;
}

/**
 * Makes a backup through a PocketBase serving the data dir: the running app when `url` answers, else a temporary
 * server on the data dir (stopped afterwards). Returns the zip's path.
 */
export async function createBackup({ dataDir, url, creds, name }) {
  let temp = null;
  if (!url || !(await isServing(url))) {
    temp = await serve({ dir: dataDir, port: await freePort() });
    url = temp.url;
  }
  try {
    const pb = await signIn(url, creds);
    await pb.backups.create(name, { requestKey: null });
    const file = path.join(dataDir, 'backups', name);
    if (!fs.existsSync(file)) {
      // Backups kept in S3 storage (settings.backups.s3): fetch a copy to check and to hand over.
      const token = await pb.files.getToken({ requestKey: null });
      const res = await fetch(pb.backups.getDownloadURL(token, name));
      if (!res.ok) throw new StartError(`备份已创建但无法下载 / backup created but cannot be downloaded: ${res.status}`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    }
    return file;
  } finally {
    await temp?.stop();
  }
}

/** Unpacks a backup zip into `dir` (which must not exist); returns the counts recorded inside it (or null). */
export async function unpack(file, dir) {
  let zip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(file));
  } catch (err) {
    throw new StartError(`不是有效的备份文件 / not a readable backup zip: ${file} (${err.message})`);
  }
  if (!zip.file('data.db')) throw new StartError(`备份中没有数据库 data.db / the zip holds no data.db: ${file}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of Object.values(zip.files)) {
    const target = path.resolve(dir, entry.name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new StartError(`备份中有越界路径 / unsafe path in the zip: ${entry.name}`);
    if (entry.dir) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await entry.async('nodebuffer'));
  }
  const countsFile = path.join(dir, COUNTS_FILE);
  if (!fs.existsSync(countsFile)) return null;
  const { counts } = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
  fs.rmSync(countsFile);
  return counts;
}

/**
 * Starts a scratch copy of an unpacked data dir and returns the record counts it serves (the copy gets a throwaway
 * superuser and is deleted; the unpacked dir itself is left exactly as the backup had it).
 * @param password the throwaway superuser's (random unless given; one in 64 random ones starts with "-")
 */
export async function servedCounts(dir, password = crypto.randomBytes(18).toString('base64url')) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-restore-check-'));
  try {
    fs.cpSync(dir, scratch, { recursive: true });
    const creds = { email: 'restore-check@local.invalid', password };
    // "--" first: a password starting with "-" must not be read as a flag
    const res = spawnSync(PB_BIN, ['superuser', 'upsert', '--dir', scratch, '--', creds.email, creds.password], { encoding: 'utf8' });
    if (res.status !== 0) throw new StartError(`恢复的数据目录无法打开 / the restored data dir cannot be opened: ${(res.stderr || res.stdout).trim()}`);
    const server = await serve({ dir: scratch, port: await freePort() });
    try {
      return await recordCounts(await signIn(server.url, creds));
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Differences between expected and served counts, as lines ("compounds: 49 in the backup, 48 served"). PocketBase's
 * own system collections (_superusers, _authOrigins …) are left out: the check itself signs in to them.
 */
export function countDifferences(expected, served) {
  const out = [];
  for (const [name, n] of Object.entries(expected)) {
    if (name.startsWith('_')) continue;
    if (served[name] !== n) out.push(`${name}: 备份中 ${n} 条,恢复后 ${served[name] ?? '(无此集合)'} 条 / ${n} in the backup, ${served[name] ?? 'missing'} served`);
  }
  return out;
}

/** A stamp for file names: 20261202-043000. */
export function stamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
