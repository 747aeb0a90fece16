// Strings for province and national scale: vector tiles, bulk loads, the static publication. Chinese first; English
// must have the same keys.
export const zh = {
  published_at: '本页为静态发布版,数据发布于 {when}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  published_at: 'Static edition of this page; data published {when}',
};
