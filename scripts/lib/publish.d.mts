export function publish(opts: { url: string; distDir: string; outDir: string; log?: (msg: string) => void }):
  Promise<{ written: string[]; unchanged: number; removed: string[]; compounds: number; publishedAt: string }>;
