import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OverviewUnit } from '../../shared/api/types';
import { coordinator, delivery, overview, unitLeader } from '../../test/fixtures';
import { type Call, fakeService, json, renderPage } from '../../test/render';
import { OverviewPage } from './OverviewPage';

/** A municipality's 1,000 units, "Enhet 1" to "Enhet 1000", with some of them given the names of `named`. */
function thousandUnits(named: Record<number, string> = {}): OverviewUnit[] {
  const template = overview.units[0]!;
  return Array.from({ length: 1000 }, (_, i) => ({ ...template, id: `enhet-${i + 1}`, name: named[i + 1] ?? `Enhet ${i + 1}`, helpNeeded: null }));
}

async function renderThousandUnits(named: Record<number, string> = {}, locale: 'nb' | 'sv' = 'nb') {
  fakeService({ 'GET /api/tab/overview': json({ ...overview, units: thousandUnits(named) }) });
  renderPage(<OverviewPage />, { locale });
  const caption = locale === 'nb' ? 'Tavlemøter de siste 12 ukene' : 'Tavelmöten de senaste 12 veckorna';
  await screen.findByRole('table', { name: caption });
  return {
    table: () => screen.queryByRole('table', { name: caption }),
    field: screen.getByRole('searchbox', { name: locale === 'nb' ? 'Finn enhet' : 'Hitta enhet' }),
  };
}

function rowNames(table: HTMLElement | null): (string | null)[] {
  return table ? within(table).getAllByRole('rowheader').map((cell) => cell.textContent) : [];
}

describe('Overview', () => {
  it('heatMap_Fixture_HasOneRowPerUnitAndOneNamedColumnPerWeek', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const table = await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers[0]).toBe('Enhet');
    expect(headers.slice(1, 13)).toEqual(Array.from({ length: 12 }, (_, i) => `Uke ${36 + i}${36 + i}`));
    expect(within(table).queryByRole('columnheader', { name: 'Uke 47' })).not.toBeNull();
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Byggesak', 'Hjemmetjenesten nord']);
  });

  it('heatMap_ScrollsSidewaysInItsOwnNamedRegionThatTakesFocus', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const region = await screen.findByRole('region', { name: 'Tavlemøter de siste 12 ukene (kan rulles sideveis)' });
    expect(region.tabIndex).toBe(0);
    expect(within(region).queryByRole('table', { name: 'Tavlemøter de siste 12 ukene' })).not.toBeNull();
  });

  it('heatMap_EachStatus_SaysWeekAndStatusInWordsWithASymbol', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const row = (await screen.findByRole('rowheader', { name: 'Byggesak' })).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    const expected: [string, string][] = [
      ['Uke 36: holdt', '✓'],
      ['Uke 38: ikke holdt', '✕'],
      ['Uke 40: ikke rapportert', '?'],
      ['Uke 42: fridag', '–'],
      ['Uke 47: ikke ennå', '…'],
    ];
    for (const [label, symbol] of expected) {
      const cell = within(row).getByRole('cell', { name: label });
      expect(within(cell).getByRole('img', { name: label }).textContent).toBe(symbol);
      expect(cell.getAttribute('title')).toBe(label);
    }
    expect(cells).toHaveLength(14);
    // Weeks off and this week's meeting do not count: 8 of the 10 counted weeks were held.
    expect(cells[12]!.textContent).toBe('8 av 10');
  });

  it('heatMap_Improvements_CountsOfTheRecordsInWords', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const table = await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    expect(within(table).getAllByRole('columnheader').at(-1)!.textContent).toBe('Forbedringer');
    const row = within(table).getByRole('rowheader', { name: 'Byggesak' }).closest('tr')!;
    expect(within(row).getAllByRole('cell').at(-1)!.textContent).toBe('4 nye · 1 pågår · 2 ferdige');
  });

  it('heatMap_Swedish_SaysVecka', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />, { locale: 'sv' });

    expect(await screen.findAllByRole('cell', { name: 'Vecka 47: inte ännu' })).toHaveLength(1);
    expect(screen.queryByRole('table', { name: 'Tavelmöten de senaste 12 veckorna' })).not.toBeNull();
  });

  it('unitName_LinksToTheUnitPage', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const table = await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    expect(within(table).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
  });

  it('unitsNeedingHelp_ListsOnlyThoseWhoAsked', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const region = await screen.findByRole('region', { name: 'Enheter som trenger hjelp' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Byggesak: Hjelp med verdistrømanalyse']);
    expect(within(region).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
  });

  it('benefitsLeftOut_NamesEachUnitWithALinkToItsPage', async () => {
    fakeService({ 'GET /api/tab/overview': json({ ...overview, benefitsLeftOut: [{ unitId: 'byggesak', name: 'Byggesak', count: 2 }] }) });
    renderPage(<OverviewPage />);

    const heading = await screen.findByRole('heading', { name: 'Gevinsttall holdt utenfor' });
    const section = heading.closest('section') ?? heading.parentElement!;
    const item = within(section).getByRole('listitem');
    expect(item.textContent).toBe('Byggesak: 2 holdt utenfor');
    expect(within(item).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toContain('byggesak');
  });

  it('benefitsLeftOut_None_ShowsNoSuchSection', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    expect(screen.queryByRole('heading', { name: 'Gevinsttall holdt utenfor' })).toBeNull();
  });

  it('areaFilter_ChoosingAnArea_AsksTheServiceForItAndShowsOnlyItsUnits', async () => {
    const onlyHelse = { ...overview, units: overview.units.filter((unit) => unit.areaId === 'helse-og-omsorg') };
    const service = fakeService({
      'GET /api/tab/overview': json(overview),
      'GET /api/tab/overview?area=helse-og-omsorg': json(onlyHelse),
    });
    renderPage(<OverviewPage />);
    await screen.findByRole('rowheader', { name: 'Byggesak' });

    await userEvent.selectOptions(screen.getByLabelText('Tjenesteområde'), 'Helse og omsorg');

    expect(await screen.findAllByRole('rowheader', { name: 'Hjemmetjenesten nord' })).toHaveLength(1);
    expect(screen.queryByRole('rowheader', { name: 'Byggesak' })).toBeNull();
    expect(overviewCalls(service.calls)).toEqual(['/api/tab/overview', '/api/tab/overview?area=helse-og-omsorg']);
    expect(screen.getByRole('combobox', { name: 'Tjenesteområde' })).toHaveProperty('value', 'helse-og-omsorg');
  });

  it('areaFilter_OneArea_IsNotOffered', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />, { me: unitLeader });

    await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    expect(screen.queryByLabelText('Tjenesteområde')).toBeNull();
    expect(coordinator.areas).toHaveLength(2);
  });

  it('areaPinned_StartsFilteredToThatArea', async () => {
    const onlyHelse = { ...overview, units: overview.units.filter((unit) => unit.areaId === 'helse-og-omsorg') };
    const service = fakeService({ 'GET /api/tab/overview?area=helse-og-omsorg': json(onlyHelse) });
    renderPage(<OverviewPage areaId="helse-og-omsorg" />);

    expect(await screen.findAllByRole('rowheader', { name: 'Hjemmetjenesten nord' })).toHaveLength(1);
    expect(screen.queryByRole('rowheader', { name: 'Byggesak' })).toBeNull();
    expect(overviewCalls(service.calls)).toEqual(['/api/tab/overview?area=helse-og-omsorg']);
    expect(screen.getByRole('combobox', { name: 'Tjenesteområde' })).toHaveProperty('value', 'helse-og-omsorg');
  });

  it('areaPinned_ViewerWhoCannotSeeThatArea_GetsWhatTheyCanSee', async () => {
    const service = fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage areaId="helse-og-omsorg" />, { me: unitLeader });

    await screen.findByRole('rowheader', { name: 'Byggesak' });
    expect(service.calls.map((call) => call.url)).toEqual(['/api/tab/overview']);
  });

  it('benefitsChart_HasAFigurePerKindAndATableWithTheSameNumbers', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<OverviewPage />);

    const figure = await screen.findByRole('figure', { name: 'Spart tid (timer): 9,5' });
    expect(figure.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const monthly = within(figure).getByRole('table', { name: 'Realisert per måned, Spart tid (timer)' });
    expect(within(monthly).getByRole('rowheader', { name: 'november' }).closest('tr')?.textContent).toBe('november5,5');
    expect(within(monthly).getByRole('rowheader', { name: 'oktober' }).closest('tr')?.textContent).toBe('oktober4');
    expect(within(figure).getAllByText('5,5').length).toBeGreaterThan(0);
    expect(screen.queryByRole('figure', { name: 'Ledetid (dager ledetid): 12' })).not.toBeNull();

    const totals = screen.getByRole('table', { name: 'Sum hittil i år' });
    expect(within(totals).getByRole('rowheader', { name: 'Spart tid' }).closest('tr')?.textContent).toBe('Spart tid9,5 timer');
  });

  it('overview_ServiceFails_ShowsTheProblemAndOffersToTryAgain', async () => {
    fakeService({ 'GET /api/tab/delivery': json({ units: [] }) });
    renderPage(<OverviewPage />);

    expect(await screen.findAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).not.toBeNull();
  });
  it('delivery_Coordinator_SeesTheUnitsTheAppCannotReach', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview), 'GET /api/tab/delivery': json(delivery) });
    renderPage(<OverviewPage />);

    const table = await screen.findByRole('table', { name: 'Enheter appen ikke når' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Byggesak', 'Hjemmetjenesten', 'Sykehjemmet']);
  });

  it('delivery_UnitLeader_IsNeitherAskedForNorShown', async () => {
    const service = fakeService({ 'GET /api/tab/overview': json(overview), 'GET /api/tab/delivery': json(delivery) });
    renderPage(<OverviewPage />, { me: unitLeader });

    await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    expect(screen.queryByRole('heading', { name: 'Levering' })).toBeNull();
    expect(service.calls.map((call) => call.url)).not.toContain('/api/tab/delivery');
  });

  it('unitFind_NameOfUnit800_ShowsThatRowAloneAndSaysHowManyOfAllMatch', async () => {
    const { table, field } = await renderThousandUnits({ 800: 'Byggesak', 801: 'Byggesaksavdelingen', 3: 'Plan og bygg' });
    // Only the first rows are rendered: the browser's own find could not reach unit 800.
    expect(screen.queryByRole('rowheader', { name: 'Byggesak' })).toBeNull();

    await userEvent.type(field, '  byggeSAK');

    expect(rowNames(table())).toEqual(['Byggesak', 'Byggesaksavdelingen']);
    expect(table()!.getAttribute('aria-rowcount')).toBe('3');
    expect(within(table()!).getByRole('link', { name: 'Byggesak' }).closest('tr')!.getAttribute('aria-rowindex')).toBe('2');
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Enheter som vises: 2 av 1\u00a0000');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(field.getAttribute('aria-describedby')).toContain(status.id);
  });

  it('unitFind_NorwegianLetters_MatchThemselvesInAnyCaseAndNotTheirPlainLetter', async () => {
    const { table, field } = await renderThousandUnits({ 500: 'Søndre sone', 600: 'Sondre sone', 700: 'Åsen skole', 900: 'Asen skole' });

    await userEvent.type(field, 'SØN');
    expect(rowNames(table())).toEqual(['Søndre sone']);

    await userEvent.clear(field);
    await userEvent.type(field, 'sondre');
    expect(rowNames(table())).toEqual(['Sondre sone']);

    await userEvent.clear(field);
    await userEvent.type(field, 'åsen');
    expect(rowNames(table())).toEqual(['Åsen skole']);
    expect(screen.getByRole('status').textContent).toBe('Enheter som vises: 1 av 1\u00a0000');

    // "å" typed as "a" and a combining ring, as some keyboards send it.
    await userEvent.clear(field);
    await userEvent.type(field, 'a\u030asen');
    expect(rowNames(table())).toEqual(['Åsen skole']);
  });

  it('unitFind_SwedishLetters_MatchThemselves', async () => {
    const { table, field } = await renderThousandUnits({ 950: 'Älvdalen förskola', 960: 'Alvdalen forskola' }, 'sv');

    await userEvent.type(field, 'älvdalen fö');

    expect(rowNames(table())).toEqual(['Älvdalen förskola']);
    expect(screen.getByRole('status').textContent).toBe('Enheter som visas: 1 av 1\u00a0000');
  });

  it('unitFind_NothingMatches_SaysSoInWords', async () => {
    const { table, field } = await renderThousandUnits();

    await userEvent.type(field, 'Byggesak ');

    expect(table()).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Ingen enhet har «Byggesak» i navnet.');
  });

  it('unitFind_Cleared_ShowsEveryUnitAgainAndSaysNothing', async () => {
    const { table, field } = await renderThousandUnits({ 800: 'Byggesak' });
    await userEvent.type(field, 'Byggesak');
    expect(table()!.getAttribute('aria-rowcount')).toBe('2');

    await userEvent.clear(field);

    expect(table()!.getAttribute('aria-rowcount')).toBe('1001');
    expect(rowNames(table())[0]).toBe('Enhet 1');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('unitFind_ChosenArea_FindsAmongThatAreasUnitsAndLeavesTheRestOfThePageAlone', async () => {
    const onlyHelse = { ...overview, units: overview.units.filter((unit) => unit.areaId === 'helse-og-omsorg') };
    fakeService({
      'GET /api/tab/overview': json(overview),
      'GET /api/tab/overview?area=helse-og-omsorg': json(onlyHelse),
    });
    renderPage(<OverviewPage />);
    await screen.findByRole('rowheader', { name: 'Byggesak' });
    const field = screen.getByRole('searchbox', { name: 'Finn enhet' });

    await userEvent.type(field, 'hjem');
    expect(rowNames(screen.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' }))).toEqual(['Hjemmetjenesten nord']);
    expect(screen.getByRole('status').textContent).toBe(`Enheter som vises: 1 av ${overview.units.length}`);
    // The units needing help are every unit's, whatever the find: Byggesak asked.
    const help = screen.getByRole('region', { name: 'Enheter som trenger hjelp' });
    expect(within(help).getByRole('link', { name: 'Byggesak' })).not.toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Tjenesteområde'), 'Helse og omsorg');

    expect(await screen.findByText(`Enheter som vises: 1 av ${onlyHelse.units.length}`)).not.toBeNull();
    expect(screen.getByRole('searchbox', { name: 'Finn enhet' })).toHaveProperty('value', 'hjem');
  });
});

/** The overview's own requests, whatever else the page asks for (the coordinator's delivery section). */
function overviewCalls(calls: Call[]): string[] {
  return calls.map((call) => call.url).filter((url) => url.startsWith('/api/tab/overview'));
}
