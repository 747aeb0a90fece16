// The renovation-item catalogue (policy §三(二)), bundled from data/renovation-items.json.
import raw from '../../../data/renovation-items.json';
import type { ItemClass } from '../data/records';
import type { CatalogueItem, Indicator } from './types';

export const CATALOGUE: readonly CatalogueItem[] = raw.items as CatalogueItem[];
export const CATALOGUE_BY_KEY: ReadonlyMap<string, CatalogueItem> = new Map(CATALOGUE.map((i) => [i.key, i]));
export const INDICATOR_DEFS: readonly { key: Indicator; zh: string; en: string; unit: string }[] =
  raw.indicators as { key: Indicator; zh: string; en: string; unit: string }[];
export const CLASS_DEFS: readonly { key: ItemClass; zh: string; en: string }[] = raw.classes as { key: ItemClass; zh: string; en: string }[];
