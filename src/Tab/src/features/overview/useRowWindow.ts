import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** Above this many rows only those near the screen are rendered; a smaller table (the demo's, most bodies') is whole. */
export const windowAbove = 100;
/** Rows rendered while nothing can be measured: before the first layout, or in jsdom, which has none. */
export const firstWindow = 60;
/** A row's height until one is measured: a line of text and its padding. */
const estimatedRowHeight = 30;

/** Rows `start` to `end` (exclusive) are rendered; each of the others is stood in for by `rowHeight` pixels. */
export interface RowWindow {
  start: number;
  end: number;
  rowHeight: number;
}

/**
 * Which of a table body's `count` rows to render: those on the screen and a screen's worth above and below, so that
 * the next row is already there when the keyboard tabs to it or the wheel scrolls to it. With 1,000 units the heat
 * map was 36,000 elements whose style and layout took longer than the rest of the page. Null when every row is
 * rendered. The page itself scrolls (the table's own region scrolls only sideways); scroll events are listened to
 * on the window in the capture phase, which also hears any other scrolling box the tab may be put in.
 */
export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow | null {
  const windowed = count > windowAbove;
  const [range, setRange] = useState<RowWindow>({ start: 0, end: firstWindow, rowHeight: estimatedRowHeight });
  const current = useRef(range);

  useLayoutEffect(() => {
    if (!windowed) return undefined;
    let measured: number | null = null;
    let frame = 0;
    const update = () => {
      frame = 0;
      const tbody = body.current;
      if (!tbody) return;
      measured ??= rowHeightOf(tbody);
      const box = tbody.getBoundingClientRect();
      // No row to measure but a body laid out: the list changed under a window that held none of its rows.
      const rowHeight = measured ?? (box.height > 0 ? current.current.rowHeight : null);
      if (rowHeight === null) return;
      const next = around(current.current, count, box.top, window.innerHeight, rowHeight);
      if (next === current.current) return;
      current.current = next;
      setRange(next);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    // A new width may wrap the unit names onto two lines: measure the rows again.
    const resized = () => {
      measured = null;
      schedule();
    };
    // Before the first paint: the rows that show are the first ones painted.
    update();
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', resized, { passive: true });
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', resized);
      cancelAnimationFrame(frame);
    };
  }, [windowed, count, body]);

  return windowed ? range : null;
}

/** The mean height of the rendered rows (the spacers left out); null when nothing is laid out. */
function rowHeightOf(tbody: HTMLTableSectionElement): number | null {
  const rows = tbody.querySelectorAll(':scope > tr[aria-rowindex]');
  let total = 0;
  for (const row of rows) total += row.getBoundingClientRect().height;
  return total > 0 ? total / rows.length : null;
}

/**
 * The rows from a screen above the screen to a screen below it, given where the body's top is on the screen. The
 * window in place is kept while it still covers the screen and half a screen either side: the rows are rendered
 * again only every half screen of scrolling, not on every frame.
 */
function around(current: RowWindow, count: number, top: number, screen: number, rowHeight: number): RowWindow {
  const perScreen = Math.ceil(screen / rowHeight);
  const first = Math.min(count, Math.max(0, Math.floor(-top / rowHeight)));
  const last = Math.min(count, Math.max(0, Math.ceil((screen - top) / rowHeight)));
  const margin = Math.ceil(perScreen / 2);
  const covered = current.start <= Math.max(0, first - margin) && current.end >= Math.min(count, last + margin);
  if (covered && current.rowHeight === rowHeight && current.end <= count) return current;
  const start = Math.max(0, Math.min(first, count - perScreen) - perScreen);
  return { start, end: Math.min(count, Math.max(last, first + 1) + perScreen), rowHeight };
}
