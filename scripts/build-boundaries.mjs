#!/usr/bin/env node
// Writes data/demo/boundaries.geojson: APPROXIMATE township (街道) and community (社区) boundaries for the demo (示例数据),
// built from the demo compounds (scripts/lib/demo-boundaries-build.mjs says how). Rerun: npm run data:boundaries
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoBoundaries } from './lib/demo-boundaries-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { text, townships, communities } = buildDemoBoundaries();
writeFileSync(join(root, 'data/demo/boundaries.geojson'), text);
console.log(`data/demo/boundaries.geojson: ${townships} townships, ${communities} communities (示例数据)`);
