// The one stage palette: map fills, legend swatches, charts and the public map all read it.
// Chosen for colour-blind readers: under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009,
// severity 1) every two stages stay at least ΔE2000 10 apart, drawn solid and at the map's 60 % over the county fill
// (test/unit/palette-cvd.test.ts computes it). Each stage also has a hatch pattern (stage-patterns.ts) for black-and-white
// print.
import type { Stage } from '../types';

export const STAGE_COLORS: Record<Stage, string> = {
  demand: '#9ca1a7',
  scheme: '#ba6de5',
  planned: '#063eeb',
  construction: '#f8b21a',
  accepted: '#31a55f',
  maintained: '#123d37',
};

/** Resident consent bands against the plan threshold (consent layer and its legend). */
export const CONSENT_COLORS = { none: '#d1d5db', below: '#dc2626', near: '#f59e0b', above: '#16a34a' } as const;

export const ZONE_COLOR = '#db2777';
export const SELECTION_COLOR = '#facc15';
/** An analysis preview without colours of its own. */
export const ANALYSIS_COLOR = '#7c3aed';
/** One colour per previewed merge group, in turn. */
export const GROUP_COLORS = ['#7c3aed', '#db2777', '#0891b2', '#65a30d', '#ea580c', '#4f46e5', '#be123c', '#0d9488'];
