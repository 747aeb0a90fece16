export function stableId(kind: string, key: string): string;
export class SeedError extends Error {}
export const DEMO_PASSWORD: string;
export const DEMO_USERS: { email: string; name: string; role: string; township_code?: string; department?: string }[];
export function seed(opts: { url: string; email: string; password: string; demo?: boolean; stateFile?: string; onProgress?: (done: number, total: number) => void }):
  Promise<{ divisionsCreated: number; demoLoaded: boolean; usersCreated: number; resumed: boolean }>;
