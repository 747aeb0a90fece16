// Everything a test run starts (PocketBase data dirs, Chromium profiles) lives under one run directory, so that the
// run's global teardown can find and stop any process still using it — also when a test failed, timed out or its
// worker was killed — by the paths in its command line. Used by test/helpers/global-setup.ts, server.ts and browser.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUN_PREFIX = 'fy-run-';
const OWNER_FILE = 'owner.pid';

/** This run's directory (made by the global setup; a private one when a helper is used outside a vitest run). */
export function runDir(): string {
  let dir = process.env.FY_TEST_RUN_DIR;
  if (!dir || !fs.existsSync(dir)) {
    dir = createRunDir();
    process.env.FY_TEST_RUN_DIR = dir;
  }
  return dir;
}

export function createRunDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), RUN_PREFIX));
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

/** A fresh temp dir inside this run's directory. */
export function runTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(runDir(), prefix));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Proc {
  pid: number;
  pgid: number;
  cmdline: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      // stat: "pid (comm) state ppid pgrp …" — comm may contain spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      out.push({ pid, pgid, cmdline });
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return out;
}

/**
 * Stops every process whose command line names `dir` (PocketBase by --dir, Chromium by --user-data-dir): its whole
 * process group when it leads one (Chromium's helpers), else the process. SIGTERM, then SIGKILL for what is left.
 * @returns the pids that were signalled
 */
export async function stopProcessesUsing(dir: string): Promise<number[]> {
  const hit = processes().filter((p) => p.cmdline.includes(dir));
  const signal = (sig: NodeJS.Signals) => {
    for (const p of hit) {
      try {
        if (p.pgid === p.pid) process.kill(-p.pgid, sig);
        else process.kill(p.pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 5000;
  while (hit.some((p) => alive(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signal('SIGKILL');
  return hit.map((p) => p.pid);
}

/** Run directories of earlier runs whose vitest process is gone: their leftovers are stopped and removed. */
export async function reapAbandonedRuns(): Promise<void> {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      /* no owner file: not one of ours */
      continue;
    }
    if (owner && alive(owner)) continue;
    await stopProcessesUsing(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
