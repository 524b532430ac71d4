import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UnitBenefit, UnitDetails } from '../../shared/api/types';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { UnitPage } from './UnitPage';

// 1 695 hours per årsverk (the fixture's organisation): 169.5 hours are 0.1 årsverk.
const identified: UnitBenefit = {
  ...byggesak.benefits[0]!,
  id: 'b-1',
  stage: 'identified',
  amount: 169.5,
  realisedOn: null,
  affects: [],
  identified: 169.5,
  realised: null,
  workYears: { identified: 0.1, planned: null, realised: null },
  etag: 'W/"s1"',
};
const stageUrl = (stage: string) => `PUT /api/tab/units/byggesak/benefits/b-1/stages/${stage}`;

function unit(benefits: UnitBenefit[], rights: Partial<UnitDetails> = {}): UnitDetails {
  return { ...byggesak, benefits, ...rights };
}

/** The unit page answers with each of `pages` in turn, one per time it is read. */
function service(pages: UnitDetails[], routes: Record<string, Response | (() => Response)>) {
  let read = 0;
  return fakeService({ 'GET /api/tab/units/byggesak': () => json(pages[Math.min(read++, pages.length - 1)]), ...routes });
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

async function openStages() {
  const table = await screen.findByRole('table', { name: 'Gevinster' });
  await userEvent.click(within(table).getByRole('button', { name: 'Registrer trinn for gevinsten 169,5 timer, Spart tid' }));
  return screen.findByRole('dialog', { name: 'Registrer gevinstens trinn' });
}

async function type(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.click(field);
  await userEvent.paste(text);
}

describe('Benefit stages', () => {
  it('stages_EachRecordedStageIsListedWithHoursInÅrsverkDatesAndWhatWasReinvested', async () => {
    const all: UnitBenefit = {
      ...identified,
      stage: 'reinvested',
      planned: 101.7,
      plannedOn: '2026-08-31',
      realised: 84.75,
      realisedOn: '2026-09-15',
      reinvested: 'Mer veiledning av søkere',
      workYears: { identified: 0.1, planned: 0.06, realised: 0.05 },
    };
    service([unit([all])], {});
    renderPage(<UnitPage unitId="byggesak" />);

    const items = within(await screen.findByRole('table', { name: 'Gevinster' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Identifisert: 169,5 timer (0,1 årsverk)',
      'Planlagt: 101,7 timer (0,06 årsverk) innen 31. aug. 2026',
      'Realisert: 84,8 timer (0,05 årsverk) den 15. sep. 2026',
      'Reinvestert: Mer veiledning av søkere',
    ]);
  });

  it('recordStage_NextStageIsPlanned_SendsAmountDateAndETagAndShowsTheUnitAsItNowIs', async () => {
    const planned: UnitBenefit = { ...identified, stage: 'planned', amount: 80, planned: 80, plannedOn: '2026-12-31', workYears: { identified: 0.1, planned: 0.05, realised: null }, etag: 'W/"s2"' };
    const calls = service([unit([identified]), unit([planned])], { [stageUrl('planned')]: json(planned) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    expect(within(dialog).getByLabelText<HTMLSelectElement>(/^Trinn/).value).toBe('planned');
    await type(within(dialog).getByLabelText(/^Verdi/), '80');
    await type(within(dialog).getByLabelText(/^Planlagt realisert innen/), '2026-12-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByText('Gevinsten 80 timer, Spart tid er registrert som planlagt.')).toHaveLength(1);
    expect(calls.calls.find((call) => call.method === 'PUT')!.body).toEqual({ amount: '80', inWorkYears: false, date: '2026-12-31', text: null, etag: 'W/"s1"' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findAllByText('Planlagt: 80 timer (0,05 årsverk) innen 31. des. 2026')).toHaveLength(1);
  });

  it('recordStage_Planned_NeedsADateAndAnAmountBeforeAnythingIsSent', async () => {
    const calls = service([unit([identified])], {});
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(describedBy(within(dialog).getByLabelText(/^Verdi/))).toBe('Fyll ut feltet.');
    expect(describedBy(within(dialog).getByLabelText(/^Planlagt realisert innen/))).toBe('Fyll ut feltet.');
    expect(calls.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });

  it('recordStage_InÅrsverk_ShowsTheHoursAsTypedAndSendsÅrsverk', async () => {
    const calls = service([unit([identified])], { [stageUrl('realised')]: problem(409, { title: 'Not done yet', code: 'improvementNotDone' }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Trinn/), 'realisert');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Oppgi i årsverk' }));
    const amount = within(dialog).getByLabelText(/^Verdi \(årsverk\)/);
    await type(amount, '0.5');

    expect(describedBy(amount)).toBe('Tilsvarer 847,5 timer');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Forbedringen er ikke ferdig ennå');
    expect(calls.calls.find((call) => call.method === 'PUT')!.body).toEqual({ amount: '0.5', inWorkYears: true, date: null, text: null, etag: 'W/"s1"' });
  });

  it('recordStage_InHours_ShowsTheÅrsverkAsTyped', async () => {
    service([unit([identified])], {});
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    const amount = within(dialog).getByLabelText(/^Verdi \(timer\)/);
    await type(amount, '339');

    expect(describedBy(amount)).toBe('Tilsvarer 0,2 årsverk');
  });

  it('recordStage_Reinvested_SendsWhatTheCapacityWentTo', async () => {
    const realised: UnitBenefit = { ...identified, stage: 'realised', realised: 169.5, realisedOn: '2026-11-02' };
    const reinvested: UnitBenefit = { ...realised, stage: 'reinvested', reinvested: 'Flere befaringer', etag: 'W/"s3"' };
    const calls = service([unit([realised]), unit([reinvested])], { [stageUrl('reinvested')]: json(reinvested) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    expect(within(dialog).queryByLabelText(/^Verdi/)).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    const text = within(dialog).getByLabelText(/^Hva den frigjorte kapasiteten gikk til/);
    expect(describedBy(text)).toBe('Fyll ut feltet.');
    await type(text, 'Flere befaringer');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByText('Reinvestert: Flere befaringer')).toHaveLength(1);
    expect(calls.calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { amount: null, inWorkYears: null, date: null, text: 'Flere befaringer', etag: 'W/"s1"' },
    ]);
  });

  it('recordStage_CorrectAnEarlierStage_StartsFromWhatItHolds', async () => {
    service([unit([{ ...identified, stage: 'planned', amount: 80, planned: 80, plannedOn: '2026-12-31' }])], {});
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await screen.findByRole('table', { name: 'Gevinster' });
    await userEvent.click(within(table).getByRole('button', { name: /^Registrer trinn for gevinsten 80 timer/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Trinn/), 'planlagt (rett)');

    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Verdi/).value).toBe('80');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Planlagt realisert innen/).value).toBe('2026-12-31');
  });

  it('recordStage_ServiceRefusesAField_ShowsItsMessageAtThatField', async () => {
    service([unit([identified])], { [stageUrl('planned')]: problem(400, { title: 'Check the highlighted fields', errors: { date: ['Oppgi datoen gevinsten er planlagt realisert innen.'] } }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    await type(within(dialog).getByLabelText(/^Verdi/), '80');
    await type(within(dialog).getByLabelText(/^Planlagt realisert innen/), '2026-12-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await within(dialog).findByText('Oppgi datoen gevinsten er planlagt realisert innen.');
    expect(describedBy(within(dialog).getByLabelText(/^Planlagt realisert innen/))).toBe('Oppgi datoen gevinsten er planlagt realisert innen.');
  });

  it('recordStage_SomeoneChangedItMeanwhile_KeepsWhatWasTypedAndSendsTheNewETagNextTime', async () => {
    const theirs: UnitBenefit = { ...identified, identified: 200, workYears: { identified: 0.12, planned: null, realised: null }, etag: 'W/"s9"' };
    let answers = 0;
    const calls = service([unit([identified]), unit([theirs])], {
      [stageUrl('planned')]: () => (answers++ === 0 ? problem(412, { title: 'Changed meanwhile' }) : problem(409, { title: 'Not done yet', code: 'improvementNotDone' })),
    });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    await type(within(dialog).getByLabelText(/^Verdi/), '80');
    await type(within(dialog).getByLabelText(/^Planlagt realisert innen/), '2026-12-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findAllByText(/Det du skrev er tatt vare på/)).toHaveLength(1);
    expect(await screen.findAllByText('Identifisert: 200 timer (0,12 årsverk)')).toHaveLength(1);
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Verdi/).value).toBe('80');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Planlagt realisert innen/).value).toBe('2026-12-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Forbedringen er ikke ferdig ennå');

    expect(calls.calls.filter((call) => call.method === 'PUT').map((call) => (call.body as { etag: string }).etag)).toEqual(['W/"s1"', 'W/"s9"']);
  });

  it('recordStage_BenefitDeletedMeanwhile_ClosesAndShowsTheUnitAsItNowIs', async () => {
    service([unit([identified]), unit([])], { [stageUrl('planned')]: problem(404, { title: 'Not found', code: 'benefitGone' }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const dialog = await openStages();
    await type(within(dialog).getByLabelText(/^Verdi/), '80');
    await type(within(dialog).getByLabelText(/^Planlagt realisert innen/), '2026-12-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByText('Noen andre har endret gevinsten i mellomtiden. Listen er oppdatert.')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findAllByText('Ingen gevinster registrert.')).toHaveLength(1);
  });

  it('recordStage_MemberWhoMayNotCorrect_RecordsStagesOnly', async () => {
    service([unit([identified], { canCorrectBenefits: false })], {});
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await screen.findByRole('table', { name: 'Gevinster' });
    expect(within(table).getAllByRole('button').map((b) => b.textContent)).toEqual(['Registrer trinn']);
  });
});
