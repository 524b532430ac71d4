import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ActionPlanPage } from '../features/actionplan/ActionPlanPage';
import { ConfigPage } from '../features/config/ConfigPage';
import { OrganisationPage } from '../features/organisation/OrganisationPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { UnitPage } from '../features/unit/UnitPage';
import { YearWheelPage } from '../features/yearwheel/YearWheelPage';
import { actionPlan, byggesak, byggesakForm, delivery, organisationForms, overview, unitLeader, yearWheel } from './fixtures';
import { fakeService, json, problem, renderPage } from './render';

// The structural WCAG 2.1 A/AA rules of axe-core on each page with the fixtures. Contrast needs real layout and
// colours, which jsdom lacks; the end-to-end run in Chromium checks it.
async function violations(ui: ReactElement, ready: () => Promise<unknown>) {
  renderPage(<main>{ui}</main>);
  await ready();
  return scan();
}

async function scan() {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The Organisation page with each dialog opened in turn (by its button), scanned, and closed with Escape. */
async function dialogViolations(steps: readonly (readonly [string, () => Promise<unknown>])[]) {
  fakeService({
    'GET /api/tab/organisation/forms': json(organisationForms),
    'GET /api/tab/organisation/history': json([]),
    'GET /api/tab/organisation/history?unitId=byggesak': json([
      {
        at: '2026-12-01T09:30:00Z',
        byName: 'Jonas Vik',
        fileName: '(edited in the tab)',
        changes: [{ kind: 'changed', subject: 'unit', id: 'byggesak', field: 'leader', before: 'a@fjordvik.kommune.no', after: 'b@fjordvik.kommune.no', note: null }],
        leftOut: 0,
      },
    ]),
  });
  renderPage(
    <main>
      <OrganisationPage />
    </main>,
  );
  const found: string[][] = [];
  for (const [button, ready] of steps) {
    await userEvent.click(await screen.findByRole('button', { name: button }));
    await ready();
    found.push(await scan());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }
  return found;
}

describe('accessibility (axe-core)', () => {
  it('harness_FindsAViolationWhenThereIsOne', async () => {
    // eslint-disable-next-line jsx-a11y/alt-text -- the harness must meet the violation it is to find.
    expect(await violations(<img src="chart.png" />, () => Promise.resolve())).toEqual(['image-alt: img']);
  });

  it('overview_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview), 'GET /api/tab/delivery': json(delivery) });
    expect(await violations(<OverviewPage />, () => screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' }))).toEqual([]);
  });

  it('overview_WithUnitsTheAppCannotReach_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview), 'GET /api/tab/delivery': json(delivery) });
    expect(
      await violations(<OverviewPage />, async () => {
        await screen.findByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
        await screen.findByRole('table', { name: 'Enheter appen ikke når' });
      }),
    ).toEqual([]);
  });

  it('unit_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    expect(await violations(<UnitPage unitId="byggesak" />, () => screen.findByRole('heading', { level: 1, name: 'Byggesak' }))).toEqual([]);
  });

  it('unit_FollowUpDialogOpen_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: /^Gjør til oppfølgingsområde: «Tavlemøtet/ }));
        await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Opprett' }));
        await screen.findByText('Fyll ut feltet.');
      }),
    ).toEqual([]);
  });

  it('unit_BenefitDialogOpenWithAnError_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: /^Rett gevinsten 3,5/ }));
        const dialog = await screen.findByRole('dialog');
        await userEvent.clear(within(dialog).getByLabelText(/Verdi/));
        await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
        await screen.findByText('Fyll ut feltet.');
      }),
    ).toEqual([]);
  });

  it('unit_NewBenefitDialogOpenWithErrors_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: 'Registrer gevinst' }));
        const dialog = await screen.findByRole('dialog', { name: 'Registrer en gevinst' });
        await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
        await within(dialog).findAllByText('Fyll ut feltet.');
      }),
    ).toEqual([]);
  });

  it('unit_StageDialogOpenWithErrors_HasNoViolations', async () => {
    const identified = { ...byggesak.benefits[0]!, stage: 'identified' as const, identified: 169.5, workYears: { identified: 0.1, planned: null, realised: null } };
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, benefits: [identified] }) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: /^Registrer trinn for gevinsten/ }));
        const dialog = await screen.findByRole('dialog');
        await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Oppgi i årsverk' }));
        await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
        await within(dialog).findAllByText('Fyll ut feltet.');
      }),
    ).toEqual([]);
  });

  it('unit_StageDialogReinvested_HasNoViolations', async () => {
    const realised = { ...byggesak.benefits[0]!, stage: 'realised' as const };
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, benefits: [realised] }) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: /^Registrer trinn for gevinsten/ }));
        const dialog = await screen.findByRole('dialog');
        await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
        await within(dialog).findByText('Fyll ut feltet.');
      }),
    ).toEqual([]);
  });

  it('unit_ImprovementDialogOpen_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    expect(
      await violations(<UnitPage unitId="byggesak" />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: 'Ansvarlig og frist for «Digitalt ferdigattest-skjema»' }));
        await screen.findByRole('dialog');
      }),
    ).toEqual([]);
  });

  it('unit_ReadOnlyBoard_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canEditImprovements: false, boardPeople: [] }) });
    expect(await violations(<UnitPage unitId="byggesak" />, () => screen.findByRole('heading', { level: 1, name: 'Byggesak' }))).toEqual([]);
  });

  it('overview_WithFiguresLeftOut_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/overview': json({ ...overview, benefitsLeftOut: [{ unitId: 'byggesak', name: 'Byggesak', count: 2 }] }), 'GET /api/tab/delivery': json(delivery) });
    expect(await violations(<OverviewPage />, () => screen.findByRole('heading', { name: 'Gevinsttall holdt utenfor' }))).toEqual([]);
  });

  it('yearWheel_HasNoViolations', async () => {
    window.location.hash = '#/yearwheel?year=2027';
    fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel) });
    expect(await violations(<YearWheelPage />, () => screen.findByRole('group', { name: 'Årshjul 2027' }))).toEqual([]);
  });

  it('yearWheel_MoveDialogOpen_HasNoViolations', async () => {
    window.location.hash = '#/yearwheel?year=2027';
    fakeService({ 'GET /api/tab/yearwheel?year=2027': json(yearWheel) });
    expect(
      await violations(<YearWheelPage />, async () => {
        const wheel = await screen.findByRole('group', { name: 'Årshjul 2027' });
        await userEvent.click(within(wheel).getByRole('button', { name: /^Gemba-besøk: Byggesak/ }));
        await userEvent.click(screen.getByRole('button', { name: 'Flytt' }));
        await screen.findByRole('dialog', { name: 'Flytt Gemba-besøk Byggesak' });
      }),
    ).toEqual([]);
  });

  it('actionPlan_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/actionplan': json(actionPlan) });
    expect(await violations(<ActionPlanPage />, () => screen.findByRole('table', { name: 'Handlingsplan' }))).toEqual([]);
  });

  it('organisation_WithAPreviewAndHistory_HasNoViolations', async () => {
    fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([
        { at: '2026-12-01T09:30:00Z', byName: 'Jonas Vik', fileName: 'units.csv', changes: [{ kind: 'added', subject: 'unit', id: 'frisklivssentralen', field: null, before: null, after: null, note: null }], leftOut: 0 },
      ]),
      'POST /api/tab/organisation/file?fileName=organisation.yaml': json({
        fileName: 'organisation.yaml',
        changes: [{ kind: 'changed', subject: 'unit', id: 'fjordtun-sykehjem', field: 'leader', before: 'a@fjordvik.kommune.no', after: 'b@fjordvik.kommune.no', note: null }],
        problems: [],
        fingerprint: 'abc',
        applied: false,
        serviceAreas: 4,
        people: 30,
        units: 12,
      }),
    });
    expect(
      await violations(<OrganisationPage />, async () => {
        await screen.findByRole('table', { name: '1 endring' });
        await screen.findByRole('button', { name: 'Legg til enhet' });
        await userEvent.upload(screen.getByLabelText('Fil (.yaml, .yml, .csv eller .xlsx)'), new File(['x'], 'organisation.yaml'));
        await userEvent.click(screen.getByRole('button', { name: 'Se hva som endres' }));
        await waitFor(() => expect(screen.getAllByRole('table', { name: '1 endring' })).toHaveLength(2));
      }),
    ).toEqual([]);
  });

  it('organisation_UnitFormWithFieldErrors_HasNoViolations', async () => {
    fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'PUT /api/tab/organisation/units/byggesak': problem(400, {
        title: 'Check the highlighted fields',
        errors: { 'boardMeeting.time': ["'25:30' is not a time"], 'goals[0].supports': ['unknown goal'], leader: ['unknown person'] },
      }),
    });
    expect(
      await violations(<OrganisationPage />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: 'Endre Byggesak' }));
        await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lagre' }));
        await screen.findByText("'25:30' is not a time");
      }),
    ).toEqual([]);
  });

  it('organisation_UnitFormAfterAConflict_HasNoViolations', async () => {
    fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'PUT /api/tab/organisation/units/byggesak': problem(412, { title: 'Changed by someone else' }),
      'GET /api/tab/organisation/units/byggesak': json({ ...byggesakForm, name: 'Byggesak og oppmåling', etag: 'W/"2"' }),
    });
    expect(
      await violations(<OrganisationPage />, async () => {
        await userEvent.click(await screen.findByRole('button', { name: 'Endre Byggesak' }));
        await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lagre' }));
        await screen.findByText(/De endret: Navn/);
      }),
    ).toEqual([]);
  });

  it('organisation_AddUnitAndAreaDialogs_HaveNoViolations', async () => {
    expect(
      await dialogViolations([
        ['Legg til enhet', () => screen.findByRole('dialog', { name: 'Legg til enhet' })],
        ['Endre tjenesteområdet Samfunn og teknikk', () => screen.findByRole('dialog', { name: 'Endre tjenesteområdet Samfunn og teknikk' })],
      ]),
    ).toEqual([[], []]);
  });

  it('organisation_SettingsArchiveAndHistoryDialogs_HaveNoViolations', async () => {
    expect(
      await dialogViolations([
        ['Endre innstillingene', () => screen.findByRole('dialog', { name: 'Innstillinger' })],
        ['Arkiver Byggesak', () => screen.findByRole('dialog', { name: 'Arkiver Byggesak' })],
        ['Endringslogg for Byggesak', () => screen.findByRole('table', { name: '1 endring' })],
      ]),
    ).toEqual([[], [], []]);
  });

  it('unit_LeadersOwnUnitForm_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak), 'GET /api/tab/organisation/units/byggesak': json({ ...byggesakForm, leaderOnly: true }) });
    renderPage(
      <main>
        <UnitPage unitId="byggesak" />
      </main>,
      { me: unitLeader },
    );
    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });
    await userEvent.click(await screen.findByRole('button', { name: 'Endre enheten' }));
    await screen.findByRole('dialog', { name: 'Endre Byggesak (enhetsleder)' });
    expect(await scan()).toEqual([]);
  });

  it('config_InTeamsWithTheUnitMissing_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    const dialog = { setValidityState: () => {}, registerOnSaveHandler: () => {} };
    expect(
      await violations(<ConfigPage host={dialog} tabUrl="https://lean.fjordvik.example/tab/" />, async () => {
        await userEvent.click(await screen.findByRole('radio', { name: 'En enhets tavle' }));
        await screen.findByText('Velg hvilken enhet fanen skal vise.');
      }),
    ).toEqual([]);
  });

  it('config_OutsideTeamsWithTheAddressShown_HasNoViolations', async () => {
    fakeService({ 'GET /api/tab/overview': json(overview) });
    expect(
      await violations(<ConfigPage host={null} tabUrl="https://lean.fjordvik.example/tab/" />, async () => {
        await userEvent.click(await screen.findByRole('radio', { name: 'Oversikt' }));
        await screen.findByRole('link', { name: 'https://lean.fjordvik.example/tab/#/overview' });
      }),
    ).toEqual([]);
  });

  it('reports_HasNoViolations', async () => {
    expect(await violations(<ReportsPage />, () => screen.findByRole('button', { name: 'Last ned CSV' }))).toEqual([]);
  });
});
