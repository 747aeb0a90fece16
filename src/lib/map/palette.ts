// The one stage palette: map fills, legend swatches, charts and the public map all read it.
import type { Stage } from '../types';

export const STAGE_COLORS: Record<Stage, string> = {
  demand: '#9aa5b1',
  scheme: '#8e6fd8',
  planned: '#3b82f6',
  construction: '#f59e0b',
  accepted: '#16a34a',
  maintained: '#0f766e',
};

/** Resident consent bands against the plan threshold (consent layer and its legend). */
export const CONSENT_COLORS = { none: '#d1d5db', below: '#dc2626', near: '#f59e0b', above: '#16a34a' } as const;

export const ZONE_COLOR = '#db2777';
export const SELECTION_COLOR = '#facc15';
/** An analysis preview without colours of its own. */
export const ANALYSIS_COLOR = '#7c3aed';
/** One colour per previewed merge group, in turn. */
export const GROUP_COLORS = ['#7c3aed', '#db2777', '#0891b2', '#65a30d', '#ea580c', '#4f46e5', '#be123c', '#0d9488'];
