// The server hook's copy of the one polygon-validity rule. src/lib/geo/polygon-validity.ts is the source: it is
// transpiled here to CommonJS for PocketBase's JS VM (goja), so client and server run the same code. A unit test
// (test/unit/hook-geometry-sync.test.ts) fails when pb_hooks/lib/polygon-validity.js differs from this output.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './pocketbase.mjs';

export const VALIDITY_SOURCE = path.join(ROOT, 'src/lib/geo/polygon-validity.ts');
export const VALIDITY_HOOK = path.join(ROOT, 'pb_hooks/lib/polygon-validity.js');

/** The generated hook file's text for the current TypeScript source. */
export function hookGeometrySource() {
  const src = fs.readFileSync(VALIDITY_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(src, {
    fileName: 'polygon-validity.ts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017, newLine: ts.NewLineKind.LineFeed },
  });
  return (
    '// GENERATED from src/lib/geo/polygon-validity.ts by `npm run build:hooks` — do not edit; edit the source and rerun.\n' +
    outputText
  );
}

/** Rewrites pb_hooks/lib/polygon-validity.js; returns true when it changed. */
export function writeHookGeometry() {
  const text = hookGeometrySource();
  const old = fs.existsSync(VALIDITY_HOOK) ? fs.readFileSync(VALIDITY_HOOK, 'utf8') : '';
  if (old === text) return false;
  fs.writeFileSync(VALIDITY_HOOK, text);
  return true;
}
