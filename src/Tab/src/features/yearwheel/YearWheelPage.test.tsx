import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Appointment, AppointmentChanged } from '../../shared/api/types';
import { yearWheel } from '../../test/fixtures';
import { fakeService, json, pageOpened, problem, renderPage } from '../../test/render';
import { angleOfDate, localDate, point, centre } from './geometry';
import type { WheelItem } from './items';
import { overlapping, periodEnd } from './YearWheel';
import { YearWheelPage } from './YearWheelPage';

async function openWheel() {
  window.location.hash = '#/yearwheel?year=2027';
  fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel) });
  renderPage(<YearWheelPage />);
  // The keyboard test focuses a mark: after the page's heading has taken its focus.
  await pageOpened();
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

  it('periodEnd_PeriodIntoNextYear_StopsAtNewYearInsteadOfCoveringItsFirstDay', () => {
    const period = (from: string, to: string): WheelItem => ({ id: from, type: 'blackout', from, to, what: 'Juleuka', label: 'Juleuka', when: from, appointment: null });

    expect(periodEnd(period('2026-12-26', '2027-01-01'), angleOfDate('2026-12-26', 2026), 2026)).toBe(360);
    expect(periodEnd(period('2026-07-06', '2026-07-26'), angleOfDate('2026-07-06', 2026), 2026)).toBeCloseTo(angleOfDate('2026-07-27', 2026));
  });

  it('overlapping_HolidayHalfUnderTheBandThatEndsTheYear_IsOfferedByTheBand', () => {
    const item = (type: WheelItem['type'], from: string, to: string | null, what: string): WheelItem => ({ id: what, type, from, to, what, label: what, when: from, appointment: null });
    const christmas = item('blackout', '2026-12-24', '2027-01-01', 'Juleuka');
    const newYear = item('holiday', '2026-01-01', null, 'Første nyttårsdag');
    const midsummer = item('holiday', '2026-06-24', null, 'Sankthans');
    const reviews = ['Plan', 'Skole'].map((unit) => item('semiAnnualReview', '2026-03-10', null, unit));

    const covering = overlapping([newYear, ...reviews, midsummer, christmas], 2026);

    expect(covering.get('Juleuka')?.map((i) => i.what)).toEqual(['Første nyttårsdag']);
    expect(covering.get('Plan')?.map((i) => i.what)).toEqual(['Skole']);
    expect(covering.has('Sankthans')).toBe(false);
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

    expect(within(wheel).queryByRole('button', { name: 'Halvårlig revisjon: Byggesak, 10. mars 2027, 09:00, Mona Strand, planlagt' })).not.toBeNull();
    expect(within(wheel).queryByRole('button', { name: 'Ferie: Fellesferie, 12. juli 2027 – 1. aug. 2027' })).not.toBeNull();
    expect(within(wheel).queryByRole('button', { name: /^Fiskebeinsanalyse: Hjemmetjenesten nord, .*, Kari Nordby, avlyst$/ })).not.toBeNull();
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
    expect(within(details).queryByText('Gemba-besøk')).not.toBeNull();
    expect(within(details).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
    expect(within(details).queryByText('Mona Strand')).not.toBeNull();
  });

  it('click_OnAMark_ShowsItsDetails', async () => {
    const wheel = await openWheel();

    await userEvent.click(within(wheel).getByRole('button', { name: /^Rapporteringsfrist/ }));

    const details = screen.getByRole('region', { name: 'Detaljer' });
    expect(within(details).queryByText('Rapport 1. kvartal')).not.toBeNull();
    expect(within(details).queryByText('15. apr. 2027')).not.toBeNull();
  });

  it('list_ItemOpened_ShowsTheSameDetailsAsTheWheelBelowIt', async () => {
    await openWheel();
    const list = screen.getByRole('region', { name: 'Hendelser som liste' });
    expect(within(list).getAllByRole('button')).toHaveLength(6);

    const item = within(list).getByRole('button', { name: /Gemba-besøk: Byggesak/ });
    await userEvent.click(item);

    const panel = document.getElementById(item.getAttribute('aria-controls')!)!;
    expect(item.closest('li')?.contains(panel)).toBe(true);
    expect(within(panel).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
    expect(within(panel).queryByText('Mona Strand')).not.toBeNull();
    expect(within(panel).queryByRole('group', { name: 'Endre Gemba-besøk Byggesak' })).not.toBeNull();
  });

  it('list_ChangeStartedThere_ShowsTheOutcomeThereToo', async () => {
    window.location.hash = '#/yearwheel?year=2027';
    const walk = yearWheel.appointments[1]!;
    fakeService({
      'GET /api/tab/yearwheel?year=2027': json(yearWheel),
      'POST /api/tab/yearwheel/2027/appointments/a2/cancel': json({ appointment: { ...walk, status: 'cancelled', etag: 'W/"e9"' }, told: 1, warnings: [] }),
    });
    renderPage(<YearWheelPage />);
    const list = await screen.findByRole('region', { name: 'Hendelser som liste' });
    const item = within(list).getByRole('button', { name: /Gemba-besøk: Byggesak/ });
    await userEvent.click(item);

    await userEvent.click(within(list).getByRole('button', { name: 'Avlys' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Avlys avtalen' }));

    const panel = document.getElementById(item.getAttribute('aria-controls')!)!;
    expect(await within(panel).findAllByText('Lagret. 1 person får beskjed.')).toHaveLength(1);
    // Only there: the panel beside the wheel, a screen away on a phone, does not repeat it.
    expect(screen.getAllByText(/^Lagret/)).toHaveLength(1);
  });

  it('marksThatCoverEachOther_DetailsOfferEveryOtherOne', async () => {
    const review = yearWheel.appointments[0]!;
    const sameDay = ['Plan', 'Skole'].map((unit, index) => ({ ...review, id: `r${index}`, unitId: unit.toLowerCase(), unitName: unit, start: `2027-03-10T1${index}:00:00+01:00` }));
    window.location.hash = '#/yearwheel?year=2027';
    fakeService({ 'GET /api/tab/yearwheel?year=2027': json({ ...yearWheel, appointments: [review, ...sameDay] }) });
    renderPage(<YearWheelPage />);
    const wheel = await screen.findByRole('group', { name: 'Årshjul 2027' });

    await userEvent.click(within(wheel).getByRole('button', { name: /^Halvårlig revisjon: Plan/ }));

    const details = screen.getByRole('region', { name: 'Detaljer' });
    const others = within(details).getAllByRole('button', { name: /^Halvårlig revisjon/ });
    expect(others.map((button) => button.textContent.split(',')[0])).toEqual(['Halvårlig revisjon: Byggesak', 'Halvårlig revisjon: Skole']);
    await userEvent.click(others[1]!);
    expect(within(details).getByRole('link', { name: 'Skole' }).getAttribute('href')).toBe('#/unit/skole');
  });

  it('yearButtons_LoadTheOtherYear', async () => {
    await openWheel();
    const service = fakeService({ 'GET /api/tab/yearwheel?year=2028': json({ year: 2028, appointments: [], holidays: [], blackouts: [], deadlines: [], people: [] }) });

    await userEvent.click(screen.getByRole('button', { name: 'Neste år' }));

    expect(await screen.findAllByText('Ingen hendelser dette året.')).toHaveLength(1);
    expect(service.calls.map((call) => call.url)).toEqual(['/api/tab/yearwheel?year=2028']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Årshjul 2028');
  });
});

describe('Year wheel changes', () => {
  const walk = yearWheel.appointments[1]!;
  const walkPath = '/api/tab/yearwheel/2027/appointments/a2';

  async function openWalk(routes: Parameters<typeof fakeService>[0] = {}) {
    window.location.hash = '#/yearwheel?year=2027';
    const service = fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel), ...routes });
    renderPage(<YearWheelPage />);
    const wheel = await screen.findByRole('group', { name: 'Årshjul 2027' });
    await userEvent.click(within(wheel).getByRole('button', { name: /^Gemba-besøk: Byggesak/ }));
    return { service, details: screen.getByRole('region', { name: 'Detaljer' }) };
  }

  function changed(appointment: Partial<Appointment>, told: number, warnings: string[] = []): AppointmentChanged {
    return { appointment: { ...walk, etag: 'W/"e9"', ...appointment }, told, warnings };
  }

  // Pasted rather than typed: each keystroke re-renders the form, which is slow on a busy machine.
  async function replaceValue(input: HTMLElement, value: string) {
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste(value);
  }

  it('details_AppointmentTheCallerMayManage_OffersMoveCancelAndNewOwner', async () => {
    const { details } = await openWalk();

    const group = within(details).getByRole('group', { name: 'Endre Gemba-besøk Byggesak' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Flytt', 'Avlys', 'Ny ansvarlig']);
  });

  it('details_CancelledOrNotTheCallers_OffersNoChange', async () => {
    window.location.hash = '#/yearwheel?year=2027';
    fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel) });
    renderPage(<YearWheelPage />);
    const wheel = await screen.findByRole('group', { name: 'Årshjul 2027' });

    await userEvent.click(within(wheel).getByRole('button', { name: /^Fiskebeinsanalyse/ }));

    expect(within(screen.getByRole('region', { name: 'Detaljer' })).queryByRole('group', { name: /^Endre / })).toBeNull();
  });

  it('move_NewDateAndTime_SendsThemWithTheETagAndShowsTheNewTimeAndWhoWasTold', async () => {
    const { service, details } = await openWalk({
      [`POST ${walkPath}/move`]: json(changed({ start: '2027-03-09T13:00:00+01:00', end: '2027-03-09T14:00:00+01:00' }, 2)),
    });

    await userEvent.click(within(details).getByRole('button', { name: 'Flytt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Flytt Gemba-besøk Byggesak' });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Ny dato/).value).toBe('2027-03-10');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Nytt klokkeslett/).value).toBe('12:00');
    await replaceValue(within(dialog).getByLabelText(/Ny dato/), '2027-03-09');
    await replaceValue(within(dialog).getByLabelText(/Nytt klokkeslett/), '13:00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(details).findAllByText('Lagret. 2 personer får beskjed.')).toHaveLength(1);
    const post = service.calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({ date: '2027-03-09', time: '13:00', etag: 'W/"e2"' });
    expect(within(details).queryByText(/9\. mars 2027.*13:00/)).not.toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('move_ServiceRefusesTheDate_ShowsItsReasonInTheUsersLanguageUnderTheDateAndKeepsTheDialog', async () => {
    await openWalk({
      [`POST ${walkPath}/move`]: problem(400, {
        title: 'Check the highlighted field',
        code: 'publicHoliday',
        name: 'Grunnlovsdag',
        errors: { date: ['The date is a public holiday (Grunnlovsdag). Choose a working day.'] },
      }),
    });

    await userEvent.click(within(screen.getByRole('region', { name: 'Detaljer' })).getByRole('button', { name: 'Flytt' }));
    const dialog = await screen.findByRole('dialog');
    await replaceValue(within(dialog).getByLabelText(/Ny dato/), '2027-05-17');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const date = await within(dialog).findByLabelText(/Ny dato/);
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(date)).toBe('Datoen er en helligdag (Grunnlovsdag). Velg en arbeidsdag.');
  });

  it('move_ChangedMeanwhile_SaysSoAndOffersToReload', async () => {
    const { service } = await openWalk({ [`POST ${walkPath}/move`]: problem(412, { title: 'Changed meanwhile' }) });

    await userEvent.click(within(screen.getByRole('region', { name: 'Detaljer' })).getByRole('button', { name: 'Flytt' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Noen andre har endret avtalen');
    expect(within(dialog).getByRole('button', { name: 'Lagre' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(alert).getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(service.calls.filter((call) => call.url === '/api/tab/yearwheel?year=2027')).toHaveLength(2));
  });

  it('cancel_Confirmed_SendsTheETagAndShowsItCancelledWithTheNotes', async () => {
    const { service, details } = await openWalk({
      [`POST ${walkPath}/cancel`]: json(changed({ status: 'cancelled' }, 1, ['Merk noe.'])),
    });

    await userEvent.click(within(details).getByRole('button', { name: 'Avlys' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avlys Gemba-besøk Byggesak' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avlys avtalen' }));

    expect(await within(details).findAllByText('Lagret. 1 person får beskjed.')).toHaveLength(1);
    expect(within(details).queryByText('Merk: Merk noe.')).not.toBeNull();
    expect(within(details).queryByText('avlyst')).not.toBeNull();
    expect(within(details).queryByRole('group', { name: 'Endre Gemba-besøk Byggesak' })).toBeNull();
    expect(service.calls.find((call) => call.method === 'POST')!.body).toEqual({ etag: 'W/"e2"' });
  });

  it('owner_ChoosesAnotherPerson_SendsTheirIdAndShowsTheNewOwner', async () => {
    const { service, details } = await openWalk({
      [`POST ${walkPath}/owner`]: json(changed({ owner: 'Petter Aas', ownerId: 'petter.aas@fjordvik.kommune.no', canManage: true }, 3)),
    });

    await userEvent.click(within(details).getByRole('button', { name: 'Ny ansvarlig' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny ansvarlig for Gemba-besøk Byggesak' });
    const select = within(dialog).getByLabelText(/Ny ansvarlig/);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Velg en person', 'Petter Aas']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(service.calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await userEvent.selectOptions(select, 'petter.aas@fjordvik.kommune.no');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(details).findAllByText('Lagret. 3 personer får beskjed.')).toHaveLength(1);
    expect(within(details).queryByText('Petter Aas')).not.toBeNull();
    expect(service.calls.find((call) => call.method === 'POST')!.body).toEqual({ ownerId: 'petter.aas@fjordvik.kommune.no', etag: 'W/"e2"' });
  });
});

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

function firstPoint(d: string): [number, number] {
  const match = /^M(-?[\d.]+) (-?[\d.]+)/.exec(d);
  return [Number(match?.[1]), Number(match?.[2])];
}
