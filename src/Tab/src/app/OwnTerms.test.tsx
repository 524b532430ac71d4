import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Host } from '../shared/teams/host';
import { forms, reworded, wordingFor } from '../shared/i18n/glossary';
import { dictionaries } from '../shared/i18n/i18n';
import { coordinator, organisationForms } from '../test/fixtures';
import { fakeService, json } from '../test/render';
import { App } from './App';

const terms = { serviceArea: { nb: 'sektor' }, serviceAreaLeader: { nb: 'kommunalsjef' }, developmentUnit: { nb: 'Lean-teamet' } };

function teamsHost(locale: Host['locale']): Host {
  return { inTeams: true, theme: 'default', locale, onThemeChange: () => {}, getToken: () => Promise.resolve('sso') };
}

function openOrganisationPage(locale: Host['locale']) {
  window.history.replaceState(null, '', '#/organisation');
  const areas = organisationForms.areas.map((a) => (a.id === 'helse-og-omsorg' ? { ...a, name: 'Tjenesteområde helse og omsorg' } : a));
  fakeService({
    'GET /api/tab/me': json({ ...coordinator, terms }),
    'GET /api/tab/organisation/forms': json({ ...organisationForms, areas }),
    'GET /api/tab/organisation/history': json([]),
  });
  render(<App host={teamsHost(locale)} />);
}

describe("The organisation's own terms", () => {
  it('organisationPage_TermsFromMe_ShowTheOrganisationsWordsAndLeaveNamesAlone', async () => {
    openOrganisationPage('nb');

    expect(await screen.findByRole('heading', { name: 'Sektorer og enheter' }, { timeout: 15_000 })).not.toBeNull();
    expect(screen.queryByRole('heading', { name: 'Tjenesteområder og enheter' })).toBeNull();
    // The area keeps the name people gave it; the sentence around it takes the organisation's word.
    expect(screen.getByRole('button', { name: 'Endre sektoren Tjenesteområde helse og omsorg' })).not.toBeNull();
  });

  it('organisationPage_InALanguageTheOrganisationSetNothingIn_ShowsTheGlossarysWords', async () => {
    openOrganisationPage('sv');

    expect(await screen.findByRole('heading', { name: dictionaries.sv.orgUnitsTitle }, { timeout: 15_000 })).not.toBeNull();
  });

  it.each([
    ['Spør tjenesteområdelederen.', 'Spør kommunalsjefen.'],
    ['alle tjenesteområdeledere', 'alle kommunalsjefer'],
    ['Ber om hjelp fra utviklingsenheten', 'Ber om hjelp fra Lean-teamet'],
    ['enhetsleder', 'enhetsleder'],
  ])('wording_%s_TakesTheSameFormOfTheOrganisationsWord', (text, expected) => {
    expect(wordingFor(terms, 'nb')(text)).toBe(expected);
  });

  it('forms_AreTheServicesToo', () => {
    expect(forms('tjenesteområdeleder', 'nb')).toEqual(['tjenesteområdeleder', 'tjenesteområdelederen', 'tjenesteområdeledere', 'tjenesteområdelederne', 'tjenesteområdeleders', 'tjenesteområdelederens']);
    expect(forms('samordnare', 'sv')).toEqual(['samordnare', 'samordnaren', 'samordnare', 'samordnarna', 'samordnares', 'samordnarens']);
  });

  it('reworded_NoTerms_IsTheDictionaryItself', () => {
    expect(reworded(dictionaries.nb, wordingFor(undefined, 'nb'))).toBe(dictionaries.nb);
  });
});
