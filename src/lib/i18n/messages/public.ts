// Strings for #6 accounts, public map, feedback and audit. Chinese first; English must have the same keys.
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
