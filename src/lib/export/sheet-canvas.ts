// Paint a print sheet (sheetOps) on a 2D canvas at a resolution: the PNG export and the browser print use it.
import type { DrawOp } from './sheet';

/** The fonts the sheet's text asks for: the platform's Chinese UI fonts, then any sans-serif. */
export const SHEET_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'SimHei', sans-serif";

/**
 * Paint the operations on `ctx`, `pxPerMm` pixels a millimetre (dpi / 25.4); the map operation draws `map` scaled into
 * its frame (nothing when null).
 */
export function paintSheet(ctx: CanvasRenderingContext2D, ops: readonly DrawOp[], pxPerMm: number, map: CanvasImageSource | null) {
  const k = pxPerMm;
  const pxPerPt = (pxPerMm * 25.4) / 72;
  for (const o of ops) {
    ctx.save();
    switch (o.op) {
      case 'map':
        if (map) ctx.drawImage(map, o.x * k, o.y * k, o.w * k, o.h * k);
        break;
      case 'rect':
        if (o.fill) {
          ctx.fillStyle = o.fill;
          ctx.fillRect(o.x * k, o.y * k, o.w * k, o.h * k);
        }
        if (o.stroke) {
          ctx.strokeStyle = o.stroke;
          ctx.lineWidth = (o.lineMm ?? 0.2) * k;
          ctx.strokeRect(o.x * k, o.y * k, o.w * k, o.h * k);
        }
        break;
      case 'poly':
        ctx.beginPath();
        o.points.forEach(([x, y], i) => (i ? ctx.lineTo(x * k, y * k) : ctx.moveTo(x * k, y * k)));
        ctx.closePath();
        if (o.fill) {
          ctx.fillStyle = o.fill;
          ctx.fill();
        }
        if (o.stroke) {
          ctx.strokeStyle = o.stroke;
          ctx.lineWidth = (o.lineMm ?? 0.2) * k;
          ctx.lineJoin = 'round';
          ctx.stroke();
        }
        break;
      case 'line':
        ctx.beginPath();
        ctx.moveTo(o.x1 * k, o.y1 * k);
        ctx.lineTo(o.x2 * k, o.y2 * k);
        ctx.strokeStyle = o.stroke;
        ctx.lineWidth = o.lineMm * k;
        ctx.stroke();
        break;
      case 'text':
        ctx.font = `${o.bold ? '700 ' : ''}${o.sizePt * pxPerPt}px ${SHEET_FONTS}`;
        ctx.fillStyle = o.color ?? '#111827';
        ctx.textAlign = o.align ?? 'left';
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(o.text, o.x * k, o.y * k);
        break;
    }
    ctx.restore();
  }
}
