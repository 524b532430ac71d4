import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UnitBenefit, UnitDetails } from '../../shared/api/types';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, problem, renderPage, type Call } from '../../test/render';
import { UnitPage } from './UnitPage';

const createUrl = 'POST /api/tab/units/byggesak/benefits';

const created: UnitBenefit = {
  ...byggesak.benefits[0]!,
  id: 'bi-i1',
  stage: 'identified',
  amount: 0,
  realisedOn: null,
  affects: [],
  improvementId: 'i1',
  etag: 'W/"n1"',
  ownerId: 'leder.byggesak@fjordvik.kommune.no',
  identified: 3,
  realised: null,
  workYears: { identified: 0, planned: null, realised: null },
};

/** The unit page answers with `byggesak` until the benefit was posted, then with `after`. */
function service(after: UnitDetails, answer: Response | ((call: Call) => Response)) {
  let sent = false;
  return fakeService({
    'GET /api/tab/units/byggesak': () => json(sent ? after : byggesak),
    [createUrl]: (call: Call) => {
      sent = true;
      return typeof answer === 'function' ? answer(call) : answer.clone();
    },
  });
}

async function openForCard() {
  await userEvent.click(await screen.findByRole('button', { name: 'Registrer gevinst for «Sjekkliste for komplett søknad»' }));
  return screen.findByRole('dialog', { name: 'Registrer en gevinst' });
}

async function openForUnit() {
  await userEvent.click(await screen.findByRole('button', { name: 'Registrer gevinst' }));
  return screen.findByRole('dialog', { name: 'Registrer en gevinst' });
}

async function typeInto(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('NewBenefit', () => {
  it('forAnImprovement_FromItsCard_PostsItsIdKindMeasureEstimateAndOwner_AndTheListShowsIt', async () => {
    const calls = service({ ...byggesak, benefits: [created, ...byggesak.benefits] }, json(created, 201));
    renderPage(<UnitPage unitId="byggesak" />);
    const dialog = await openForCard();
    expect(within(dialog).getByText('Gevinsten hører til forbedringen «Sjekkliste for komplett søknad».')).not.toBeNull();
    // An improvement's benefit takes no title of its own.
    expect(within(dialog).queryByRole('textbox', { name: /Kort tittel/ })).toBeNull();

    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Type gevinst/ }), 'timeSaved');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Måleenhet|Enhet/ }), 'hours');
    await typeInto(within(dialog).getByRole('textbox', { name: /Anslått verdi/ }), '3');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Ansvarlig' }), 'Randi Lie');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    // Said in the board's status line, where the card's other changes are said.
    const said = await screen.findByText('Gevinsten 3 timer, Spart tid er registrert som identifisert.');
    expect(said.getAttribute('role')).toBe('status');
    // The page is hidden from assistive technology until the modal dialog has gone.
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Forbedringer' })).getAllByRole('status')).toContain(said));
    expect(calls.calls.find((c) => c.method === 'POST')!.body).toEqual({
      improvementId: 'i1',
      title: null,
      kind: 'timeSaved',
      measure: 'hours',
      identified: '3',
      ownerId: 'leder.byggesak@fjordvik.kommune.no',
    });
    // Shown in the list without a reload, and its card offers no second benefit.
    expect(within(screen.getByRole('table', { name: 'Gevinster' })).getByText('Identifisert: 3 timer')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrer gevinst for «Sjekkliste for komplett søknad»' })).toBeNull();
  });

  it('forTheUnit_WithAShortTitle_PostsTheTitleAndNoImprovement_AndAnnouncesIt', async () => {
    const unitBenefit: UnitBenefit = { ...created, id: 'c1', improvementId: null, title: 'Ny skranke', kind: 'money', measure: 'nok', identified: 12000.5, ownerId: null, workYears: null };
    const calls = service({ ...byggesak, benefits: [unitBenefit, ...byggesak.benefits] }, json(unitBenefit, 201));
    renderPage(<UnitPage unitId="byggesak" />);
    const dialog = await openForUnit();

    await typeInto(within(dialog).getByRole('textbox', { name: /Kort tittel/ }), '  Ny skranke ');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Type gevinst/ }), 'money');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Måleenhet|Enhet/ }), 'nok');
    await typeInto(within(dialog).getByRole('textbox', { name: /Anslått verdi/ }), '12000.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText(/^Gevinsten 12[\s\u00a0]000,5 kroner, Penger er registrert som identifisert\.$/)).not.toBeNull();
    expect(calls.calls.find((c) => c.method === 'POST')!.body).toEqual({
      improvementId: null,
      title: 'Ny skranke',
      kind: 'money',
      measure: 'nok',
      identified: '12000.5',
      ownerId: null,
    });
  });

  it('forTheUnit_WithoutTitleOrEstimate_SaysSoAndPostsNothing', async () => {
    const calls = service(byggesak, json(created, 201));
    renderPage(<UnitPage unitId="byggesak" />);
    const dialog = await openForUnit();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(within(dialog).getAllByText('Fyll ut feltet.')).toHaveLength(2);
    expect(calls.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('fieldTheServiceRefuses_IsShownNextToItsField', async () => {
    service(byggesak, problem(400, { title: 'Check', errors: { ownerId: ['Oppgi den ansvarlige med e-postadresse, høyst 254 tegn.'] } }));
    renderPage(<UnitPage unitId="byggesak" />);
    const dialog = await openForCard();

    await typeInto(within(dialog).getByRole('textbox', { name: /Anslått verdi/ }), '3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const owner = within(dialog).getByRole('combobox', { name: 'Ansvarlig' });
    await waitFor(() => expect(owner.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (owner.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(describedBy.join(' ')).toContain('Oppgi den ansvarlige med e-postadresse, høyst 254 tegn.');
    expect(screen.getByRole('dialog')).not.toBeNull();
  });

  it('improvementWithItsBenefitAlready_409_IsSaidByItsCode', async () => {
    service(byggesak, problem(409, { title: 'Exists already', code: 'benefitExists' }));
    renderPage(<UnitPage unitId="byggesak" />, { locale: 'sv' });
    await userEvent.click(await screen.findByRole('button', { name: 'Registrera nytta för ”Sjekkliste for komplett søknad”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrera en nytta' });

    await typeInto(within(dialog).getByRole('textbox', { name: /Uppskattat värde/ }), '3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));

    expect(await within(dialog).findByText('Förbättringen har redan en nytta: registrera stegen på den.')).not.toBeNull();
  });

  it('callerWhoMayNotWorkOnTheBoard_IsOfferedNoWayToRecordOne', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canWorkOnBoard: false }) });
    renderPage(<UnitPage unitId="byggesak" />);
    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });

    expect(screen.queryByRole('button', { name: /^Registrer gevinst/ })).toBeNull();
    // The board's own buttons stay: the coordinator manages improvements, but records no unit's benefit.
    expect(screen.queryByRole('button', { name: 'Ansvarlig og frist for «Sjekkliste for komplett søknad»' })).not.toBeNull();
  });

  it('archivedUnit_ItsReadOnlyBoard_IsOfferedNoWayToRecordOne', async () => {
    // What the server sends for an archived unit: no one may edit its improvements nor work on its board.
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canEditImprovements: false, canWorkOnBoard: false, boardPeople: [] }) });
    renderPage(<UnitPage unitId="byggesak" />);
    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });

    expect(screen.queryByRole('button', { name: /^Registrer gevinst/ })).toBeNull();
  });

  it('improvementWithABenefit_OffersNoSecondOne', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, benefits: [created] }) });
    renderPage(<UnitPage unitId="byggesak" />);
    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });

    expect(screen.queryByRole('button', { name: 'Registrer gevinst for «Sjekkliste for komplett søknad»' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrer gevinst for «Felles innboks»' })).not.toBeNull();
  });

  it('labels_EveryFieldIsNamed_InEachLanguage', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />, { locale: 'nn' });
    await userEvent.click(await screen.findByRole('button', { name: 'Registrer gevinst' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer ein gevinst' });

    expect(within(dialog).getByRole('textbox', { name: /^Kort tittel/ })).not.toBeNull();
    expect(within(dialog).getByRole('textbox', { name: /^Anslått verdi \(identifisert\)/ })).not.toBeNull();
    expect(within(dialog).getByRole('combobox', { name: 'Ansvarleg' })).not.toBeNull();
    expect(within(dialog).getByRole('option', { name: 'Meg' })).not.toBeNull();
  });
});
