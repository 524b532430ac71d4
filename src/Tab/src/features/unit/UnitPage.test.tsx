import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { UnitPage } from './UnitPage';

describe('Unit', () => {
  it('kanban_HasAColumnPerStageWithItsImprovements', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    const board = screen.getByRole('region', { name: 'Forbedringer' });
    const columns = within(board).getAllByRole('region');
    expect(columns.map((column) => within(column).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Foreslått (2)',
      'Pågår (1)',
      'Ferdig (0)',
      'Gevinst realisert (1)',
      'Avvist (0)',
    ]);
    const suggested = within(board).getByRole('region', { name: 'Foreslått (2)' });
    expect(within(suggested).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'Sjekkliste for komplett søknad',
      'Felles innboks',
    ]);
    // The owner is the person the board named, not whoever typed the idea.
    expect(within(within(board).getByRole('region', { name: 'Pågår (1)' })).queryByText('Ansvarlig: Linn Aasen')).not.toBeNull();
    expect(within(within(board).getByRole('region', { name: 'Pågår (1)' })).queryByText('Frist: 15. des. 2026')).not.toBeNull();
    expect(within(suggested).getAllByText('Ingen ansvarlig')).toHaveLength(2);
    expect(within(within(board).getByRole('region', { name: 'Avvist (0)' })).queryByText('Ingen')).not.toBeNull();
  });

  it('goals_ShowStatusInWordsAndTheTraceToTheOverallGoal', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const goals = await screen.findByRole('region', { name: 'Mål' });
    const [first, second] = within(goals).getAllByRole('listitem');
    expect(first!.textContent).toContain('Status: grønn');
    const trace = [...first!.querySelectorAll('span[aria-hidden="true"]')].map((arrow) => arrow.parentElement?.textContent);
    expect(trace.join('').replace(/, /g, '')).toBe('→ Effektiv saksbehandling → Brukeren i sentrum');
    expect(first!.textContent).toContain('Bidrar til: ');
    expect(second!.textContent).toContain('Status: ingen status');
  });

  it('goals_ALinkedGoalSaysNothingMore_AnUnlinkedGoalSaysItIsNotLinked', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const goals = await screen.findByRole('region', { name: 'Mål' });
    const [linked, unlinked] = within(goals).getAllByRole('listitem');
    expect(linked!.textContent).not.toContain('Ikke knyttet');
    expect(unlinked!.textContent).toContain('Ikke knyttet til et overordnet mål ennå');
  });

  it('followUps_OverdueIsSaidInWords', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await screen.findByRole('table', { name: 'Oppfølgingsområder' });
    const overdue = within(table).getByRole('cell', { name: 'Oppdatere prosessbeskrivelsen' }).closest('tr')!;
    const onTime = within(table).getByRole('cell', { name: 'Måle ventetid i skranken' }).closest('tr')!;
    expect(overdue.textContent).toContain('åpen, ⚠ forfalt');
    expect(onTime.textContent).not.toContain('forfalt');
    expect(overdue.textContent).toContain('15. okt. 2026');
  });

  it.each([
    ['nb', 'tidligere ansatt'],
    ['sv', 'tidigare anställd'],
    ['en', 'former employee'],
  ] as const)('followUps_OwnerErased_In_%s_ShowsFormerEmployeeInWordsNotTheMarker', async (locale, expected) => {
    const erased = { ...byggesak, followUps: byggesak.followUps.map((f) => ({ ...f, owner: 'former-employee' })) };
    fakeService({ 'GET /api/tab/units/byggesak': json(erased) });
    renderPage(<UnitPage unitId="byggesak" />, { locale });

    const table = (await screen.findByRole('cell', { name: 'Oppdatere prosessbeskrivelsen' })).closest('table')!;
    expect(within(table).getAllByRole('cell', { name: expected })).toHaveLength(2);
    expect(table.textContent).not.toContain('former-employee');
  });

  it('deviationsAndBenefits_AreTablesWithTheAffectedUnits', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const deviations = await screen.findByRole('table', { name: 'Avvik' });
    expect(within(deviations).queryByRole('cell', { name: 'Tavlemøtet startet 10 minutter for sent' })).not.toBeNull();
    const benefits = screen.getByRole('table', { name: 'Gevinster' });
    expect(within(benefits).getAllByRole('row')[1]!.textContent).toBe('Spart tid3,5 timerrealisertRealisert: 3,5 timer den 18. nov. 202618. nov. 2026ServicetorgetRegistrer trinnRettSlett');
  });

  it('unit_NotVisibleToTheCaller_ShowsNotFound', async () => {
    fakeService({ 'GET /api/tab/units/annen': problem(404, { title: 'Not Found' }) });
    renderPage(<UnitPage unitId="annen" />);

    expect((await screen.findByRole('alert')).textContent).toContain('Fant ikke siden');
  });
});
