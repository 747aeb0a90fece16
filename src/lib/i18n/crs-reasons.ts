// A coordinate-system guess (lib/geo/crs guessCrs) or a datum finding (lib/import/datum) in the reader's language: the
// geo code returns codes and numbers; the parts of the sentence that depend on them are chosen here.
import type { Reason } from '../types';
import { t } from './index.svelte';

type P = Record<string, string | number>;

/** The sentence for a `crs_*` or `datum_*` reason. */
export function crsReasonText(r: Reason): string {
  const p: P = r.params ?? {};
  const extra: P = {};
  if (r.code.startsWith('crs_lonlat')) {
    extra.where = t(`crs.where.${p.where as 'fenyang'}`);
    extra.swapped = p.swapped ? t('crs.swapped_deg') : '';
    extra.named = p.named ? t(`crs.named.${p.named as 'gcj02'}`) : '';
    extra.ambiguous = t('crs.ambiguous');
  } else if (r.code === 'crs_gk_prefixed') {
    extra.fenyang = p.fenyang ? t('crs.fenyang_in') : '';
    extra.swapped = p.swapped ? t('crs.swapped_xy') : '';
  } else if (r.code === 'crs_gk_plain') {
    extra.fenyang = p.fenyang ? t('crs.fenyang_in_plain') : t('crs.fenyang_out_plain');
    extra.sixZone = p.sixZone ? t('crs.six_zone', { zone: p.sixZone, epsg: p.sixEpsg }) : '';
    extra.swapped = p.swapped ? t('crs.swapped_xy') : '';
  } else if (r.code === 'datum_undecided') {
    extra.why = t(`reason.datum_undecided_${p.why as 'close'}`);
  } else if (r.code === 'datum_by_compounds') {
    extra.how = t(`datum.how.${p.how as 'code'}`);
    extra.others = [1, 2].filter((i) => p[`o${i}`]).map((i) => t('datum.other', { crs: p[`o${i}`], m: p[`o${i}m`] })).join(t('list_sep'));
  } else if (r.code === 'datum_by_outline') {
    extra.others = [1, 2].filter((i) => p[`o${i}`]).map((i) => t('datum.other_outline', { crs: p[`o${i}`], n: p[`o${i}n`], total: p.total })).join(t('list_sep'));
  }
  return t(`reason.${r.code}` as 'reason.crs_gk_plain', { ...p, ...extra });
}
