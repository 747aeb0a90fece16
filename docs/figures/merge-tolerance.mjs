#!/usr/bin/env node
// Draws docs/merge-tolerance.svg from the merge fixtures (test/geo/merge-zones/in) and the real mergeAdjacent, so the
// figure shows what the code does. Run: node docs/figures/merge-tolerance.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
try {
  const { mergeAdjacent } = await vite.ssrLoadModule('/src/lib/geo/merge-zones.ts');
  const { affineFrame } = await vite.ssrLoadModule('/src/lib/geo/local-metric.ts');
  const clip = await vite.ssrLoadModule('/src/lib/geo/clipper.ts');

  const fixture = (name) => JSON.parse(fs.readFileSync(path.join(root, 'test/geo/merge-zones/in', `${name}.geojson`), 'utf8'));
  const frame = affineFrame(111.78, 37.26);
  const xy = (p) => frame.toXY(p);

  /** A round closing of the same members, for comparison only (the merge uses mitre joins). */
  function roundClosing(fc, tol) {
    const f = affineFrame(111.78, 37.26);
    const paths = fc.features.flatMap((x) => clip.toPaths(x.geometry, f));
    const r = tol / 2 + 0.005;
    const grown = clip.offsetPaths(paths, r, clip.JoinType.Round);
    const closed = clip.offsetPaths(grown, -r, clip.JoinType.Round);
    return clip.fromPaths(closed, f);
  }

  const panels = [
    { name: 'gap-5m', title: '缝隙 ≤ 容差:连通', sub: 'a 5 m gap at 15 m: bridged' },
    { name: 'l-shapes', title: '8 米通道填平,25 米不连', sub: '8 m channel filled; 25 m away stays apart' },
    { name: 'courtyard', title: '内院宽于容差:保留为洞', sub: 'courtyard wider than 15 m: a hole' },
    { name: 'l-shapes', title: '圆角闭合(对比,不采用)', sub: 'round closing (not used): fillets', round: true },
    { name: 'acute-corner', title: '锐角:成员加回,角不削', sub: 'acute corner: kept (members added back)' },
    { name: 'closing-keeps-members', title: '部分填平的内院:成员不被切', sub: 'part-filled courtyard: members kept whole' },
    { name: 'u-arm-touches-bar', title: '一点相接:内院为洞', sub: 'touching at one point: shell + hole' },
    { name: 'ls-meet-at-two-corners', title: '两点相接:两块', sub: 'touching at two points: two parts' },
  ];

  const W = 250;
  const H = 250;
  const PAD = 18;
  const cols = 4;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${Math.ceil(panels.length / cols) * H + 40}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="10" y="20" font-size="14" font-weight="bold">“容差内合并”:成员(灰)→ 设计单元边界(紫)· merge within tolerance: members (grey) → zone outline (purple)</text>`);
  panels.forEach((p, k) => {
    const fc = fixture(p.name);
    const tol = fc.properties?.toleranceM ?? 15;
    const zones = p.round ? [{ geometry: roundClosing(fc, tol) }] : mergeAdjacent(fc, { toleranceM: tol }).features;
    const all = fc.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((r) => r)).flatMap((r) => r).map(xy);
    const x0 = Math.min(...all.map((q) => q[0])) - 4;
    const x1 = Math.max(...all.map((q) => q[0])) + 4;
    const y0 = Math.min(...all.map((q) => q[1])) - 4;
    const y1 = Math.max(...all.map((q) => q[1])) + 4;
    const s = Math.min((W - 2 * PAD) / (x1 - x0), (H - 2 * PAD - 36) / (y1 - y0));
    const ox = (k % cols) * W + PAD;
    const oy = 40 + Math.floor(k / cols) * H + PAD + 30;
    const pt = (q) => `${(ox + (q[0] - x0) * s).toFixed(1)},${(oy + (y1 - q[1]) * s).toFixed(1)}`;
    const pathOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((poly) => poly).map((r) => 'M' + r.map((q) => pt(xy(q))).join('L') + 'Z').join('');
    out.push(`<g>`);
    out.push(`<text x="${ox}" y="${oy - 18}" font-weight="bold">${p.title}</text>`);
    out.push(`<text x="${ox}" y="${oy - 4}" fill="#555" font-size="11">${p.sub} · ${tol} m</text>`);
    for (const f of fc.features) out.push(`<path d="${pathOf(f.geometry)}" fill="#d1d5db" fill-rule="evenodd" stroke="#6b7280" stroke-width="0.8"/>`);
    for (const z of zones) if (z.geometry) out.push(`<path d="${pathOf(z.geometry)}" fill="#7c3aed" fill-opacity="0.12" fill-rule="evenodd" stroke="#7c3aed" stroke-width="1.6"/>`);
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  fs.writeFileSync(path.join(root, 'docs/merge-tolerance.svg'), out.join('\n') + '\n');
  console.log('wrote docs/merge-tolerance.svg');
} finally {
  await vite.close();
}
