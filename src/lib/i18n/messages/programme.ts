// Strings for #5 stages, plans, items, funding, ledger and monthly report. Chinese first; English must have the same keys.
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
