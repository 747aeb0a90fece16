// Guards backups: nightly backups with retention are configured; `npm run backup` writes a zip of the live data dir and
// checks it; `npm run restore FILE --to DIR` puts it into a fresh dir that then starts and serves the same record
// counts; a broken zip is refused and replaces nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, serveDir, startServer, type TestServer } from '../helpers/server';
import { runTempDir } from '../helpers/processes';
import { copyTemplate } from '../helpers/template';
import { servedCounts } from '../../scripts/lib/backup.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function counts(pb: PocketBase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await pb.collections.getFullList()) {
    if (c.type === 'view' || c.name.startsWith('_')) continue;
    out[c.name] = (await pb.collection(c.name).getList(1, 1, { fields: 'id' })).totalItems;
  }
  return out;
}

describe('backups', () => {
  it('run every night with retention (settings from a migration)', async () => {
    const settings = await srv.admin.settings.getAll();
    expect(settings.backups.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(settings.backups.cronMaxKeep).toBeGreaterThanOrEqual(7);
  });

  it('backup → restore into a fresh dir → it starts and serves the same counts', async () => {
    const env = { PB_DATA: srv.dir, PORT: new URL(srv.url).port, HOST: '127.0.0.1', PB_ADMIN_EMAIL: ADMIN.email, PB_ADMIN_PASSWORD: ADMIN.password };
    const before = await counts(srv.admin);
    expect(before.compounds).toBe(49);
    const backup = await run('scripts/backup.mjs', [], env);
    expect(backup.out).toContain('备份完成并已校验');
    expect(backup.code).toBe(0);
    const file = /backup written and checked: (\S+\.zip)/.exec(backup.out)![1];
    expect(fs.existsSync(file)).toBe(true);
    // A change after the backup is not in it.
    // A compound without demo contacts (one notes record per compound).
    await srv.admin.collection('compound_notes').create({ compound: (await srv.admin.collection('compounds').getFirstListItem('', { sort: '-code' })).id, contact_name: '备份之后' });

    const target = path.join(runTempDir('fy-restored-'), 'data');
    const restore = await run('scripts/restore.mjs', [file, '--to', target], env);
    expect(restore.out).toContain('已恢复');
    expect(restore.code).toBe(0);
    const restored = await serveDir(target);
    try {
      const pb = new PocketBase(restored.url);
      await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
      expect(await counts(pb)).toEqual(before);
      const anon = new PocketBase(restored.url);
      expect((await anon.collection('compounds').getList(1, 1)).totalItems).toBe(49);
    } finally {
      await restored.stop();
    }
  });

  it("checks a restored dir whatever its throwaway superuser's password starts with", async () => {
    // the check signs a random password into the PocketBase command line; one in 64 starts with "-", once read as a flag
    const dir = runTempDir('fy-dash-');
    await copyTemplate('seeded', dir);
    const served = (await servedCounts(dir, '-JXOjyZPHed-mKdR32_omz5d')) as Record<string, number>;
    expect(served.compounds).toBe(49);
  });

  it('refuses a broken backup and leaves the target alone', async () => {
    const dir = runTempDir('fy-broken-');
    const zip = path.join(dir, 'broken.zip');
    fs.writeFileSync(zip, 'not a zip at all');
    const target = path.join(dir, 'data');
    const r = await run('scripts/restore.mjs', [zip, '--to', target], { PB_DATA: srv.dir, PORT: '1' });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('不是有效的备份文件');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('will not restore over the data dir of a running app', async () => {
    await srv.admin.backups.create('running.zip');
    const r = await run('scripts/restore.mjs', ['running.zip'], { PB_DATA: srv.dir, PORT: new URL(srv.url).port, HOST: '127.0.0.1' });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('应用仍在运行');
    expect((await srv.anon().collection('compounds').getList(1, 1)).totalItems).toBe(49);
  });
});
