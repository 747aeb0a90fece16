import type { ChildProcess } from 'node:child_process';
export const ROOT: string;
export const PB_BIN: string;
export class StartError extends Error {}
export class PortTakenError extends StartError {}
export function checkBinary(): void;
export function checkPortFree(port: number, host?: string): Promise<void>;
export function freePort(): Promise<number>;
export function prepareDataDir(dir: string): boolean;
export function migrateUp(dir: string): void;
export function upsertSuperuser(dir: string, email: string, password: string): void;
export function deleteSuperuser(dir: string, email: string): void;
export function serve(opts: { dir: string; port: number; host?: string; publicDir?: string; origins?: string; quiet?: boolean; env?: Record<string, string> }):
  Promise<{ url: string; child: ChildProcess; stop: () => Promise<void>; output: () => string }>;
