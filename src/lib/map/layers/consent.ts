// The consent layer: compounds coloured by resident consent band against the plan threshold (below / near / above,
// grey when not surveyed), outlined, and labelled with their figure. Staff data: the figure is staff-only.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { CompoundRecord } from '../../data/records';
import { consentBand } from '../../programme/consent';
import { LABEL_FONTS } from '../fonts';
import { CONSENT_COLORS } from '../palette';
import { SOURCES } from '../zorder';
import { group } from './index';

const bandColor: ExpressionSpecification = [
  'match', ['get', 'band'], 'below', CONSENT_COLORS.below, 'near', CONSENT_COLORS.near, 'above', CONSENT_COLORS.above, CONSENT_COLORS.none,
];

export const CONSENT = group(SOURCES.consent, [
  { id: 'consent-fill', type: 'fill', paint: { 'fill-color': bandColor, 'fill-opacity': 0.75 } },
  { id: 'consent-line', type: 'line', paint: { 'line-color': '#374151', 'line-width': 1 } },
  {
    id: 'consent-label', type: 'symbol', minzoom: 14,
    layout: { 'text-field': ['get', 'label'], 'text-size': 12, 'text-font': LABEL_FONTS, 'text-allow-overlap': false },
    paint: { 'text-color': '#111827', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
], 'id');

/**
 * Compounds as consent-layer features: `band` and `label` ("85.3%", or "未调查"-style text given by the caller).
 * @example consentFeatures(compounds, 200 / 3, '未调查').features[0].properties // { id, name, …, band: 'above', label: '85.3%' }
 */
export function consentFeatures(compounds: readonly CompoundRecord[], threshold: number, unsurveyed: string): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: compounds.map((c) => {
      const band = consentBand(c.consent_pct, c.consent_date, threshold);
      const label = band === 'none' ? unsurveyed : `${(Math.round((c.consent_pct ?? 0) * 10) / 10).toFixed(1)}%`;
      // The compound's own fields ride along so the map's filters (stage, township …) apply to this layer too.
      const { geometry, ...props } = c;
      return { type: 'Feature', id: c.id, geometry, properties: { ...props, band, label } };
    }),
  };
}
