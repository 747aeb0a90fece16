// Strings for #8 province-scale map and benchmarks. Chinese first; English must have the same keys.
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
