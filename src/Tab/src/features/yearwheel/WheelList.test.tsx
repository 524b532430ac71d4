import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../shared/i18n/format';
import { nb } from '../../shared/i18n/nb';
import { yearWheel } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { wheelItems, type WheelItem } from './items';
import { monthOf, WheelList } from './WheelList';

const items = wheelItems(yearWheel, { t: nb, fmt: createFormatters('nb') });

/** The list as the page uses it: one item open at a time, its details a line naming it. */
function Harness({ list = items }: { list?: WheelItem[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <WheelList year={2027} items={list} openId={openId} onOpen={(item) => setOpenId(item?.id ?? null)} details={(item) => <p>Detaljer om {item.what}</p>} />
  );
}

describe('Year wheel list', () => {
  it('list_Items_UnderAHeadingPerMonthInDateOrder', () => {
    renderPage(<Harness />);

    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Mars', 'April', 'Mai', 'Juli', 'Oktober']);
    const march = screen.getByRole('list', { name: 'Mars' });
    expect(within(march).getAllByRole('button').map((button) => button.textContent)).toEqual([
      '10. mars 2027, 09:00Halvårlig revisjon: Byggesak',
      '10. mars 2027, 12:00Gemba-besøk: Byggesak',
    ]);
    expect(within(screen.getByRole('list', { name: 'Oktober' })).getByRole('button').textContent).toMatch(/Fiskebeinsanalyse: Hjemmetjenesten nord \(avlyst\)$/);
    expect(screen.getAllByRole('button')).toHaveLength(items.length);
  });

  it('item_TabThenEnter_ShowsItsDetailsBelowIt', async () => {
    renderPage(<Harness />);

    await userEvent.tab();
    await userEvent.tab();
    const gemba = screen.getByRole('button', { name: /Gemba-besøk: Byggesak/ });
    expect(document.activeElement).toBe(gemba);
    expect(gemba.getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{Enter}');

    expect(gemba.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(gemba.getAttribute('aria-controls')!);
    expect(panel?.textContent).toBe('Detaljer om Byggesak');
    expect(gemba.closest('li')?.contains(panel)).toBe(true);
    expect(screen.getAllByText(/^Detaljer om/)).toHaveLength(1);
  });

  it('item_OpeningAnother_ClosesTheFirstAndEnterAgainCloses', async () => {
    renderPage(<Harness />);
    const holiday = screen.getByRole('button', { name: /Helligdag: Grunnlovsdag/ });
    const deadline = screen.getByRole('button', { name: /Rapporteringsfrist/ });

    await userEvent.click(holiday);
    await userEvent.click(deadline);

    expect(holiday.getAttribute('aria-expanded')).toBe('false');
    expect(deadline.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByText(/^Detaljer om/).map((p) => p.textContent)).toEqual(['Detaljer om Rapport 1. kvartal']);
    deadline.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryAllByText(/^Detaljer om/)).toHaveLength(0);
  });

  it('list_NoItems_SaysSo', () => {
    renderPage(<Harness list={[]} />);

    expect(screen.queryByText('Ingen hendelser dette året.')).not.toBeNull();
    expect(screen.queryAllByRole('heading')).toHaveLength(0);
  });

  it('monthOf_PeriodFromLastOrIntoNextYear_IsListedInJanuaryOrDecember', () => {
    const period = (from: string): WheelItem => ({ id: from, type: 'blackout', from, to: null, what: 'Jul', label: 'Jul', when: from, appointment: null });

    expect(monthOf(period('2026-12-20'), 2027)).toBe(0);
    expect(monthOf(period('2027-12-20'), 2027)).toBe(11);
    expect(monthOf(period('2028-01-02'), 2027)).toBe(11);
    expect(monthOf(period('2027-07-12'), 2027)).toBe(6);
  });
});
