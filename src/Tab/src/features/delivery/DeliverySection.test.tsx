import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { delivery } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { DeliverySection } from './DeliverySection';

function rows(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent).join(' | '));
}

describe('DeliverySection', () => {
  it('units_AreListedWithReasonTeamsAnswerAndAdvice', async () => {
    fakeService({ 'GET /api/tab/delivery': json(delivery) });
    renderPage(<DeliverySection />);

    const table = await screen.findByRole('table', { name: 'Enheter appen ikke når' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Levering' })).not.toBeNull();
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Byggesak', 'Hjemmetjenesten', 'Sykehjemmet']);
    expect(within(table).getByRole('link', { name: 'Byggesak' }).getAttribute('href')).toBe('#/unit/byggesak');
    const [byggesak, hjemmetjenesten, sykehjemmet] = rows(table);
    expect(byggesak).toMatch(/^blokkert av mottakeren \(chat med enhetslederen: Randi Lie\) \| 403 ConversationBlockedByUser \| .+ \| Be personen oppheve blokkeringen av appen\.$/);
    expect(hjemmetjenesten).toMatch(/^appen er fjernet fra teamet \(enhetens kanal\) \| 403 BotNotInConversationRoster \| .+ \| Legg appen til i teamet igjen\.$/);
    expect(sykehjemmet).toBe('ingen kanal og ingen chat med enhetslederen | – | – | Koble enheten til en kanal med «registrer enhet».');
  });

  it('threeUnitsTeamsRefused_BlockedNotFoundAndNotInTeam_AreEachNamedWithTheirReason', async () => {
    // What the service lists after the fake connector answered 403 blocked, 403 not in team and 404 not found
    // (DeliveryHealthTests in the integration tests).
    const at = '2026-11-23T08:21:00+00:00';
    const failed = (unitId: string, name: string, reason: 'blockedByPerson' | 'botNotInTeam' | 'conversationNotFound', status: number, code: string) => ({
      unitId,
      name,
      areaId: 'omsorg',
      reason,
      advice: reason === 'blockedByPerson' ? ('askToUnblock' as const) : reason === 'botNotInTeam' ? ('addAppToTeam' as const) : ('bindChannel' as const),
      route: reason === 'blockedByPerson' ? ('leaderChat' as const) : ('unitChannel' as const),
      person: reason === 'blockedByPerson' ? 'Berit Blokk' : null,
      status,
      code,
      at,
    });
    fakeService({
      'GET /api/tab/delivery': json({
        units: [
          failed('blokkert', 'Blokkert enhet', 'blockedByPerson', 403, 'ConversationBlockedByUser'),
          failed('fjernet', 'Fjernet enhet', 'botNotInTeam', 403, 'BotNotInConversationRoster'),
          failed('slettet', 'Slettet enhet', 'conversationNotFound', 404, 'ConversationNotFound'),
        ],
      }),
    });
    renderPage(<DeliverySection />);

    const table = await screen.findByRole('table', { name: 'Enheter appen ikke når' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Blokkert enhet', 'Fjernet enhet', 'Slettet enhet']);
    const [blocked, removed, deleted] = rows(table);
    expect(blocked).toMatch(/^blokkert av mottakeren \(chat med enhetslederen: Berit Blokk\) \| 403 ConversationBlockedByUser \| .+ \| Be personen oppheve blokkeringen av appen\.$/);
    expect(removed).toMatch(/^appen er fjernet fra teamet \(enhetens kanal\) \| 403 BotNotInConversationRoster \| .+ \| Legg appen til i teamet igjen\.$/);
    expect(deleted).toMatch(/^kanalen eller chatten finnes ikke lenger \(enhetens kanal\) \| 404 ConversationNotFound \| .+ \| Koble enheten til en kanal med «registrer enhet»\.$/);
  });

  it('units_InSwedishAndEnglish_UseTheirWords', async () => {
    fakeService({ 'GET /api/tab/delivery': json(delivery) });
    const { unmount } = renderPage(<DeliverySection />, { locale: 'sv' });
    await screen.findByRole('table', { name: 'Enheter som appen inte når' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Leverans' })).not.toBeNull();
    expect(screen.queryByText('Lägg till appen i teamet igen.')).not.toBeNull();
    unmount();

    renderPage(<DeliverySection />, { locale: 'en' });
    await screen.findByRole('table', { name: 'Units the app cannot reach' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Delivery' })).not.toBeNull();
    expect(screen.queryByText('Ask the person to unblock the app.')).not.toBeNull();
  });

  it('areaFilter_ShowsOnlyThatAreasUnits', async () => {
    fakeService({ 'GET /api/tab/delivery': json(delivery) });
    renderPage(<DeliverySection areaId="helse-og-omsorg" />);

    const table = await screen.findByRole('table', { name: 'Enheter appen ikke når' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Hjemmetjenesten', 'Sykehjemmet']);
  });

  it('everyUnitReachable_SaysSoWithoutATable', async () => {
    fakeService({ 'GET /api/tab/delivery': json({ units: [] }) });
    renderPage(<DeliverySection />);

    expect((await screen.findByText('Appen når alle enhetene.')).tagName).toBe('P');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('refused_ShowsTheServicesAnswer', async () => {
    fakeService({ 'GET /api/tab/delivery': problem(403, { title: 'Not allowed' }) });
    renderPage(<DeliverySection />);

    expect((await screen.findByRole('alert')).textContent).toContain('Du har ikke tilgang til dette.');
  });
});
