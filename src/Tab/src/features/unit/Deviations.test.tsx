import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Deviation, UnitDetails } from '../../shared/api/types';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { UnitPage } from './UnitPage';

const late = byggesak.deviations[0]!;
const closeUrl = 'POST /api/tab/units/byggesak/deviations/d1/close';
const followUpUrl = 'POST /api/tab/units/byggesak/deviations/d1/followup';

/** The unit page answers with `before` until something was posted, then with `after`. */
function unitBeforeAndAfter(after: UnitDetails, routes: Record<string, Response | (() => Response)>) {
  let posted = false;
  const wrapped = Object.fromEntries(
    Object.entries(routes).map(([route, answer]) => [
      route,
      () => {
        posted = true;
        return typeof answer === 'function' ? answer() : answer.clone();
      },
    ]),
  );
  return fakeService({ 'GET /api/tab/units/byggesak': () => json(posted ? after : byggesak), ...wrapped });
}

function withDeviation(changed: Deviation): UnitDetails {
  return { ...byggesak, deviations: byggesak.deviations.map((d) => (d.id === changed.id ? changed : d)) };
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

async function deviationsTable() {
  return screen.findByRole('table', { name: 'Avvik' });
}

describe('Deviations', () => {
  it('close_PostsTheETagItReadAndShowsTheUnitAsItNowIs', async () => {
    const closed: Deviation = { ...late, status: 'closed', etag: 'W/"e9"' };
    const service = unitBeforeAndAfter(withDeviation(closed), { [closeUrl]: json(closed) });
    renderPage(<UnitPage unitId="byggesak" />);
    const table = await deviationsTable();

    await userEvent.click(within(table).getByRole('button', { name: 'Lukk «Tavlemøtet startet 10 minutter for sent»' }));

    expect(await screen.findAllByText('«Tavlemøtet startet 10 minutter for sent» er lukket.')).toHaveLength(1);
    const post = service.calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({ etag: 'W/"e1"' });
    const row = within(await deviationsTable()).getByRole('cell', { name: late.text }).closest('tr')!;
    expect(row.textContent).toContain('lukket');
    expect(within(row).queryAllByRole('button')).toHaveLength(0);
    expect(document.activeElement).toBe(await deviationsTable());
  });

  it('close_SomeoneClosedItMeanwhile_SaysSoAndShowsTheUnitAsItNowIs', async () => {
    const closed: Deviation = { ...late, status: 'closed' };
    unitBeforeAndAfter(withDeviation(closed), { [closeUrl]: problem(409, { title: 'Already closed' }) });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await deviationsTable()).getByRole('button', { name: /^Lukk/ }));

    expect(await screen.findAllByText('Noen andre har endret avviket i mellomtiden. Listen er oppdatert.')).toHaveLength(1);
    expect(within(await deviationsTable()).queryByRole('button', { name: /^Lukk/ })).toBeNull();
  });

  it('followUp_UnitCoordinatorAndDeadline_PostsThemAndAnnouncesTheArea', async () => {
    const promoted: Deviation = { ...late, status: 'closed', followUpId: 'dev-d1' };
    const service = unitBeforeAndAfter(withDeviation(promoted), {
      [followUpUrl]: json({
        deviation: promoted,
        followUp: { id: 'dev-d1', text: late.text, owner: 'Linn Aasen', deadline: '2026-12-15', status: 'open', overdue: false },
      }),
    });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await deviationsTable()).getByRole('button', { name: 'Gjør til oppfølgingsområde: «Tavlemøtet startet 10 minutter for sent»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Gjør avviket til et oppfølgingsområde' });
    await userEvent.selectOptions(within(dialog).getByLabelText(/Ansvarlig/), 'Linn Aasen (enhetskoordinator)');
    await userEvent.click(within(dialog).getByLabelText(/Frist/));
    await userEvent.paste('2026-12-15');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opprett' }));

    expect(await screen.findAllByText('«Tavlemøtet startet 10 minutter for sent» er nå et oppfølgingsområde med Linn Aasen som ansvarlig.')).toHaveLength(1);
    expect(service.calls.find((call) => call.method === 'POST')!.body).toEqual({ etag: 'W/"e1"', ownerId: 'linn.aasen@fjordvik.kommune.no', deadline: '2026-12-15' });
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = within(await deviationsTable()).getByRole('cell', { name: late.text }).closest('tr')!;
    expect(row.textContent).toContain('lukket, er nå et oppfølgingsområde');
  });

  it('followUp_SomeoneElseByEmail_SendsTheEmailTyped', async () => {
    const service = unitBeforeAndAfter(byggesak, { [followUpUrl]: problem(400, { title: 'Check the highlighted fields', errors: { ownerId: ['Nobody in the organisation has this id.'] } }) });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await deviationsTable()).getByRole('button', { name: /^Gjør/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Ansvarlig/), 'En annen i organisasjonen …');
    await userEvent.click(within(dialog).getByLabelText(/E-post til den ansvarlige/));
    await userEvent.paste(' jon.myhre@fjordvik.kommune.no ');
    await userEvent.click(within(dialog).getByLabelText(/Frist/));
    await userEvent.paste('2026-12-15');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opprett' }));

    const email = within(dialog).getByLabelText(/E-post til den ansvarlige/);
    await screen.findByText('Nobody in the organisation has this id.');
    expect(describedBy(email)).toBe('Nobody in the organisation has this id.');
    expect(service.calls.find((call) => call.method === 'POST')!.body).toMatchObject({ ownerId: 'jon.myhre@fjordvik.kommune.no' });
  });

  it('followUp_NoDeadline_IsNamedBeforeAnythingIsSent', async () => {
    const service = fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    await userEvent.click(within(await deviationsTable()).getByRole('button', { name: /^Gjør/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opprett' }));

    const deadline = within(dialog).getByLabelText(/Frist/);
    expect(deadline.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(deadline)).toBe('Fyll ut feltet.');
    expect(service.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('noRights_ShowsNoActionColumnAndNoButtons', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canWorkOnBoard: false, canManageFollowUps: false }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await deviationsTable();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Avvik', 'Meldt', 'Status']);
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
  });

  it('onlyManagesFollowUps_OffersNoClose', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, canWorkOnBoard: false }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const table = await deviationsTable();
    expect(within(table).getAllByRole('button').map((button) => button.textContent)).toEqual(['Gjør til oppfølgingsområde']);
  });
});
