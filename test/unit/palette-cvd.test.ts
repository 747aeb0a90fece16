// Guards the stage palette for colour-blind readers: under simulated protanopia, deuteranopia and tritanopia every two
// stages stay clearly apart, as drawn solid (legend, panel) and at the map's 60 % fill over the county's background.
//
// How: sRGB → linear RGB → the Machado, Oliveira & Fernandes (2009) matrix at severity 1.0 → sRGB → CIELAB (D65) →
// CIEDE2000 between every pair. ΔE2000 ≈ 2 is a just-noticeable difference; 10 reads as a different category at a
// glance. The palette before this check had protanopia's 紫 (scheme) and 蓝 (planned) 3 apart.
import { describe, expect, it } from 'vitest';
import { STAGE_COLORS } from '../../src/lib/map/palette';
import { STAGE_PATTERNS } from '../../src/lib/map/stage-patterns';
import { STAGES } from '../../src/lib/types';

type RGB = [number, number, number];
const SIMULATIONS: Record<string, RGB[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
/** The county fill under the compounds (layers/index.ts OUTLINE) and the compounds' fill opacity. */
const COUNTY_FILL = '#fbfaf5';
const MAP_OPACITY = 0.6;
const MIN_DELTA_E = 10;

const fromHex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
};
const over = (c: RGB, bg: RGB, alpha: number): RGB => c.map((v, i) => v * alpha + bg[i] * (1 - alpha)) as RGB;

function simulate(rgb: RGB, m: RGB[]): RGB {
  const l = rgb.map(toLinear);
  return m.map((row) => toGamma(row[0] * l[0] + row[1] * l[1] + row[2] * l[2])) as RGB;
}

function lab(rgb: RGB): RGB {
  const [r, g, b] = rgb.map(toLinear);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 (Sharma, Wu & Dalal 2005). */
function deltaE2000([l1, a1, b1]: RGB, [l2, a2, b2]: RGB): number {
  const rad = Math.PI / 180;
  const c7 = (c: number) => Math.sqrt(c ** 7 / (c ** 7 + 25 ** 7));
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - c7(cBar));
  const a1p = a1 * (1 + g);
  const a2p = a2 * (1 + g);
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  let dh = 0;
  if (c1p * c2p !== 0) dh = h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p < -180 ? h2p - h1p + 360 : h2p - h1p;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin((dh / 2) * rad);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBar = h1p + h2p;
  if (c1p * c2p !== 0) hBar = Math.abs(h1p - h2p) > 180 ? (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2 : (h1p + h2p) / 2;
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad)
    - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * 30 * Math.exp(-(((hBar - 275) / 25) ** 2)) * rad) * 2 * c7(cBarP);
  const dl = (l2 - l1) / sl;
  const dc = (c2p - c1p) / sc;
  const dhh = dH / sh;
  return Math.sqrt(dl * dl + dc * dc + dhh * dhh + rt * dc * dhh);
}

/** The closest two colours of `palette` under every simulation, solid and as drawn on the map. */
function closestPairs(palette: Record<string, string>) {
  const bg = fromHex(COUNTY_FILL);
  const names = Object.keys(palette);
  return Object.entries(SIMULATIONS).map(([sim, m]) => {
    let min = { deltaE: Infinity, pair: '' };
    for (const alpha of [1, MAP_OPACITY]) {
      const labs = names.map((n) => lab(simulate(over(fromHex(palette[n]), bg, alpha), m)));
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const d = deltaE2000(labs[i], labs[j]);
          if (d < min.deltaE) min = { deltaE: d, pair: `${names[i]}/${names[j]} at ${alpha * 100}%` };
        }
      }
    }
    return { sim, ...min };
  });
}

describe('stage palette for colour-blind readers', () => {
  it('computes CIEDE2000 as published (Sharma et al. 2005, test pairs 1, 7 and 17)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 3);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 3);
  });

  it('would catch a palette that fails (the earlier palette: scheme and planned merge under protanopia)', () => {
    const before = { demand: '#9aa5b1', scheme: '#8e6fd8', planned: '#3b82f6', construction: '#f59e0b', accepted: '#16a34a', maintained: '#0f766e' };
    const protan = closestPairs(before).find((r) => r.sim === 'protanopia')!;
    expect(protan.deltaE).toBeLessThan(MIN_DELTA_E);
    expect(protan.pair).toContain('scheme/planned');
  });

  it(`keeps every two stages at least ΔE2000 ${MIN_DELTA_E} apart under protanopia, deuteranopia and tritanopia`, () => {
    const rows = closestPairs(STAGE_COLORS);
    for (const r of rows) expect(r.deltaE, `${r.sim}: ${r.pair}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
    // The figures the README quotes.
    console.info(rows.map((r) => `${r.sim.padEnd(13)} min ΔE2000 ${r.deltaE.toFixed(1)} (${r.pair})`).join('\n'));
  });

  it('gives every stage its own hatch pattern for black-and-white print', () => {
    const keys = STAGES.map((s) => JSON.stringify(STAGE_PATTERNS[s]));
    expect(new Set(keys).size).toBe(STAGES.length);
  });
});
