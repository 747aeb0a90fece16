// Guards `npm start` (#2): it prints the URL and sign-ins, stops PocketBase with no orphan on SIGTERM, and on a bad
// setup (port in use, data dir that cannot be created, corrupt database, missing binary) says what is wrong in one
// clear message, exits non-zero and leaves nothing half-created.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/pocketbase.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-start-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  it('starts, prints the URL and demo accounts, and stops cleanly on SIGTERM', { timeout: 150_000 }, async () => {
    const dir = path.join(tempDir(), 'data');
    const port = await freePort();
    const run = start({ PORT: String(port), PB_DATA: dir });
    await expect.poll(run.output, { timeout: 100_000, interval: 200 }).toContain('按 Ctrl-C 停止');
    expect(run.output()).toContain(`http://127.0.0.1:${port}/`);
    expect(run.output()).toContain('office@demo.fenyang');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.ok).toBe(true);
    expect(serverPids(dir)).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(serverPids(dir)).toEqual([]);
    // The generated superuser is kept for the next start, readable only by its owner.
    expect(fs.statSync(path.join(dir, '.admin-credentials.json')).mode & 0o777).toBe(0o600);
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
