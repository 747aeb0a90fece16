// Domain words shared by the SPA, the data builders and the tests: the stages, tiers, roles and the shapes of JSON
// fields. Record types are generated from the migrations (src/lib/data/schema.gen.ts).
import type { MultiPolygon, Polygon, LineString, Point } from 'geojson';

/** The six stages of the policy's procedure (§四), in order. */
export const STAGES = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'] as const;
export type Stage = (typeof STAGES)[number];

/** 实施一批 / 谋划一批 / 储备一批 */
export const TIERS = ['implement', 'prepare', 'reserve'] as const;
export type Tier = (typeof TIERS)[number];

export const MANAGEMENT_MODES = ['property_company', 'self', 'none'] as const;
export type ManagementMode = (typeof MANAGEMENT_MODES)[number];

export const CONTEXT_KINDS = ['road', 'facility', 'idle_building', 'idle_land', 'water', 'green'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const ROLES = ['office', 'township', 'department', 'planner'] as const;
export type Role = (typeof ROLES)[number];

export type AreaGeometry = Polygon | MultiPolygon;

/**
 * Why something was refused or flagged: a code and the values it names. Core functions return reasons; the UI words
 * them in the chosen language (lib/i18n explain(), messages `reason.<code>`).
 */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

/** What a context feature may be: roads are lines, facilities points or outlines, the rest outlines. */
export type ContextGeometry = Polygon | MultiPolygon | LineString | Point;

/** Where a facility site lies: an outline, or a point when only its place is known. */
export type SiteGeometry = Polygon | MultiPolygon | Point;

/** Money expected by funding source, in yuan (an overall-plan entry's `funding`): {central: 1200000, …}. */
export type FundingBySource = Record<string, number>;

/** A compound only partly inside a drawn zone, with the share of its area inside (0–1). */
export interface ZonePartialShare {
  id: string;
  share: number;
}

/** The server's reasons for a facility site's permit verdict, in both languages, and the rule's wording. */
export interface SiteReasons {
  zh: string[];
  en: string[];
  rule?: string;
}

export type { Point };
