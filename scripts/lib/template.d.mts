export type TemplateKind = 'empty' | 'seeded';
export const TEMPLATE_ADMIN: { email: string; password: string };
export function templateDir(kind: TemplateKind): Promise<string>;
export function copyTemplate(kind: TemplateKind, target: string): Promise<void>;
export function prepareSeededDataDir(target: string): Promise<number>;
export function removeTemplateAdmin(dir: string, keepEmail: string): void;
