export function publish(opts: { url: string; distDir: string; outDir: string; admin?: { email: string; password: string } | null; log?: (msg: string) => void }):
  Promise<{ written: string[]; unchanged: number; removed: string[]; compounds: number; publishedAt: string }>;
export function pendingChanges(url: string): Promise<number>;
