// Guards `npm start` (#2): it prints the URL and sign-ins, stops PocketBase with no orphan on SIGTERM, and on a bad
// setup (port in use, data dir that cannot be created, corrupt database, missing binary) says what is wrong in one
// clear message, exits non-zero and leaves nothing half-created.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { stableId } from '../../scripts/lib/seed.mjs';
import { runTempDir } from '../helpers/processes';
import { serveDir } from '../helpers/server';
import { ADMIN, copyTemplate } from '../helpers/template';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
// In the run's directory: a PocketBase left by a failed test is found there and stopped by the global teardown.
const tempDir = () => {
  const d = runTempDir('fy-start-');
  temps.push(d);
  return d;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function serverPids(dataDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `serve --dir ${dataDir}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('npm start', () => {
  it('starts, prints the URL and demo accounts, and stops cleanly on SIGTERM', { timeout: 600_000 }, async () => {
    const dir = path.join(tempDir(), 'data');
    const port = await freePort();
    const run = start({ PORT: String(port), PB_DATA: dir });
    await expect.poll(run.output, { timeout: 500_000, interval: 200 }).toContain('按 Ctrl-C 停止');
    expect(run.output()).toContain(`http://127.0.0.1:${port}/`);
    expect(run.output()).toContain('office@demo.fenyang');
    // A new data dir gets the demo as a copy of the prepared one, without the template's superuser.
    expect(run.output()).toContain('loaded the demo programme from the prepared data dir');
    const admin = new PocketBase(`http://127.0.0.1:${port}`);
    expect((await admin.collection('compounds').getList(1, 1)).totalItems).toBe(49);
    await expect(admin.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password)).rejects.toMatchObject({ status: 400 });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.ok).toBe(true);
    expect(serverPids(dir)).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(serverPids(dir)).toEqual([]);
    // The generated superuser is kept for the next start, readable only by its owner.
    expect(fs.statSync(path.join(dir, '.admin-credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('prints the real cause when loading data fails, stops PocketBase and exits non-zero', { timeout: 600_000 }, async () => {
    // A data dir whose divisions clash with the ones to load: a community holds the id the seed gives another code.
    const dir = path.join(tempDir(), 'data');
    await copyTemplate('empty', dir);
    const divisions = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/divisions.json'), 'utf8'));
    const clash = divisions.communities[0];
    const server = await serveDir(dir);
    try {
      const pb = new PocketBase(server.url);
      await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
      const t = divisions.townships.find((x: { code: string }) => x.code === clash.township_code);
      const township = await pb.collection('townships').create({ id: stableId('township', t.code), code: t.code, name: t.name, kind: t.kind });
      await pb.collection('communities').create({ id: stableId('community', clash.code), code: '141182999999', name: '冲突社区', township: township.id });
    } finally {
      await server.stop();
    }
    const run = start({ PORT: String(await freePort()), PB_DATA: dir, PB_ADMIN_EMAIL: ADMIN.email, PB_ADMIN_PASSWORD: ADMIN.password });
    expect(await run.exited).not.toBe(0);
    const out = run.output();
    expect(out).toContain('载入数据失败');
    expect(out).toContain(`communities ${stableId('community', clash.code)}`);
    expect(out).not.toContain('意外退出');
    expect(serverPids(dir)).toEqual([]);
  });

  it('finishes an interrupted demo load on the next start, writing only what is missing', { timeout: 600_000 }, async () => {
    const dir = path.join(tempDir(), 'data');
    await copyTemplate('seeded', dir);
    const server = await serveDir(dir);
    const countsOf = async (pb: PocketBase) => Object.fromEntries(await Promise.all(['compounds', 'compound_private', 'stage_events', 'funding', 'renovation_items']
      .map(async (c) => [c, (await pb.collection(c).getList(1, 1)).totalItems] as const)));
    let full: Record<string, number>;
    try {
      const pb = new PocketBase(server.url);
      await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
      full = await countsOf(pb);
      // As if the load had stopped part-way: the last records are missing and the marker is still there.
      for (const c of ['funding', 'renovation_items']) {
        for (const r of (await pb.collection(c).getList(1, 5, { sort: '-id' })).items) await pb.collection(c).delete(r.id);
      }
    } finally {
      await server.stop();
    }
    fs.writeFileSync(path.join(dir, '.demo-seed-in-progress'), 'interrupted\n');
    const port = await freePort();
    const run = start({ PORT: String(port), PB_DATA: dir, PB_ADMIN_EMAIL: ADMIN.email, PB_ADMIN_PASSWORD: ADMIN.password });
    await expect.poll(run.output, { timeout: 500_000, interval: 200 }).toContain('按 Ctrl-C 停止');
    expect(run.output()).toContain('已续完上次中断的示例数据载入');
    const pb = new PocketBase(`http://127.0.0.1:${port}`);
    await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
    expect(await countsOf(pb)).toEqual(full!);
    expect(fs.existsSync(path.join(dir, '.demo-seed-in-progress'))).toBe(false);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses a port already in use, naming it, and creates nothing', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const dir = path.join(tempDir(), 'never');
    const run = start({ PORT: String(port), PB_DATA: dir });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain(`端口 ${port} 已被占用`);
    expect(fs.existsSync(dir)).toBe(false);
    blocker.close();
  });

  it('refuses a data dir that cannot be created', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const run = start({ PORT: String(await freePort()), PB_DATA: path.join(file, 'data') });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('无法创建数据目录');
  });

  it('refuses a corrupt database without touching it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'data.db'), 'this is not sqlite at all');
    const run = start({ PORT: String(await freePort()), PB_DATA: dir });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('数据库文件已损坏');
    expect(fs.readFileSync(path.join(dir, 'data.db'), 'utf8')).toBe('this is not sqlite at all');
  });

  it('says so when the PocketBase binary is missing', async () => {
    const dir = path.join(tempDir(), 'data');
    const run = start({ PORT: String(await freePort()), PB_DATA: dir, PB_BIN: '/nonexistent/pocketbase' });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('找不到 PocketBase 程序');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
