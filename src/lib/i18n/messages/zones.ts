// Strings for #3 selection, merge, draw and design zones. Chinese first; English must have the same keys.
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
