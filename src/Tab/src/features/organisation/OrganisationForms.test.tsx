import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OrganisationChange, PersonChoice, UnitForm } from '../../shared/api/types';
import { byggesakForm, organisationForms } from '../../test/fixtures';
import { fakeService, json, problem, renderPage, type Call } from '../../test/render';
import { OrganisationPage } from './OrganisationPage';

const unitPath = '/api/tab/organisation/units/byggesak';
const ingrid: PersonChoice = { email: 'ingrid.dal@fjordvik.kommune.no', name: 'Ingrid Dal', jobTitle: 'Enhetsleder', inOrganisation: false };

function service(extra: Record<string, Response | ((call: Call) => Response)> = {}) {
  return fakeService({
    'GET /api/tab/organisation/forms': json(organisationForms),
    'GET /api/tab/organisation/history': json([]),
    ...extra,
  });
}

const sent = (calls: Call[], method: string, url: string) => calls.find((c) => c.method === method && c.url === url)?.body as UnitForm | undefined;

async function openEdit(name = 'Byggesak') {
  renderPage(<OrganisationPage />);
  await userEvent.click(await screen.findByRole('button', { name: `Endre ${name}` }));
  return screen.findByRole('dialog');
}

describe('Organisation forms', () => {
  it('list_ShowsUnitsUnderTheirAreaAndArchivedOnesApart', async () => {
    service();
    renderPage(<OrganisationPage />);
    await formsShown();

    const samfunn = await screen.findByRole('table', { name: 'Enheter i Samfunn og teknikk' });
    expect(within(samfunn).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Byggesak']);
    expect(within(samfunn).getAllByRole('cell').map((c) => c.textContent)[0]).toBe('Randi Lie');
    const archived = screen.getByRole('table', { name: 'Arkiverte enheter' });
    expect(within(archived).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Frisklivssentralen']);
    expect(within(screen.getByRole('table', { name: 'Enheter i Helse og omsorg' })).queryByText('Frisklivssentralen')).toBeNull();
  });

  it('add_NewUnitWithALeaderPicked_PostsTheFormAndShowsItInTheList', async () => {
    const added: UnitForm = { ...byggesakForm, id: 'frisklivssentralen-2', name: 'Frisklivssentralen vest', serviceArea: 'helse-og-omsorg', etag: 'W/"new"' };
    const forms = { ...organisationForms, units: [...organisationForms.units, added] };
    let read = 0;
    const { calls } = service({
      'GET /api/tab/organisation/forms': (() => json(read++ === 0 ? organisationForms : forms)),
      'POST /api/tab/organisation/units': json(added, 201),
      'GET /api/tab/people?q=ingrid': json({ people: [ingrid], fromDirectory: true }),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Legg til enhet' }));
    const dialog = await screen.findByRole('dialog');
    // Pasted rather than typed key by key: the form is long, and typing is not what is tested here.
    await user.click(within(dialog).getByRole('textbox', { name: /^Id/ }));
    await user.paste('frisklivssentralen-2');
    await user.click(within(dialog).getByRole('textbox', { name: /^Navn/ }));
    await user.paste('Frisklivssentralen vest');
    // The first service area is chosen already.
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /^Tjenesteområde/ }).value).toBe('helse-og-omsorg');
    await user.click(within(dialog).getByRole('combobox', { name: /^Enhetsleder/ }));
    await user.paste('ingrid');
    await user.click(await screen.findByRole('option', { name: /Ingrid Dal/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Frisklivssentralen vest er lagt til.')).not.toBeNull();
    const body = sent(calls, 'POST', '/api/tab/organisation/units');
    expect(body).toMatchObject({
      id: 'frisklivssentralen-2',
      name: 'Frisklivssentralen vest',
      serviceArea: 'helse-og-omsorg',
      leader: 'ingrid.dal@fjordvik.kommune.no',
      // Someone new to the organisation goes with their name, and the service adds them.
      leaderName: 'Ingrid Dal',
      boardMeeting: { weekday: 'monday', time: '09:00', minutes: 15 },
    });
    expect(await screen.findByRole('rowheader', { name: 'Frisklivssentralen vest' })).not.toBeNull();
  }, 40_000);

  it('edit_MoveToAnotherAreaAndChangeTheBoardMeeting_PutsTheWholeFormWithItsEtag', async () => {
    const { calls } = service({ [`PUT ${unitPath}`]: json({ ...byggesakForm, serviceArea: 'helse-og-omsorg', etag: 'W/"unit-2"' }) });
    const dialog = await openEdit();
    const user = userEvent.setup();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Tjenesteområde/ }), 'helse-og-omsorg');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Ukedag' }), 'thursday');
    const time = within(dialog).getByRole('textbox', { name: /^Klokkeslett/ });
    await user.clear(time);
    await user.type(time, '10:15');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Byggesak er lagret.')).not.toBeNull();
    expect(sent(calls, 'PUT', unitPath)).toEqual({
      ...byggesakForm,
      serviceArea: 'helse-og-omsorg',
      boardMeeting: { weekday: 'thursday', time: '10:15', minutes: 15 },
    });
  });

  it('edit_ServiceRefusesFields_ShowsEachMessageNextToItsField', async () => {
    service({
      [`PUT ${unitPath}`]: problem(400, {
        title: 'Check the highlighted fields',
        errors: {
          'boardMeeting.time': ["'25:30' is not a time (HH:MM)"],
          'goals[0].supports': ["unknown goal 'finnes-ikke'"],
          etag: ['Send the etag the unit was read with.'],
        },
      }),
    });
    const dialog = await openEdit();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const time = await within(dialog).findByRole('textbox', { name: /^Klokkeslett/ });
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(time)).toContain("'25:30' is not a time (HH:MM)");
    const supports = within(dialog).getByRole('combobox', { name: 'Mål 1 støtter' });
    expect(describedBy(supports)).toContain("unknown goal 'finnes-ikke'");
    expect(describedBy(within(dialog).getByRole('textbox', { name: /^Navn/ }))).not.toContain("'25:30'");
    // A message no field shows is listed, not lost.
    expect(within(dialog).getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('etag: Send the etag the unit was read with.');
  });

  it('edit_SomeoneSavedMeanwhile_KeepsTheDraftNamesWhatChangedAndSavesAgainstTheirVersion', async () => {
    const theirs: UnitForm = { ...byggesakForm, name: 'Byggesak og oppmåling', etag: 'W/"unit-9"' };
    let puts = 0;
    const { calls } = service({
      [`PUT ${unitPath}`]: () => (puts++ === 0 ? problem(412, { title: 'Changed by someone else' }) : json({ ...theirs, boardMeeting: { weekday: 'tuesday', time: '11:00', minutes: 15 } })),
      [`GET ${unitPath}`]: json(theirs),
    });
    const dialog = await openEdit();
    const user = userEvent.setup();
    const time = within(dialog).getByRole('textbox', { name: /^Klokkeslett/ });
    await user.clear(time);
    await user.type(time, '11:00');

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Noen andre lagret endringer mens du hadde skjemaet åpent. Det du har skrevet, er beholdt.');
    expect(alert.textContent).toContain('De endret: Navn.');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^Klokkeslett/ }).value).toBe('11:00');

    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Byggesak og oppmåling er lagret.');
    const second = calls.filter((c) => c.method === 'PUT')[1]?.body as UnitForm;
    expect(second.etag).toBe('W/"unit-9"');
    expect(second.boardMeeting?.time).toBe('11:00');
  });

  it('archive_Confirmed_PostsTheEtagAndMovesTheUnitToArchived', async () => {
    let read = 0;
    const archivedForms = { ...organisationForms, units: organisationForms.units.map((u) => (u.id === 'byggesak' ? { ...u, archived: true } : u)) };
    const { calls } = service({
      'GET /api/tab/organisation/forms': (() => json(read++ === 0 ? organisationForms : archivedForms)),
      [`POST ${unitPath}/archive`]: json({ ...byggesakForm, archived: true }),
    });
    renderPage(<OrganisationPage />);
    await formsShown();

    await userEvent.click(await screen.findByRole('button', { name: 'Arkiver Byggesak' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('historikken blir stående i rapportene');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Arkiver' }));

    expect(await screen.findByText('Byggesak er arkivert.')).not.toBeNull();
    expect(sent(calls, 'POST', `${unitPath}/archive`)).toEqual({ etag: 'W/"unit-1"' });
    const archived = await screen.findByRole('table', { name: 'Arkiverte enheter' });
    await waitFor(() => expect(within(archived).getAllByRole('rowheader').map((r) => r.textContent)).toContain('Byggesak'));
  });

  it('restore_Confirmed_PostsRestoreForTheArchivedUnit', async () => {
    const { calls } = service({ 'POST /api/tab/organisation/units/frisklivssentralen/restore': json({ ...byggesakForm, id: 'frisklivssentralen', name: 'Frisklivssentralen' }) });
    renderPage(<OrganisationPage />);
    await formsShown();

    await userEvent.click(await screen.findByRole('button', { name: 'Ta inn igjen Frisklivssentralen' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ta inn igjen' }));

    expect(await screen.findByText('Frisklivssentralen er tatt inn igjen.')).not.toBeNull();
    expect(sent(calls, 'POST', '/api/tab/organisation/units/frisklivssentralen/restore')).toEqual({ etag: 'W/"unit-3"' });
  });

  it('history_OfOneUnit_AsksForThatUnitsChanges', async () => {
    const changes: OrganisationChange[] = [
      {
        at: '2026-12-01T09:30:00Z',
        byName: 'Jonas Vik',
        fileName: '(edited in the tab)',
        changes: [{ kind: 'changed', subject: 'unit', id: 'byggesak', field: 'leader', before: 'a@fjordvik.kommune.no', after: 'b@fjordvik.kommune.no', note: null }],
        leftOut: 0,
      },
    ];
    service({ 'GET /api/tab/organisation/history?unitId=byggesak': json(changes) });
    renderPage(<OrganisationPage />);
    await formsShown();

    await userEvent.click(await screen.findByRole('button', { name: 'Endringslogg for Byggesak' }));
    const dialog = await screen.findByRole('dialog');
    const table = await within(dialog).findByRole('table', { name: '1 endring' });
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['leader', 'a@fjordvik.kommune.no', 'b@fjordvik.kommune.no']);
  });

  it('history_EditInTheTab_IsNamedInTheReadersLanguageAndAFileByItsName', async () => {
    const change = (fileName: string): OrganisationChange => ({
      at: '2026-12-01T09:30:00Z',
      byName: 'Jonas Vik',
      fileName,
      changes: [{ kind: 'changed', subject: 'unit', id: 'byggesak', field: 'leader', before: 'a@fjordvik.kommune.no', after: 'b@fjordvik.kommune.no', note: null }],
      leftOut: 0,
    });
    service({ 'GET /api/tab/organisation/history?unitId=byggesak': json([change('(edited in the tab)'), change('organisation.yaml')]) });
    renderPage(<OrganisationPage />);
    await formsShown();

    await userEvent.click(await screen.findByRole('button', { name: 'Endringslogg for Byggesak' }));
    const dialog = await screen.findByRole('dialog');

    expect(await within(dialog).findByText(/Jonas Vik, endret i fanen$/)).not.toBeNull();
    expect(within(dialog).getByText(/Jonas Vik, fra organisation\.yaml$/)).not.toBeNull();
    expect(within(dialog).queryByText(/edited in the tab/)).toBeNull();
  });

  it('settings_Saved_PutsHolidayPeriodsReminderAndDigest', async () => {
    const { calls } = service({ 'PUT /api/tab/organisation/settings': json(organisationForms.settings) });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Endre innstillingene' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Ukeoppsummeringens ukedag' }), 'monday');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Innstillingene er lagret.')).not.toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ ...organisationForms.settings, digestWeekday: 'monday' });
  });
  it('settings_OwnTermTyped_PutsOnlyTheWordsSetAndShowsARefusalNextToItsField', async () => {
    const { calls } = service({
      'PUT /api/tab/organisation/settings': problem(400, { code: 'invalidField', errors: { 'terms.serviceAreaLeader.sv': ["'Förvaltning' is a word the app avoids"] } }),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Endre innstillingene' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tjenesteområdeleder på bokmål' }), 'kommunalsjef');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Språk' }), 'sv');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tjenesteområdeleder på svensk' }), 'förvaltningschef');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByText("'Förvaltning' is a word the app avoids")).not.toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...organisationForms.settings,
      terms: { serviceAreaLeader: { nb: 'kommunalsjef', sv: 'förvaltningschef' } },
    });
  });

  it('roles_List_ShowsEveryoneWithAnOrganisationWideRole', async () => {
    service();
    renderPage(<OrganisationPage />);
    await formsShown();

    const table = await screen.findByRole('table', { name: 'Personer med roller for hele organisasjonen' });
    expect(within(table).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Kari Berg', 'Jonas Vik']);
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toContain('Forbedringskonsulent');
  });

  it('roles_SomeoneNewPicked_PutsTheRolesTickedWithTheirNameAndNoEtag', async () => {
    const saved = { id: ingrid.email, name: 'Ingrid Dal', coordinator: false, consultant: true, topManagement: true, etag: 'W/"p-9"' };
    const { calls } = service({
      'GET /api/tab/people?q=ingrid': json({ people: [ingrid], fromDirectory: true }),
      'PUT /api/tab/organisation/roles': json(saved),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Gi noen en rolle' }));
    const dialog = await screen.findByRole('dialog', { name: 'Gi noen en rolle' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Person/ }));
    await user.paste('ingrid');
    await user.click(await screen.findByRole('option', { name: /Ingrid Dal/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Forbedringskonsulent' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Medlem av kommunedirektørens ledergruppe' }));
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Rollene til Ingrid Dal er lagret.')).not.toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      person: ingrid.email,
      name: 'Ingrid Dal',
      coordinator: false,
      consultant: true,
      topManagement: true,
      etag: null,
    });
  });

  it('roles_LastCoordinatorUnticked_ShowsTheServicesMessageAtTheBox', async () => {
    service({
      'PUT /api/tab/organisation/roles': problem(400, {
        title: 'Check the highlighted fields',
        errors: { coordinator: ['Jonas Vik is the organisation’s only Lean coordinator'] },
      }),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Endre rollene til Jonas Vik' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre rollene til Jonas Vik' });
    const box = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Lean-koordinator' });
    expect(box.checked).toBe(true);
    await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByText('Jonas Vik is the organisation’s only Lean coordinator')).not.toBeNull();
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Lean-koordinator' }).checked).toBe(false);
  });

  it('roles_SomeoneChangedThePersonMeanwhile_KeepsTheDraftAndSavesAgainstTheirVersion', async () => {
    const kari = organisationForms.people.find((p) => p.id === 'konsulent@fjordvik.kommune.no')!;
    const theirs = { ...kari, topManagement: true, etag: 'W/"p-33"' };
    let reads = 0;
    let puts = 0;
    const { calls } = service({
      'GET /api/tab/organisation/forms': () =>
        json(reads++ === 0 ? organisationForms : { ...organisationForms, people: organisationForms.people.map((p) => (p.id === kari.id ? theirs : p)) }),
      'PUT /api/tab/organisation/roles': () => (puts++ === 0 ? problem(412, { title: 'Changed by someone else' }) : json({ ...theirs, consultant: false })),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Endre rollene til Kari Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre rollene til Kari Berg' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Forbedringskonsulent' }));
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('De endret: Medlem av kommunedirektørens ledergruppe.');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Forbedringskonsulent' }).checked).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Rollene til Kari Berg er lagret.');
    const puts2 = calls.filter((c) => c.method === 'PUT').map((c) => c.body as { etag: string; consultant: boolean });
    expect(puts2.map((b) => [b.etag, b.consultant])).toEqual([
      ['W/"p-3"', false],
      ['W/"p-33"', false],
    ]);
  });

  it('settings_RetentionRefused_ShowsTheMessageAtTheFieldAndSavesNothingElse', async () => {
    const { calls } = service({
      'GET /api/tab/privacy/retention': json({ years: 5 }),
      'PUT /api/tab/privacy/retention': problem(400, { title: 'Check the highlighted fields', errors: { years: ['Keep check-ins from 1 to 30 years.'] } }),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();
    expect(await screen.findByText('År statusrapporter lagres: 5')).not.toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Endre innstillingene' }));
    const dialog = await screen.findByRole('dialog');
    const years = within(dialog).getByRole<HTMLInputElement>('spinbutton', { name: 'År statusrapporter lagres' });
    expect(years.value).toBe('5');
    await user.clear(years);
    await user.type(years, '40');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await waitFor(() => expect(describedBy(years)).toContain('Keep check-ins from 1 to 30 years.'));
    expect(calls.find((c) => c.method === 'PUT' && c.url === '/api/tab/privacy/retention')?.body).toEqual({ years: 40 });
    expect(calls.some((c) => c.method === 'PUT' && c.url === '/api/tab/organisation/settings')).toBe(false);
  });

  it('settings_RetentionChanged_PutsTheYearsThenTheSettings', async () => {
    const { calls } = service({
      'GET /api/tab/privacy/retention': json({ years: 5 }),
      'PUT /api/tab/privacy/retention': json({ years: 7 }),
      'PUT /api/tab/organisation/settings': json(organisationForms.settings),
    });
    renderPage(<OrganisationPage />);
    await formsShown();
    const user = userEvent.setup();

    await screen.findByText('År statusrapporter lagres: 5');
    await user.click(await screen.findByRole('button', { name: 'Endre innstillingene' }));
    const dialog = await screen.findByRole('dialog');
    const years = within(dialog).getByRole<HTMLInputElement>('spinbutton', { name: 'År statusrapporter lagres' });
    await user.clear(years);
    await user.type(years, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Innstillingene er lagret.')).not.toBeNull();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.url, c.body])).toEqual([
      ['/api/tab/privacy/retention', { years: 7 }],
      ['/api/tab/organisation/settings', organisationForms.settings],
    ]);
    expect(await screen.findByText('År statusrapporter lagres: 7')).not.toBeNull();
  });
});

/** The forms load as their own chunk, after the page: the first run of a file can take a while to fetch it. */
function formsShown() {
  return screen.findByRole('button', { name: 'Legg til enhet' });
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
