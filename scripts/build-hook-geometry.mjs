#!/usr/bin/env node
// `npm run build:hooks`: regenerate pb_hooks/lib/polygon-validity.js from src/lib/geo/polygon-validity.ts.
import path from 'node:path';
import { VALIDITY_HOOK, writeHookGeometry } from './lib/hook-geometry.mjs';
import { ROOT } from './lib/pocketbase.mjs';

const changed = writeHookGeometry();
console.log(`${path.relative(ROOT, VALIDITY_HOOK)} ${changed ? 'rewritten' : 'already up to date'}`);
