// Global setup of the integration and e2e projects: one run directory for everything this run starts (see
// processes.ts), the data-dir templates built before any worker needs them, and at the end — however the tests went —
// every PocketBase or Chromium still using the run directory stopped and the directory removed.
import fs from 'node:fs';
import { createRunDir, reapAbandonedRuns, stopProcessesUsing } from './processes';
import { templateDir } from './template';

export default async function setup() {
  await reapAbandonedRuns();
  // Projects share the vitest process: the first setup makes the directory, the others reuse it.
  const own = !process.env.FY_TEST_RUN_DIR || !fs.existsSync(process.env.FY_TEST_RUN_DIR);
  if (own) process.env.FY_TEST_RUN_DIR = createRunDir();
  const dir = process.env.FY_TEST_RUN_DIR!;
  const teardown = async () => {
    const stopped = await stopProcessesUsing(dir);
    if (stopped.length) console.warn(`test teardown: stopped ${stopped.length} process(es) left running by tests: ${stopped.join(', ')}`);
    if (own) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await templateDir('empty');
    await templateDir('seeded');
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
