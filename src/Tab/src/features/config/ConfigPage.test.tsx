import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TabConfigHost, TabSettings } from '../../shared/teams/host';
import { overview } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { ConfigPage } from './ConfigPage';

const tab = 'https://lean.fjordvik.example/tab/';
const byggesakChannel = '19:byggesak@thread.tacv2';

/** Teams' configuration dialog at the Host seam: records the Save button's state and keeps the save handler. */
function teamsDialog(context: { channelId?: string; entityId?: string } = {}) {
  const validity: boolean[] = [];
  const handlers: (() => TabSettings | null)[] = [];
  const host: TabConfigHost = {
    ...context,
    setValidityState: (valid) => validity.push(valid),
    registerOnSaveHandler: (settings) => handlers.push(settings),
  };
  return {
    host,
    validity,
    handlers,
    saveEnabled: () => validity.at(-1),
    /** What Teams would save when the user presses Save now. */
    save: () => handlers.at(-1)?.(),
  };
}

describe('Tab configuration page', () => {
  it('nothingChosen_SaveIsOffUntilAPageIsChosen', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    const teams = teamsDialog();
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    await screen.findByRole('radiogroup', { name: 'Fanen viser' });
    expect(screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).checked)).toEqual([false, false, false, false, false]);
    // Teams is told in an effect after the choices are shown, which may run after they are found.
    await waitFor(() => expect(teams.saveEnabled()).toBe(false));
    expect(teams.save()).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: 'Årshjul' }));

    expect(teams.saveEnabled()).toBe(true);
    expect(teams.save()).toEqual({
      entityId: 'yearwheel',
      contentUrl: `${tab}#/yearwheel`,
      websiteUrl: `${tab}#/yearwheel`,
      suggestedDisplayName: 'Årshjul',
    });
    expect(teams.handlers).toHaveLength(1);
  });

  it('unitPage_NoUnitYet_IsInvalidAndSaysSo_ThenSavesTheUnit', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    const teams = teamsDialog();
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'En enhets tavle' }));

    expect(teams.saveEnabled()).toBe(false);
    const unit = screen.getByRole('combobox', { name: /^Enhet/ });
    expect(unit.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Velg hvilken enhet fanen skal vise.')).not.toBeNull();

    await userEvent.selectOptions(unit, 'Hjemmetjenesten nord');

    expect(teams.saveEnabled()).toBe(true);
    expect(screen.queryByText('Velg hvilken enhet fanen skal vise.')).toBeNull();
    expect(teams.save()).toEqual({
      entityId: 'unit/hjemmetjenesten-nord',
      contentUrl: `${tab}#/unit/hjemmetjenesten-nord`,
      websiteUrl: `${tab}#/unit/hjemmetjenesten-nord`,
      suggestedDisplayName: 'Hjemmetjenesten nord',
    });
  });

  it('unitPage_UnitsAreGroupedByServiceArea', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<ConfigPage host={teamsDialog().host} tabUrl={tab} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'En enhets tavle' }));

    const groups = [...screen.getByRole('combobox', { name: /^Enhet/ }).querySelectorAll('optgroup')];
    expect(groups.map((group) => [group.label, [...group.querySelectorAll('option')].map((option) => option.textContent)])).toEqual([
      ['Helse og omsorg', ['Hjemmetjenesten nord']],
      ['Samfunn og teknikk', ['Byggesak']],
    ]);
  });

  it('channelWithARegisteredUnit_PreselectsThatUnitAndSaysWhy', async () => {
    const service = fakeService({
      'GET /api/tab/overview': json(overview),
      [`GET /api/tab/channel-units?channelId=${encodeURIComponent(byggesakChannel)}`]: json({ unitIds: ['byggesak'] }),
    });
    const teams = teamsDialog({ channelId: byggesakChannel });
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    expect(await screen.findByRole('radio', { name: 'En enhets tavle' })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: /^Enhet/ })).toHaveProperty('value', 'byggesak');
    expect(screen.queryByText('Byggesak er registrert i denne kanalen.')).not.toBeNull();
    expect(teams.validity).not.toContain(false);
    await waitFor(() => expect(teams.save()).toMatchObject({ entityId: 'unit/byggesak', contentUrl: `${tab}#/unit/byggesak`, suggestedDisplayName: 'Byggesak' }));
    expect(service.calls.map((call) => call.headers.get('Authorization'))).toEqual(['Bearer test-token', 'Bearer test-token']);
  });

  it('channelLookupFails_OffersEveryChoiceWithNothingPreselected', async () => {
    fakeService({
      'GET /api/tab/overview': json(overview),
      [`GET /api/tab/channel-units?channelId=${encodeURIComponent(byggesakChannel)}`]: problem(500, { title: 'Server error' }),
    });
    const teams = teamsDialog({ channelId: byggesakChannel });
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    await screen.findByRole('radiogroup', { name: 'Fanen viser' });
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
    // Teams is told once the lookup has failed, which on a busy machine comes after the choices are shown.
    await waitFor(() => expect(teams.saveEnabled()).toBe(false));
  });

  it('reopenedSettings_StartFromTheSavedChoiceEvenInAChannelWithAUnit', async () => {
    fakeService({
      'GET /api/tab/overview': json(overview),
      [`GET /api/tab/channel-units?channelId=${encodeURIComponent(byggesakChannel)}`]: json({ unitIds: ['byggesak'] }),
    });
    const teams = teamsDialog({ channelId: byggesakChannel, entityId: 'overview/helse-og-omsorg' });
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    expect(await screen.findByRole('radio', { name: 'Oversikt' })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: 'Tjenesteområde' })).toHaveProperty('value', 'helse-og-omsorg');
    await waitFor(() => expect(teams.save()).toMatchObject({ entityId: 'overview/helse-og-omsorg', suggestedDisplayName: 'Oversikt: Helse og omsorg' }));
  });

  it('overview_AllAreasOrOne_SavesTheMatchingRouteAndName', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    const teams = teamsDialog();
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'Oversikt' }));
    expect(teams.save()).toMatchObject({ entityId: 'overview', contentUrl: `${tab}#/overview`, suggestedDisplayName: 'Oversikt' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tjenesteområde' }), 'Samfunn og teknikk');

    expect(teams.save()).toMatchObject({
      entityId: 'overview/samfunn-og-teknikk',
      contentUrl: `${tab}#/overview/samfunn-og-teknikk`,
      suggestedDisplayName: 'Oversikt: Samfunn og teknikk',
    });
  });

  it('outsideTeams_ShowsTheNameAndAddressItWouldSave', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<ConfigPage host={null} tabUrl={tab} />);

    const region = await screen.findByRole('region', { name: 'Utenfor Teams' });
    expect(region.textContent).toContain('Ingenting er valgt ennå.');

    await userEvent.click(screen.getByRole('radio', { name: 'Handlingsplan' }));

    const link = screen.getByRole('link', { name: `${tab}#/actionplan` });
    expect(link.getAttribute('href')).toBe(`${tab}#/actionplan`);
    expect(region.textContent).toContain('Navn på fanenHandlingsplan');
  });

  it('inTeams_ShowsNoPreviewOfTheAddress', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    renderPage(<ConfigPage host={teamsDialog().host} tabUrl={tab} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'Rapporter' }));

    expect(screen.queryByRole('region', { name: 'Utenfor Teams' })).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it.each([
    ['sv', 'Välj vad fliken ska visa', 'Fliken visar', 'En enhets tavla', 'Översikt'],
    ['en', 'Choose what the tab shows', 'The tab shows', "A unit's board", 'Overview'],
  ] as const)('language_%s_LabelsAndSavedNameFollowIt', async (locale, title, group, unitPage, overviewName) => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    const teams = teamsDialog();
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />, { locale });

    expect(await screen.findAllByRole('radiogroup', { name: group })).toHaveLength(1);
    expect(screen.queryByRole('heading', { level: 1, name: title })).not.toBeNull();
    expect(screen.queryByRole('radio', { name: unitPage })).not.toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: overviewName }));
    await waitFor(() => expect(teams.save()?.suggestedDisplayName).toBe(overviewName));
  });

  it('overviewFails_ShowsTheProblemAndKeepsSaveOff', async () => {
    fakeService({});
    const teams = teamsDialog();
    renderPage(<ConfigPage host={teams.host} tabUrl={tab} />);

    expect(await screen.findAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).not.toBeNull();
    expect(teams.validity).not.toContain(true);
  });
});
