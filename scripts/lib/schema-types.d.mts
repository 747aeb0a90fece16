export const OUT_FILE: string;
export function migratedCollections(): Promise<{ name: string; type: string; system: boolean; fields: Record<string, unknown>[] }[]>;
export function renderTypes(collections: { name: string; type: string; fields: Record<string, unknown>[] }[]): string;
