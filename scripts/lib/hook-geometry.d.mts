export const VALIDITY_SOURCE: string;
export const VALIDITY_HOOK: string;
export function hookGeometrySource(): string;
export function writeHookGeometry(): boolean;
