import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UnitBenefit, UnitDetails } from '../../shared/api/types';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { UnitPage } from './UnitPage';

const hours = byggesak.benefits[0]!;
const url = 'PUT /api/tab/units/byggesak/benefits/c20261118-b0';
const deleteUrl = 'DELETE /api/tab/units/byggesak/benefits/c20261118-b0';

/** The unit page answers with `before` until something was sent, then with `after`. */
function unitBeforeAndAfter(after: UnitDetails, routes: Record<string, Response | (() => Response)>) {
  let sent = false;
  const wrapped = Object.fromEntries(
    Object.entries(routes).map(([route, answer]) => [
      route,
      () => {
        sent = true;
        return typeof answer === 'function' ? answer() : answer.clone();
      },
    ]),
  );
  return fakeService({ 'GET /api/tab/units/byggesak': () => json(sent ? after : byggesak), ...wrapped });
}

function withBenefits(benefits: UnitBenefit[]): UnitDetails {
  return { ...byggesak, benefits };
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

async function benefitsTable() {
  return screen.findByRole('table', { name: 'Gevinster' });
}

async function openCorrection() {
  await userEvent.click(within(await benefitsTable()).getByRole('button', { name: 'Rett gevinsten 3,5 timer, Spart tid' }));
  return screen.findByRole('dialog', { name: 'Rett gevinsten' });
}

async function typeAmount(dialog: HTMLElement, amount: string) {
  const input = within(dialog).getByLabelText(/Verdi/);
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(amount);
  return input;
}

describe('Benefits', () => {
  it('flaggedFigure_IsMarkedAsLeftOutOfTheSums', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const rows = within(await benefitsTable()).getAllByRole('row');
    expect(rows[1]!.textContent).not.toContain('holdt utenfor');
    expect(rows[2]!.textContent).toContain('holdt utenfor summene: ugyldig beløp');
  });

  it('correct_SendsTheFiguresAsTypedWithTheETagAndShowsTheUnitAsItNowIs', async () => {
    const corrected: UnitBenefit = { ...hours, amount: 7.5, correctedBy: 'Jonas Vik', etag: 'W/"b9"' };
    const service = unitBeforeAndAfter(withBenefits([corrected, byggesak.benefits[1]!]), { [url]: json(corrected) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openCorrection();
    await typeAmount(dialog, '7.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByText('Gevinsten er rettet: 7,5 timer, Spart tid.')).toHaveLength(1);
    expect(service.calls.find((call) => call.method === 'PUT')!.body).toEqual({ kind: 'timeSaved', measure: 'hours', amount: '7.5', etag: 'W/"b1"' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(await benefitsTable()).getAllByRole('row')[1]!.textContent).toContain('7,5 timer');
  });

  it.each([
    ['NaN', 'Skriv et vanlig tall, for eksempel 12.5.'],
    ['1e400', 'Skriv et vanlig tall, for eksempel 12.5.'],
    ['12,5', 'Skriv et vanlig tall, for eksempel 12.5.'],
    ['-5', 'Skriv et tall over 0 og høyst 100\u00a0000 (timer), med høyst to desimaler.'],
    ['100000.5', 'Skriv et tall over 0 og høyst 100\u00a0000 (timer), med høyst to desimaler.'],
    ['1.005', 'Skriv et tall over 0 og høyst 100\u00a0000 (timer), med høyst to desimaler.'],
  ])('correct_AmountOutOfBounds_%s_IsNamedAtTheAmountAndNothingIsSent', async (amount, message) => {
    const service = fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openCorrection();
    const input = await typeAmount(dialog, amount);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toBe(message);
    expect(service.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });

  it('correct_PlacesAreWholeNumbers', async () => {
    const service = fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openCorrection();
    await userEvent.selectOptions(within(dialog).getByLabelText(/Måleenhet/), 'frigjorte plasser');
    const input = await typeAmount(dialog, '10.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(describedBy(input)).toBe('Skriv et heltall fra 1 til 10\u00a0000 (frigjorte plasser).');
    expect(service.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });

  it('correct_ServiceRefusesTheAmount_ShowsItsMessageAtTheField', async () => {
    unitBeforeAndAfter(byggesak, { [url]: problem(400, { title: 'Check the highlighted fields', errors: { amount: ['Give a number above 0 and at most 100,000 (hours).'] } }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openCorrection();
    const input = await typeAmount(dialog, '8');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await screen.findByText('Give a number above 0 and at most 100,000 (hours).');
    expect(describedBy(input)).toBe('Give a number above 0 and at most 100,000 (hours).');
  });

  it('correct_SomeoneChangedItMeanwhile_SaysSoAndShowsTheUnitAsItNowIs', async () => {
    const theirs: UnitBenefit = { ...hours, amount: 6, etag: 'W/"b7"' };
    unitBeforeAndAfter(withBenefits([theirs]), { [url]: problem(412, { title: 'Changed meanwhile' }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openCorrection();
    await typeAmount(dialog, '8');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByText('Noen andre har endret gevinsten i mellomtiden. Listen er oppdatert.')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(await benefitsTable()).getAllByRole('row')[1]!.textContent).toContain('6 timer');
  });

  it('delete_AsksFirstThenSendsTheETagAsIfMatch', async () => {
    const service = unitBeforeAndAfter(withBenefits([byggesak.benefits[1]!]), { [deleteUrl]: new Response(null, { status: 204 }) });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await benefitsTable()).getByRole('button', { name: 'Slett gevinsten 3,5 timer, Spart tid' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette gevinsten?' });
    expect(service.calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett' }));

    expect(await screen.findAllByText('Gevinsten 3,5 timer, Spart tid er slettet.')).toHaveLength(1);
    const sent = service.calls.find((call) => call.method === 'DELETE')!;
    expect(sent.headers.get('If-Match')).toBe('W/"b1"');
    expect(within(await benefitsTable()).getAllByRole('row')).toHaveLength(2);
    expect(document.activeElement).toBe(await benefitsTable());
  });

  it('delete_GoneAlready_SaysSoAndShowsTheUnitAsItNowIs', async () => {
    unitBeforeAndAfter(withBenefits([byggesak.benefits[1]!]), { [deleteUrl]: problem(404, { title: 'Not found' }) });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await benefitsTable()).getByRole('button', { name: /^Slett gevinsten 3,5/ }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Slett' }));

    expect(await screen.findAllByText('Noen andre har endret gevinsten i mellomtiden. Listen er oppdatert.')).toHaveLength(1);
  });

  it('noRights_ShowsNoActionColumnAndNoButtons', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canCorrectBenefits: false, canWorkOnBoard: false }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await benefitsTable();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).not.toContain('Handling');
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
  });
});
