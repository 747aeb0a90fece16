#!/usr/bin/env node
// The merge against the former merge (the code before valid outlines), in one process on the same synthetic cities:
// the former src/lib/geo is taken from git (`git archive <commit> src/lib/geo` into bench/tmp/former-<commit>), both
// run interleaved (order alternating), and medians are reported with the machine's load. Speed figures for README.
//   node scripts/bench-merge-former.mjs                          7,701 (15 runs) and 170,000 (7 runs)
//   node scripts/bench-merge-former.mjs --sizes 7701 --runs 21 --commit 0c6c41c --phases
// --phases also times the new merge's phases (bench/merge-phases.ts) at each size.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { ROOT } from './lib/pocketbase.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const commit = opt('--commit', '0c6c41c'); // the last commit before merged outlines were made valid
const sizes = opt('--sizes', '7701,170000').split(',').map(Number);
const runsArg = opt('--runs', null);
const phases = args.includes('--phases');

const former = path.join(ROOT, 'bench/tmp', `former-${commit}`);
if (!fs.existsSync(path.join(former, 'src/lib/geo/merge-zones.ts'))) {
  fs.mkdirSync(former, { recursive: true });
  const tar = execFileSync('git', ['archive', commit, 'src/lib/geo'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', former], { input: tar });
}

const vite = await createServer({ root: ROOT, server: { middlewareMode: true, ws: false }, appType: 'custom', logLevel: 'error' });
try {
  const { syntheticCity } = await vite.ssrLoadModule('/bench/synthetic-city.ts');
  const now = await vite.ssrLoadModule('/src/lib/geo/merge-zones.ts');
  const old = await vite.ssrLoadModule(`/${path.relative(ROOT, former)}/src/lib/geo/merge-zones.ts`);
  const phaseMod = phases ? await vite.ssrLoadModule('/bench/merge-phases.ts') : null;
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const loads = [os.loadavg()[0]];
  console.log(`former ${commit} vs working tree · Node ${process.version} · ${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const size of sizes) {
    const fc = syntheticCity({ compounds: size, seed: 1, withBuildings: false }).compounds;
    const runs = Number(runsArg ?? (size > 50_000 ? 7 : 15));
    const opts = { toleranceM: 15 };
    for (let w = 0; w < (size > 50_000 ? 1 : 5); w++) {
      old.mergeAdjacent(fc, opts);
      now.mergeAdjacent(fc, opts);
    }
    const tOld = [];
    const tNew = [];
    // CPU time of the process as well: on a shared machine wall time includes waiting for a core
    const cOld = [];
    const cNew = [];
    const ratios = [];
    for (let i = 0; i < runs; i++) {
      const pair = [];
      for (const which of i % 2 ? ['new', 'old'] : ['old', 'new']) {
        const fn = which === 'old' ? old.mergeAdjacent : now.mergeAdjacent;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        fn(fc, opts);
        const ms = performance.now() - t0;
        const c = process.cpuUsage(c0);
        (which === 'old' ? cOld : cNew).push((c.user + c.system) / 1000);
        (which === 'old' ? tOld : tNew).push(ms);
        pair[which === 'old' ? 0 : 1] = ms;
      }
      ratios.push(pair[1] / pair[0]);
      loads.push(os.loadavg()[0]);
    }
    const z = now.mergeAdjacent(fc, opts);
    const single = z.features.filter((f) => f.properties.member_count === 1).length;
    console.log(
      `${size.toLocaleString('en-US')}: ${z.features.length} zones (${single} single-member) · former ${median(tOld).toFixed(1)} ms · now ${median(tNew).toFixed(1)} ms · ` +
        `ratio of medians ×${(median(tNew) / median(tOld)).toFixed(3)} · median pair ratio ×${median(ratios).toFixed(3)} · ` +
        `fastest runs ${Math.min(...tOld).toFixed(1)} / ${Math.min(...tNew).toFixed(1)} ms · ` +
        `CPU ms median ${median(cOld).toFixed(1)} / ${median(cNew).toFixed(1)} ×${(median(cNew) / median(cOld)).toFixed(3)}, ` +
        `least ${Math.min(...cOld).toFixed(1)} / ${Math.min(...cNew).toFixed(1)} ×${(Math.min(...cNew) / Math.min(...cOld)).toFixed(3)} ` +
        `(pairs ${ratios.map((r) => r.toFixed(2)).join(' ')}) · ${runs} runs`,
    );
    if (phaseMod) console.log(phaseMod.formatPhases(phaseMod.mergePhases(fc, opts, size > 50_000 ? 3 : 9)));
  }
  console.log(`load average over the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
} finally {
  await vite.close();
}
