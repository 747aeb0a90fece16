// Staff to-do and notifications: new feedback reaches its township's accounts (and only theirs) as a notification and
// a to-do count; a returned plan too; an account may only mark its own notifications read. E-mail goes through
// PocketBase's mailer to a local SMTP sink when SMTP is set, and not otherwise.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

/** A tiny SMTP server that accepts every message and keeps its envelope and data. */
function smtpSink(): Promise<{ port: number; mails: { to: string[]; data: string }[]; close(): Promise<void> }> {
  const mails: { to: string[]; data: string }[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    let data = '';
    const reply = (line: string) => socket.write(line + '\r\n');
    reply('220 sink ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push({ to, data });
            to = [];
            data = '';
            reply('250 OK queued');
          } else data += line + '\n';
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') reply('250-sink\r\n250 8BITMIME');
        else if (cmd === 'HELO') reply('250 sink');
        else if (cmd === 'MAIL') reply('250 OK');
        else if (cmd === 'RCPT') { to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); reply('250 OK'); }
        else if (cmd === 'DATA') { inData = true; reply('354 go ahead'); }
        else if (cmd === 'QUIT') { reply('221 bye'); socket.end(); }
        else reply('250 OK');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: (server.address() as net.AddressInfo).port,
    mails,
    close: () => new Promise<void>((done) => { for (const s of sockets) s.destroy(); server.close(() => done()); }),
  })));
}

let srv: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let taihe: PocketBase;
let wenfeng: PocketBase;
let compoundId: string;

async function todo(pb: PocketBase): Promise<{ total: number; unread: number; items: { kind: string; n: number }[] }> {
  return pb.send('/api/fy/todo', {});
}

beforeAll(async () => {
  [srv, sink] = await Promise.all([startServer({ seed: true }), smtpSink()]);
  [taihe, wenfeng] = await Promise.all([srv.as('taihe@demo.fenyang'), srv.as('wenfeng@demo.fenyang')]);
  const tw = await srv.admin.collection('townships').getFirstListItem('code = "141182002"');
  compoundId = (await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('township = {:t}', { t: tw.id }))).id;
});
afterAll(async () => {
  await srv?.stop();
  await sink?.close();
});

describe('staff notifications', () => {
  it('new feedback notifies its own township, raises its to-do count, and mails nothing while SMTP is off', async () => {
    const before = await todo(taihe);
    const otherBefore = await todo(wenfeng);
    const fb = await srv.anon().collection('feedback').create({ compound: compoundId, category: 'quality', message: '井盖松动' });
    const after = await todo(taihe);
    expect(after.total).toBe(before.total + 1);
    expect(after.unread).toBe(before.unread + 1);
    expect((await todo(wenfeng)).total).toBe(otherBefore.total);
    const mine = await taihe.collection('notifications').getFullList({ filter: 'kind = "feedback_new"', sort: '-created' });
    expect(mine[0].title).toContain(fb.receipt_no);
    expect(mine[0].mailed).toBe(false);
    expect((await wenfeng.collection('notifications').getFullList()).map((n) => n.id)).not.toContain(mine[0].id);
    expect(await statusOf(wenfeng.collection('notifications').update(mine[0].id, { read: true }))).toBe(404);
    const read = await taihe.collection('notifications').update(mine[0].id, { read: true, title: '改', user: wenfeng.authStore.record!.id });
    expect(read).toMatchObject({ read: true, title: mine[0].title, user: taihe.authStore.record!.id });
    expect(sink.mails).toHaveLength(0);
  });

  it('mails through PocketBase when SMTP is set', async () => {
    await srv.admin.settings.update({
      meta: { senderAddress: 'noreply@fenyang.example', senderName: '汾阳市老旧小区改造' },
      smtp: { enabled: true, host: '127.0.0.1', port: sink.port, tls: false, username: '', password: '' },
    });
    const fb = await srv.anon().collection('feedback').create({ compound: compoundId, category: 'progress', message: '何时开工' });
    expect(sink.mails.length).toBeGreaterThan(0);
    const mail = sink.mails.find((m) => m.to.includes('taihe@demo.fenyang'));
    expect(mail).toBeDefined();
    expect(mail!.to).not.toContain('wenfeng@demo.fenyang');
    const n = await taihe.collection('notifications').getFirstListItem(taihe.filter('title ~ {:r}', { r: fb.receipt_no }));
    expect(n.mailed).toBe(true);
    await srv.admin.settings.update({ smtp: { enabled: false } });
  });
});
