// Guards the boundaries ESLint keeps in `npm run check`: lib/geo stays pure, only lib/data talks to PocketBase, and no
// component re-registers an effect's dependencies with a `void x;` line. Each probe is linted as if it lived at its path.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return res.messages.map((m) => `${m.ruleId}:${m.severity}`);
}

// The first lint loads typescript-eslint and the type-aware config (seconds; 7 s on a busy 2-core machine), past the
// unit project's 5 s default: a slow machine is not a broken rule.
describe('ESLint in npm run check', { timeout: 120_000 }, () => {
  it('is part of npm run check', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.check).toMatch(/\beslint\b/);
  });

  it('refuses map, server and app imports in lib/geo', async () => {
    const code = "import * as maplibregl from 'maplibre-gl';\nimport { pb } from '../data/pb';\nexport const x = [maplibregl, pb];\n";
    expect(await rulesHit(code, 'src/lib/geo/probe.ts')).toEqual(['no-restricted-imports:2', 'no-restricted-imports:2']);
  });

  it('lets lib/geo read the project data files and other geo modules', async () => {
    const code = "import raw from '../../../data/facilities.json';\nimport { bboxOf } from './bbox';\nexport const x = [raw, bboxOf];\n";
    expect(await rulesHit(code, 'src/lib/geo/probe.ts')).toEqual([]);
  });

  it('refuses the PocketBase SDK outside lib/data and allows it inside', async () => {
    const code = "import PocketBase from 'pocketbase';\nexport const pb = new PocketBase();\n";
    expect(await rulesHit(code, 'src/lib/ui/probe.ts')).toEqual(['no-restricted-imports:2']);
    expect(await rulesHit(code, 'src/lib/data/probe.ts')).toEqual([]);
  });

  it('refuses `void x;` dependency pokes but not `void promise()`', async () => {
    const code = 'export function f(a: { b: number }, p: () => Promise<void>) {\n  void a.b;\n  void p();\n}\n';
    expect(await rulesHit(code, 'src/lib/ui/probe.ts')).toEqual(['no-restricted-syntax:2']);
  });
});
