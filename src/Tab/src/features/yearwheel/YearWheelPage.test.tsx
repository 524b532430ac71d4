import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { yearWheel } from '../../test/fixtures';
import { fakeService, json, renderPage } from '../../test/render';
import { angleOfDate, localDate, point, centre } from './geometry';
import { YearWheelPage } from './YearWheelPage';

function openWheel() {
  window.location.hash = '#/yearwheel?year=2027';
  fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel) });
  renderPage(<YearWheelPage />);
  return screen.findByRole('group', { name: 'Årshjul 2027' });
}

describe('Year wheel geometry', () => {
  it('angleOfDate_RunsClockwiseFromNewYearAtTwelveOClock', () => {
    expect(angleOfDate('2027-01-01', 2027)).toBe(0);
    expect(angleOfDate('2027-04-01', 2027)).toBeCloseTo((90 * 360) / 365);
    expect(angleOfDate('2027-07-02', 2027)).toBeCloseTo((182 * 360) / 365);
    expect(angleOfDate('2028-12-31', 2028)).toBeCloseTo((365 * 360) / 366);
    expect(angleOfDate('2026-12-01', 2027)).toBe(0);
  });

  it('point_ZeroDegrees_IsStraightUpAndNinetyIsRight', () => {
    expect(point(0, 100)).toEqual({ x: centre, y: centre - 100 });
    expect(point(90, 100)).toEqual({ x: centre + 100, y: centre });
  });

  it('localDate_Instant_IsTheDateWhereTheViewerIs', () => {
    expect(localDate('2027-03-10T23:30:00+00:00')).toBe('2027-03-11');
    expect(localDate('2027-05-17')).toBe('2027-05-17');
  });
});

describe('Year wheel', () => {
  it('marks_OnePerEventInDateOrderPlacedByDate', async () => {
    const wheel = await openWheel();

    const marks = within(wheel).getAllByRole('button');
    expect(marks.map((mark) => mark.getAttribute('data-type'))).toEqual([
      'semiAnnualReview',
      'gembaWalk',
      'deadline',
      'holiday',
      'blackout',
      'fishboneAnalysis',
    ]);
    expect(marks.map((mark) => mark.getAttribute('data-date'))).toEqual(['2027-03-10', '2027-03-10', '2027-04-15', '2027-05-17', '2027-07-12', '2027-10-01']);
    for (const mark of marks) {
      expect(Number(mark.getAttribute('data-angle'))).toBeCloseTo(angleOfDate(mark.getAttribute('data-date')!, 2027), 1);
    }
    // 17 May (about 134°) lies in the lower right quarter of the clock face.
    const holiday = within(wheel).getByRole('button', { name: 'Helligdag: Grunnlovsdag, 17. mai 2027' });
    const [x, y] = firstPoint(holiday.getAttribute('d')!);
    expect(x).toBeGreaterThan(centre);
    expect(y).toBeGreaterThan(centre);
  });

  it('marks_NameEveryFactInWords', async () => {
    const wheel = await openWheel();

    expect(within(wheel).getByRole('button', { name: 'Halvårlig revisjon: Byggesak, 10. mars 2027, 09:00, Mona Strand, planlagt' })).toBeTruthy();
    expect(within(wheel).getByRole('button', { name: 'Ferie: Fellesferie, 12. juli 2027 – 1. aug. 2027' })).toBeTruthy();
    expect(within(wheel).getByRole('button', { name: /^Fiskebeinsanalyse: Hjemmetjenesten nord, .*, Kari Nordby, avlyst$/ })).toBeTruthy();
  });

  it('keyboard_OneTabStopThenArrowsMoveInDateOrderAndEnterShowsDetails', async () => {
    const wheel = await openWheel();
    const marks = within(wheel).getAllByRole('button');
    expect(marks.map((mark) => mark.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1', '-1']);

    marks[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(marks[1]);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(marks[2]);
    expect(marks[2]!.getAttribute('tabindex')).toBe('0');
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(marks[5]);
    await userEvent.keyboard('{Home}{ArrowRight}{Enter}');

    const details = screen.getByRole('region', { name: 'Detaljer' });
    expect(within(details).getByText('Gemba-gang')).toBeTruthy();
    expect(within(details).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
    expect(within(details).getByText('Mona Strand')).toBeTruthy();
  });

  it('click_OnAMark_ShowsItsDetails', async () => {
    const wheel = await openWheel();

    await userEvent.click(within(wheel).getByRole('button', { name: /^Rapporteringsfrist/ }));

    const details = screen.getByRole('region', { name: 'Detaljer' });
    expect(within(details).getByText('Rapport 1. kvartal')).toBeTruthy();
    expect(within(details).getByText('15. apr. 2027')).toBeTruthy();
  });

  it('list_HasTheSameEventsAsATable', async () => {
    await openWheel();

    const table = screen.getByRole('table', { name: 'Årshjul 2027' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    expect(rows[3]!.textContent).toBe('17. mai 2027HelligdagGrunnlovsdag');
    expect(within(rows[0]!).getByRole('link', { name: 'Byggesak' })).toBeTruthy();
  });

  it('yearButtons_LoadTheOtherYear', async () => {
    await openWheel();
    const service = fakeService({ 'GET /api/tab/yearwheel?year=2028': json({ year: 2028, appointments: [], holidays: [], blackouts: [], deadlines: [] }) });

    await userEvent.click(screen.getByRole('button', { name: 'Neste år' }));

    expect(await screen.findByText('Ingen hendelser dette året.')).toBeTruthy();
    expect(service.calls.map((call) => call.url)).toEqual(['/api/tab/yearwheel?year=2028']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Årshjul 2028');
  });
});

function firstPoint(d: string): [number, number] {
  const match = /^M(-?[\d.]+) (-?[\d.]+)/.exec(d);
  return [Number(match?.[1]), Number(match?.[2])];
}
