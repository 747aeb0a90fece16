#!/usr/bin/env node
// `npm run types`: writes src/lib/data/schema.gen.ts (record types) from the migrated schema; `--check` only compares
// and exits 1 when the file is out of date (run it after adding a migration).
import fs from 'node:fs';
import path from 'node:path';
import { migratedCollections, OUT_FILE, renderTypes } from './lib/schema-types.mjs';
import { ROOT } from './lib/pocketbase.mjs';

const check = process.argv.includes('--check');
const text = renderTypes(await migratedCollections());
const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE, 'utf8') : '';
const rel = path.relative(ROOT, OUT_FILE);
if (check) {
  if (current !== text) {
    console.error(`${rel} 与迁移不一致 / is out of date with pb_migrations: run npm run types`);
    process.exit(1);
  }
  console.log(`${rel} matches the migrations`);
} else if (current === text) console.log(`${rel} unchanged`);
else {
  fs.writeFileSync(OUT_FILE, text);
  console.log(`wrote ${rel}`);
}
