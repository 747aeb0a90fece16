// What kind of screen the app is on, and framing the map in the part of it the panels leave free.
import type { Map as MlMap } from 'maplibre-gl';
import type { BBox } from '../../geo/bbox';

/** Up to this width panels are bottom sheets (Sheet.svelte) and the top bar a menu (TopBar.svelte). */
export const PHONE_MAX_PX = 760;

const media = (q: string) => typeof matchMedia !== 'undefined' && matchMedia(q).matches;
/** A phone-sized screen: panels are bottom sheets. */
export const isPhone = () => media(`(max-width: ${PHONE_MAX_PX}px)`);
/** A screen without hover (touch): a tap shows what hovering shows elsewhere. */
export const prefersTap = () => media('(hover: none)');

/**
 * Fits `bbox` (degrees) into the part of the map that `panels` leave free: beside a side panel on wide screens, above
 * a bottom sheet on phones. Padding never takes more than the map can give.
 * @param marginPx space kept around the bounds, CSS pixels
 */
export function frameBounds(map: MlMap, bbox: BBox, panels: (HTMLElement | undefined | null)[], { marginPx = 16, maxZoom = 16, animate = false } = {}) {
  const m = map.getContainer().getBoundingClientRect();
  const pad = { top: marginPx, bottom: marginPx, left: marginPx, right: marginPx };
  for (const el of panels) {
    const r = el?.getBoundingClientRect();
    if (!r || !r.width || !r.height || getComputedStyle(el!).display === 'none') continue;
    if (r.top > m.top + m.height / 2) pad.bottom = Math.max(pad.bottom, m.bottom - r.top + marginPx);
    else if (r.left - m.left < m.right - r.right) pad.left = Math.max(pad.left, r.right - m.left + marginPx);
    else pad.right = Math.max(pad.right, m.right - r.left + marginPx);
  }
  // Keep at least a third of the map for the bounds.
  const shrink = (a: 'left' | 'top', b: 'right' | 'bottom', size: number) => {
    const over = pad[a] + pad[b] - (size * 2) / 3;
    if (over > 0) {
      const k = (size * 2) / 3 / (pad[a] + pad[b]);
      pad[a] = Math.floor(pad[a] * k);
      pad[b] = Math.floor(pad[b] * k);
    }
  };
  shrink('left', 'right', m.width);
  shrink('top', 'bottom', m.height);
  map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: pad, maxZoom, duration: animate ? 500 : 0 });
}
