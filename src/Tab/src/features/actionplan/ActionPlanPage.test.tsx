import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ActionPlanRow } from '../../shared/api/types';
import { actionPlan, unitLeader } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { ActionPlanPage } from './ActionPlanPage';

const first = actionPlan.rows[0]!;

describe('Action plan', () => {
  it('table_HasChallengeMeasuresResponsibleDeadlineStatus', async () => {
    fakeService({ 'GET /api/tab/actionplan': json(actionPlan) });
    renderPage(<ActionPlanPage />);

    const table = await screen.findByRole('table', { name: 'Handlingsplan' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Utfordring', 'Tiltak', 'Ansvar', 'Frist', 'Status', 'Endre']);
    const row = within(table).getByRole('rowheader', { name: first.challenge }).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 4)).toEqual([first.measures, 'Rådmannens ledergruppe', '1. mars 2027', 'pågår']);
  });

  it('table_OnAPhone_EachCellCarriesTheNameItIsShownUnderAsACard', async () => {
    fakeService({ 'GET /api/tab/actionplan': json(actionPlan) });
    renderPage(<ActionPlanPage />);

    const table = await screen.findByRole('table', { name: 'Handlingsplan' });
    const row = within(table).getByRole('rowheader', { name: first.challenge }).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.getAttribute('data-label'))).toEqual(['Tiltak', 'Ansvar', 'Frist', 'Status', null]);
  });

  it('notCoordinator_SeesThePlanReadOnly', async () => {
    fakeService({ 'GET /api/tab/actionplan': json(actionPlan) });
    renderPage(<ActionPlanPage />, { me: unitLeader });

    const table = await screen.findByRole('table', { name: 'Handlingsplan' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(5);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByText('Bare Lean-koordinatoren kan endre handlingsplanen.')).not.toBeNull();
  });

  it('coordinator_AddsARow_PostsItAndShowsIt', async () => {
    const added: ActionPlanRow = { id: 'r3', challenge: 'Silotenkning', measures: 'Kartlegge nettverk', responsible: 'TOL', deadline: '2027-09-01', status: 'notStarted', etag: 'e3' };
    const service = fakeService({ 'GET /api/tab/actionplan': json(actionPlan), 'POST /api/tab/actionplan': json(added, 201) });
    renderPage(<ActionPlanPage />);
    await screen.findByRole('table', { name: 'Handlingsplan' });

    await userEvent.click(screen.getByRole('button', { name: 'Legg til rad' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny rad i handlingsplanen' });
    // Pasted rather than typed: each keystroke re-renders the form, which is slow on a busy machine.
    const fill = async (label: RegExp, text: string) => {
      await userEvent.click(within(dialog).getByLabelText(label));
      await userEvent.paste(text);
    };
    await fill(/Utfordring/, ' Silotenkning ');
    await fill(/Tiltak/, 'Kartlegge nettverk');
    await fill(/Ansvar/, 'TOL');
    await fill(/Frist/, '2027-09-01');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findAllByRole('rowheader', { name: 'Silotenkning' })).toHaveLength(1);
    const post = service.calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({ challenge: 'Silotenkning', measures: 'Kartlegge nettverk', responsible: 'TOL', deadline: '2027-09-01', status: 'notStarted', etag: null });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Raden er lagret.');
  });

  it('coordinator_EmptyField_IsNamedBeforeAnythingIsSent', async () => {
    const service = fakeService({ 'GET /api/tab/actionplan': json(actionPlan) });
    renderPage(<ActionPlanPage />);
    await screen.findByRole('table', { name: 'Handlingsplan' });

    await userEvent.click(screen.getByRole('button', { name: 'Legg til rad' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lagre' }));

    const challenge = within(screen.getByRole('dialog')).getByLabelText(/Utfordring/);
    expect(challenge.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(challenge)).toBe('Fyll ut feltet.');
    expect(service.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('coordinator_ServiceRejectsAField_ShowsTheMessageNextToIt', async () => {
    const service = fakeService({
      'GET /api/tab/actionplan': json(actionPlan),
      'PUT /api/tab/actionplan/r1': problem(400, { title: 'One or more validation errors occurred.', errors: { Deadline: ['Fristen må være en dato etter i dag.'] } }),
    });
    renderPage(<ActionPlanPage />);
    await screen.findByRole('table', { name: 'Handlingsplan' });

    await userEvent.click(screen.getByRole('button', { name: `Endre «${first.challenge}»` }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre rad i handlingsplanen' });
    const deadline = within(dialog).getByLabelText(/Frist/);
    expect(deadline).toHaveProperty('value', '2027-03-01');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    await screen.findByText('Fristen må være en dato etter i dag.');
    expect(deadline.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(deadline)).toBe('Fristen må være en dato etter i dag.');
    const put = service.calls.find((call) => call.method === 'PUT')!;
    expect(put.url).toBe('/api/tab/actionplan/r1');
    expect(put.body).toMatchObject({ etag: first.etag, challenge: first.challenge, status: 'inProgress' });
  });

  it('coordinator_RowChangedMeanwhile_OffersToReload', async () => {
    const service = fakeService({
      'GET /api/tab/actionplan': json(actionPlan),
      'PUT /api/tab/actionplan/r1': problem(412, { title: 'Precondition Failed' }),
    });
    renderPage(<ActionPlanPage />);
    await screen.findByRole('table', { name: 'Handlingsplan' });

    await userEvent.click(screen.getByRole('button', { name: `Endre «${first.challenge}»` }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Endret i mellomtiden');
    await userEvent.click(within(alert).getByRole('button', { name: 'Last inn på nytt' }));

    await screen.findByRole('table', { name: 'Handlingsplan' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(service.calls.filter((call) => call.method === 'GET')).toHaveLength(2);
  });

  it('coordinator_DeletesARowAfterConfirming', async () => {
    const service = fakeService({ 'GET /api/tab/actionplan': json(actionPlan), 'DELETE /api/tab/actionplan/r1': new Response(null, { status: 204 }) });
    renderPage(<ActionPlanPage />);
    await screen.findByRole('table', { name: 'Handlingsplan' });

    await userEvent.click(screen.getByRole('button', { name: `Slett «${first.challenge}»` }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Slette raden?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett' }));

    await screen.findByText('Raden er slettet.');
    expect(screen.queryByRole('rowheader', { name: first.challenge })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Legg til rad' })));
    expect(service.calls.some((call) => call.method === 'DELETE' && call.url === '/api/tab/actionplan/r1')).toBe(true);
  });
});

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}
