// Strings for #7 import, export and print. Chinese first; English must have the same keys.
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
