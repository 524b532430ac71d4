import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverviewUnit } from '../../shared/api/types';
import { I18nProvider } from '../../shared/i18n/i18n';
import { overview } from '../../test/fixtures';
import { HeatMap } from './HeatMap';

const caption = 'Tavlemøter';
const rowHeight = 24;
const screenHeight = 600;
/** Where the table body starts on the page, under the header and the heading. */
const bodyTop = 200;

/** Units named "Enhet 1" to "Enhet n", in that order, each with the fixture's weeks. */
function unitsOf(count: number): OverviewUnit[] {
  const template = overview.units[0]!;
  return Array.from({ length: count }, (_, i) => ({ ...template, id: `enhet-${i + 1}`, name: `Enhet ${i + 1}`, helpNeeded: null }));
}

/**
 * jsdom lays nothing out. This lays the page out as a browser would: the table body `bodyTop` px down the page and as
 * tall as all its rows, every row `rowHeight` px, a window `screenHeight` px high. `scrollTo` moves the page and
 * fires the scroll event, and the frame after it is run.
 */
function layOut(units: number) {
  const page = { scrolled: 0, units };
  vi.spyOn(HTMLTableSectionElement.prototype, 'getBoundingClientRect').mockImplementation(
    () => new DOMRect(0, bodyTop - page.scrolled, 1000, page.units * rowHeight),
  );
  vi.spyOn(HTMLTableRowElement.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(0, 0, 1000, rowHeight));
  vi.stubGlobal('innerHeight', screenHeight);
  return {
    scrollTo(y: number) {
      page.scrolled = y;
      fireEvent.scroll(window);
      act(() => {
        vi.advanceTimersToNextFrame();
      });
    },
    get scrolled() {
      return page.scrolled;
    },
    /** The body's height follows the rows it stands for, as the spacers make it do in a browser. */
    set units(count: number) {
      page.units = count;
    },
  };
}

function Providers({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nb">{children}</I18nProvider>
    </FluentProvider>
  );
}

function renderHeatMap(count: number) {
  const { rerender } = render(<HeatMap weeks={overview.weeks} units={unitsOf(count)} caption={caption} />, { wrapper: Providers });
  return {
    table: screen.getByRole('table', { name: caption }),
    /** The same heat map given another list of units, as when the organisation changes under it. */
    show: (units: number) => {
      rerender(<HeatMap weeks={overview.weeks} units={unitsOf(units)} caption={caption} />);
    },
  };
}

/** The unit rows rendered (the header row and the spacers left out), as [unit name, aria-rowindex]. */
function unitRows(table: HTMLElement): [string, string | null][] {
  return within(table)
    .getAllByRole('rowheader')
    .map((header) => [header.textContent, header.closest('tr')!.getAttribute('aria-rowindex')]);
}

function spacerHeights(table: HTMLElement): number[] {
  return [...table.querySelectorAll<HTMLTableCellElement>('tbody > tr[aria-hidden="true"] > td')].map((cell) => parseFloat(cell.style.height));
}

describe('HeatMap', () => {
  // Only the frames are faked: a scroll is handled in the next frame, which each test runs when it wants.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('heatMap_1000Units_NothingLaidOut_RendersTheFirst60RowsAndSaysHowManyThereAre', () => {
    const { table } = renderHeatMap(1000);

    expect(table.getAttribute('aria-rowcount')).toBe('1001');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(61);
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('1');
    expect(unitRows(table)).toEqual(Array.from({ length: 60 }, (_, i) => [`Enhet ${i + 1}`, String(i + 2)]));
    // The 940 rows not rendered are stood in for below, hidden from screen readers, which count them from aria-rowcount.
    expect(spacerHeights(table)).toHaveLength(1);
    expect(spacerHeights(table)[0]).toBeGreaterThan(0);
  });

  it('heatMap_1000Units_RendersOnlyTheRowsNearTheScreen', () => {
    layOut(1000);
    const { table } = renderHeatMap(1000);

    // 17 rows show under the page's top 200 px, and a screen (25 rows) more is ready below them.
    const rows = unitRows(table);
    expect(rows).toHaveLength(42);
    expect(rows[0]).toEqual(['Enhet 1', '2']);
    expect(rows.at(-1)).toEqual(['Enhet 42', '43']);
    expect(table.getAttribute('aria-rowcount')).toBe('1001');
    expect(spacerHeights(table)).toEqual([(1000 - 42) * rowHeight]);
  });

  it('heatMap_ScrolledToUnit600_RendersTheRowsThereWithTheirIndexesAndTheSpacersKeepTheHeight', () => {
    const page = layOut(1000);
    const { table } = renderHeatMap(1000);

    page.scrollTo(bodyTop + 599 * rowHeight);

    const rows = unitRows(table);
    expect(rows.length).toBeLessThan(100);
    expect(rows).toContainEqual(['Enhet 600', '601']);
    expect(rows).not.toContainEqual(['Enhet 1', '2']);
    // A screen above the screen is ready too, for scrolling back up or Shift+Tab.
    expect(rows).toContainEqual(['Enhet 580', '581']);
    const first = Number(rows[0]![1]) - 1;
    expect(rows).toEqual(rows.map((_, i) => [`Enhet ${first + i}`, String(first + i + 1)]));
    const [above, below] = spacerHeights(table);
    expect(above).toBe((first - 1) * rowHeight);
    expect(above! + rows.length * rowHeight + below!).toBe(1000 * rowHeight);
    expect(table.getAttribute('aria-rowcount')).toBe('1001');
  });

  it('heatMap_TabbingThroughTheUnitLinks_WalksDownPastWhereTheFirstRowsEnd', async () => {
    const page = layOut(1000);
    const { table } = renderHeatMap(1000);
    const user = userEvent.setup();
    within(table).getByRole('link', { name: 'Enhet 1' }).focus();

    // 80 units, past the 42 rendered at first: the window moves four times on the way. (A Tab in jsdom takes some
    // 50 ms here, all 1,000 would take a minute; a real browser walked all 1,000.)
    for (let unit = 2; unit <= 80; unit++) {
      await user.tab();
      const link = document.activeElement!;
      expect(link.textContent).toBe(`Enhet ${unit}`);
      expect(link.closest('tr')!.getAttribute('aria-rowindex')).toBe(String(unit + 1));
      // As the browser does with what gets focus below the screen: scrolls it up to the bottom edge.
      const bottom = bodyTop - page.scrolled + unit * rowHeight;
      if (bottom > screenHeight) page.scrollTo(page.scrolled + bottom - screenHeight);
      expect(table.querySelectorAll('tbody > tr[aria-rowindex]').length).toBeLessThan(100);
    }
    expect(within(table).queryByRole('link', { name: 'Enhet 1' })).toBeNull();
  }, 60_000);

  it('heatMap_FewerUnitsWhileScrolledPastThem_RendersTheLastOfTheNewListAndThenEveryRowBelowTheThreshold', () => {
    const page = layOut(1000);
    const { table, show } = renderHeatMap(1000);
    page.scrollTo(bodyTop + 599 * rowHeight);

    // Units archived or moved out while the page was scrolled to unit 600: the window held none of the 200 left.
    page.units = 200;
    show(200);

    const rows = unitRows(table);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)).toEqual(['Enhet 200', '201']);
    expect(table.getAttribute('aria-rowcount')).toBe('201');
    const [above, below = 0] = spacerHeights(table);
    expect(above! + rows.length * rowHeight + below).toBe(200 * rowHeight);

    page.units = 80;
    show(80);

    expect(unitRows(table)).toEqual(Array.from({ length: 80 }, (_, i) => [`Enhet ${i + 1}`, String(i + 2)]));
    expect(spacerHeights(table)).toEqual([]);
  });

  it('heatMap_50Units_RendersEveryRowWithoutSpacers', () => {
    layOut(50);
    const { table } = renderHeatMap(50);

    expect(unitRows(table)).toEqual(Array.from({ length: 50 }, (_, i) => [`Enhet ${i + 1}`, String(i + 2)]));
    expect(spacerHeights(table)).toEqual([]);
    expect(table.getAttribute('aria-rowcount')).toBe('51');
  });

  it('heatMap_101Units_IsWindowed', () => {
    layOut(101);
    const { table } = renderHeatMap(101);

    expect(unitRows(table)).toHaveLength(42);
    expect(spacerHeights(table)).toEqual([(101 - 42) * rowHeight]);
  });
});
