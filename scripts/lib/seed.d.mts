export function stableId(kind: string, key: string): string;
export class SeedError extends Error {}
export const DEMO_PASSWORD: string;
export const DEMO_USERS: { email: string; name: string; role: string; township_code?: string; department?: string }[];
export function seed(opts: { url: string; email: string; password: string; demo?: boolean; stateFile?: string; onProgress?: (done: number, total: number) => void }):
  Promise<{ divisionsCreated: number; demoLoaded: boolean; usersCreated: number; resumed: boolean }>;
export function beijingToday(now?: number): string;
export interface SeedItem { collection: string; body: Record<string, unknown>; update?: string; done?: (record: Record<string, unknown>) => boolean }
export interface DemoTimeline {
  asOf: string;
  worksYear: number;
  declaredYear: number;
  years: Map<number, { year: number; draft: string; submit: Map<string, string>; late: Map<string, boolean>; approve: Map<string, string>; review: string; consent: string; joint: string; filing: string }>;
  compounds: Map<string, { code: string; planYear: number | null; history: { stage: string; date: string }[]; consentDate: string; start: string; plannedEnd: string; accepted: string }>;
}
export function demoItems(townshipIds: Map<string, string>, asOf?: string): { items: SeedItem[]; timeline: DemoTimeline };
export function batchWrite(pb: unknown, items: SeedItem[], onProgress?: (done: number, total: number) => void): Promise<void>;
