// Layout checks for the phone tests: what spills off the side of the screen.
import type { Page } from 'playwright-core';

/**
 * Elements that reach past the left or right edge of the viewport, where the user would have to scroll the screen
 * sideways (or could not reach them at all): not counting what an ancestor clips (`overflow: hidden`), nor what sits
 * in a deliberate sideways scroller (a `.table-scroll` wrapper or an element marked `data-scroll-x`). A screen that
 * fits returns []. Each entry names the element (tag.classes[data-testid]) and its left–right extent in CSS pixels.
 */
export async function spillsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).filter((c) => !c.startsWith('svelte-')).join('.') : '';
      const id = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${cls}${id ? `[${id}]` : ''}`;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      if (r.right <= vw + 1 && r.left >= -1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let ok = false;
      for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'visible') continue;
        if (ox === 'hidden' || ox === 'clip') {
          ok = true;
          break;
        }
        // auto / scroll: fine only where a sideways scroller is meant (a table, the paper preview).
        ok = a.classList.contains('table-scroll') || a.hasAttribute('data-scroll-x');
        break;
      }
      if (!ok) out.push(`${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.unshift(`page scrollWidth ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
}
