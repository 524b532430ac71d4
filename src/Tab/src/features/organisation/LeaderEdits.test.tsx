import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AreaForm, Me, UnitForm } from '../../shared/api/types';
import { byggesak, byggesakForm, coordinator, organisationForms, unitLeader } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { UnitPage } from '../unit/UnitPage';
import { OrganisationPage } from './OrganisationPage';

const formPath = '/api/tab/organisation/units/byggesak';
const leaderForm: UnitForm = {
  ...byggesakForm,
  leaderOnly: true,
  people: [
    { id: 'leder.byggesak@fjordvik.kommune.no', name: 'Randi Lie' },
    { id: 'koordinator.byggesak@fjordvik.kommune.no', name: 'Kari Koordinator' },
  ],
  goalChoices: [
    { id: 'raskere-saksbehandling', title: 'Raskere saksbehandling' },
    { id: 'bedre-tjenester', title: 'Bedre tjenester for innbyggerne' },
  ],
};

describe('A leader edits their own part', () => {
  it('unitLeader_OwnUnit_SeesOnlyWhatTheyMayChangeAndSendsNothingElse', async () => {
    const { calls } = fakeService({
      'GET /api/tab/units/byggesak': json(byggesak),
      [`GET ${formPath}`]: json(leaderForm),
      [`PUT ${formPath}`]: json(leaderForm),
    });
    renderPage(<UnitPage unitId="byggesak" />, { me: unitLeader });
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    await user.click(await screen.findByRole('button', { name: 'Endre enheten' }));
    // The form is its own chunk, loaded once the button is offered.
    const dialog = await screen.findByRole('dialog', { name: 'Endre Byggesak (enhetsleder)' });
    expect(within(dialog).queryByRole('textbox', { name: /^Navn/ })).toBeNull();
    expect(within(dialog).queryByRole('combobox', { name: /^Tjenesteområde/ })).toBeNull();
    expect(within(dialog).queryByRole('combobox', { name: /^Enhetsleder/ })).toBeNull();
    expect(within(dialog).queryByRole('textbox', { name: /^Tidssone/ })).toBeNull();
    expect(within(dialog).queryByText('Veiledningsperiode')).toBeNull();
    // People by name and goals by title, from what the unit's form carries: the leader has no list of either.
    expect(within(dialog).getByRole('combobox', { name: /^Enhetskoordinator 1/ })).toHaveProperty('value', 'Kari Koordinator');
    expect(within(dialog).getByRole('textbox', { name: 'Mål 1' })).not.toBeNull();
    const supports = within(dialog).getByRole('combobox', { name: 'Mål 1 støtter' });
    expect(within(supports).getByRole('option', { selected: true }).textContent).toBe('Raskere saksbehandling');
    expect(within(supports).getAllByRole('option').map((o) => o.textContent)).toEqual(['Ingen', 'Raskere saksbehandling', 'Bedre tjenester for innbyggerne']);
    await user.selectOptions(supports, 'Bedre tjenester for innbyggerne');

    const minutes = within(dialog).getByRole('spinbutton', { name: 'Lengde i minutter' });
    await user.clear(minutes);
    await user.type(minutes, '20');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Byggesak er lagret.')).not.toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...leaderForm,
      // What the leader may not change goes as null: the service keeps it as stored.
      name: null,
      serviceArea: null,
      leader: null,
      leaderName: null,
      timeZone: null,
      leanStart: null,
      guidance: null,
      boardMeeting: { weekday: 'tuesday', time: '08:30', minutes: 20 },
      // The unit coordinator picked by name goes as the address the organisation knows them by.
      coordinators: ['koordinator.byggesak@fjordvik.kommune.no'],
      goals: [{ title: 'Saksbehandlingstid under 3 uker', supports: 'bedre-tjenester', indicator: null, target: null, better: null }],
    });
  });

  it('unitLeader_GoalIndicator_SendsNameTargetWithADecimalCommaAndDirection', async () => {
    const { calls } = fakeService({
      'GET /api/tab/units/byggesak': json(byggesak),
      [`GET ${formPath}`]: json(leaderForm),
      [`PUT ${formPath}`]: problem(400, { title: 'Check', errors: { 'goals[0].target': ['not a number'] } }),
    });
    renderPage(<UnitPage unitId="byggesak" />, { me: unitLeader });
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    await user.click(await screen.findByRole('button', { name: 'Endre enheten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre Byggesak (enhetsleder)' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Mål 1: indikator med måleenhet (valgfritt)' }), 'ventetid i dager');
    await user.type(within(dialog).getByRole('textbox', { name: 'Mål 1: målverdi' }), '14,5');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Mål 1: hva er bedre' }), 'lavere er bedre');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const target = await within(dialog).findByRole('textbox', { name: 'Mål 1: målverdi' });
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    const sent = calls.find((c) => c.method === 'PUT')?.body as UnitForm;
    expect(sent.goals?.[0]).toEqual({ title: 'Saksbehandlingstid under 3 uker', supports: 'raskere-saksbehandling', indicator: 'ventetid i dager', target: 14.5, better: 'lower' });
  });

  it('unitLeader_AnotherUnit_CanEditUnitFalse_NoButtonAndNoFormAskedFor', async () => {
    const { calls } = fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canEditUnit: false }) });
    renderPage(<UnitPage unitId="byggesak" />, { me: unitLeader });

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    expect(calls.map((c) => c.url)).toEqual(['/api/tab/units/byggesak']);
    expect(screen.queryByRole('button', { name: 'Endre enheten' })).toBeNull();
  });

  it('member_CanEditUnitFalse_DoesNotAskForTheForm', async () => {
    const member: Me = { ...unitLeader, roles: ['member'] };
    const { calls } = fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canEditUnit: false }) });
    renderPage(<UnitPage unitId="byggesak" />, { me: member });

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    expect(calls.map((c) => c.url)).toEqual(['/api/tab/units/byggesak']);
  });

  it('canEditUnitTrue_WhateverTheRolesSay_OffersTheForm', async () => {
    // The unit page's word is the service's access rule; the tab does not second-guess it from the caller's roles.
    const member: Me = { ...unitLeader, roles: ['member'] };
    const { calls } = fakeService({
      'GET /api/tab/units/byggesak': json({ ...byggesak, canEditUnit: true }),
      [`GET ${formPath}`]: json(leaderForm),
    });
    renderPage(<UnitPage unitId="byggesak" />, { me: member });

    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    expect(await screen.findByRole('button', { name: 'Endre enheten' })).not.toBeNull();
    expect(calls.map((c) => c.url)).toEqual(['/api/tab/units/byggesak', formPath]);
  });

  it('areaLeader_OrganisationPage_EditsTheAreasGoalsOnly', async () => {
    const area: AreaForm = organisationForms.areas[2]!;
    const areaLeader: Me = { ...coordinator, roles: ['serviceAreaLeader'], canManageOrganisation: false, areas: [{ id: 'samfunn-og-teknikk', name: 'Samfunn og teknikk' }] };
    const { calls } = fakeService({
      'GET /api/tab/organisation/areas/samfunn-og-teknikk': json(area),
      'PUT /api/tab/organisation/areas/samfunn-og-teknikk': json(area),
    });
    renderPage(<OrganisationPage />, { me: areaLeader });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Endre målene for Samfunn og teknikk' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('textbox', { name: /^Navn/ })).toBeNull();
    expect(within(dialog).queryByRole('combobox', { name: /^Tjenesteområdeleder/ })).toBeNull();
    const title = within(dialog).getByRole('textbox', { name: 'Mål 1' });
    await user.clear(title);
    await user.type(title, 'Svar innen to uker');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Samfunn og teknikk er lagret.')).not.toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...area,
      name: null,
      leader: null,
      leaderName: null,
      goals: [{ id: 'raskere-saksbehandling', title: 'Svar innen to uker', supports: 'bedre-tjenester' }],
    });
    // The coordinator's forms are not asked for.
    expect(calls.some((c) => c.url === '/api/tab/organisation/forms')).toBe(false);
  });
});
