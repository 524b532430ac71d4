import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Improvement, UnitDetails } from '../../shared/api/types';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, pageOpened, problem, renderPage, type Call } from '../../test/render';
import { UnitPage } from './UnitPage';

const unitUrl = 'GET /api/tab/units/byggesak';
const checklist = byggesak.improvements[0]!;
const form = byggesak.improvements[2]!;

function withImprovement(changed: Improvement): UnitDetails {
  return { ...byggesak, improvements: byggesak.improvements.map((i) => (i.id === changed.id ? changed : i)) };
}

/** The unit page answers with `before` until something was changed, then with `after`. */
function service(after: UnitDetails, routes: Record<string, Response | ((call: Call) => Response)>) {
  let changed = false;
  const wrapped = Object.fromEntries(
    Object.entries(routes).map(([route, answer]) => [
      route,
      (call: Call) => {
        changed = true;
        return typeof answer === 'function' ? answer(call) : answer.clone();
      },
    ]),
  );
  return fakeService({ [unitUrl]: () => json(changed ? after : byggesak), ...wrapped });
}

async function board() {
  await pageOpened('Byggesak');
  return screen.getByRole('region', { name: 'Forbedringer' });
}

function column(within_: HTMLElement, name: RegExp) {
  return within(within_).getByRole('region', { name });
}

function card(id: string, scope: HTMLElement = document.body): HTMLElement {
  return scope.querySelector(`[data-improvement="${id}"]`)!;
}

/** HTML5 drag and drop as the browser fires it: start on the card, over and drop on the target, end on the card. */
function drag(source: HTMLElement, target: HTMLElement) {
  const dataTransfer = { data: {} as Record<string, string>, setData(type: string, value: string) { this.data[type] = value; }, getData(type: string) { return this.data[type] ?? ''; }, dropEffect: 'none', effectAllowed: 'all' };
  fireEvent.dragStart(source, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
  fireEvent.dragEnd(source, { dataTransfer });
}

const moved: Improvement = { ...checklist, stage: 'inProgress', moves: ['done', 'rejected'], etag: 'W/"i1b"' };
const moveUrl = 'POST /api/tab/units/byggesak/improvements/i1/move';

describe('Board', () => {
  it('add_TitleOwnerAndDeadline_PostsThemAndAnnouncesIt', async () => {
    const added: Improvement = { ...checklist, id: 'n1', title: 'Felles mal for nabovarsel', ownerId: 'linn.aasen@fjordvik.kommune.no', ownerName: 'Linn Aasen', dueDate: '2026-12-18' };
    const calls = service({ ...byggesak, improvements: [added, ...byggesak.improvements] }, { 'POST /api/tab/units/byggesak/improvements': json(added, 201) });
    renderPage(<UnitPage unitId="byggesak" />);
    const adding = await screen.findByRole('form', { name: 'Ny forbedring' });

    await userEvent.type(within(adding).getByRole('textbox', { name: /Tittel/ }), 'Felles mal for nabovarsel');
    await userEvent.selectOptions(within(adding).getByRole('combobox', { name: 'Ansvarlig' }), 'Linn Aasen');
    fireEvent.change(within(adding).getByLabelText('Frist'), { target: { value: '2026-12-18' } });
    await userEvent.click(within(adding).getByRole('button', { name: 'Legg til' }));

    expect(await screen.findByText('«Felles mal for nabovarsel» er lagt til.')).not.toBeNull();
    expect(calls.calls.find((c) => c.method === 'POST')!.body).toEqual({ title: 'Felles mal for nabovarsel', ownerId: 'linn.aasen@fjordvik.kommune.no', dueDate: '2026-12-18' });
    expect(card('n1')).not.toBeNull();
  });

  it('add_WithoutATitle_SaysSoAndPostsNothing', async () => {
    const calls = service(byggesak, {});
    renderPage(<UnitPage unitId="byggesak" />);
    const adding = await screen.findByRole('form', { name: 'Ny forbedring' });

    await userEvent.click(within(adding).getByRole('button', { name: 'Legg til' }));

    expect(within(adding).getByText('Fyll ut feltet.')).not.toBeNull();
    expect(calls.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('add_FieldTheServiceRefuses_IsShownNextToTheField', async () => {
    service(byggesak, { 'POST /api/tab/units/byggesak/improvements': problem(400, { title: 'Check', errors: { dueDate: ['Give a date from today.'] } }) });
    renderPage(<UnitPage unitId="byggesak" />);
    const adding = await screen.findByRole('form', { name: 'Ny forbedring' });

    await userEvent.type(within(adding).getByRole('textbox', { name: /Tittel/ }), 'Noe');
    await userEvent.click(within(adding).getByRole('button', { name: 'Legg til' }));

    expect(await within(adding).findByText('Give a date from today.')).not.toBeNull();
  });

  it('moveByKeyboard_TheCardsButton_PostsTheMoveWithTheETagAndAnnouncesIt', async () => {
    const calls = service(withImprovement(moved), { [moveUrl]: json(moved) });
    renderPage(<UnitPage unitId="byggesak" />);
    const suggested = column(await board(), /^Foreslått/);
    // Only the moves the lifecycle allows are offered.
    expect(within(card('i1', suggested)).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Flytt «Sjekkliste for komplett søknad» til Pågår',
      'Flytt «Sjekkliste for komplett søknad» til Avvist',
      'Ansvarlig og frist for «Sjekkliste for komplett søknad»',
      'Registrer gevinst for «Sjekkliste for komplett søknad»',
    ]);

    within(card('i1', suggested)).getByRole('button', { name: 'Flytt «Sjekkliste for komplett søknad» til Pågår' }).focus();
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByText('«Sjekkliste for komplett søknad» er flyttet til Pågår.')).not.toBeNull();
    const post = calls.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ to: 'inProgress', etag: null });
    expect(post.headers.get('If-Match')).toBe('W/"i1"');
    await waitFor(() => expect(card('i1', column(screen.getByRole('region', { name: 'Forbedringer' }), /^Pågår/))).not.toBeNull());
  });

  it('rejectedCard_OffersNoBenefit', async () => {
    fakeService({ [unitUrl]: () => json(withImprovement({ ...checklist, stage: 'rejected', moves: [], etag: 'W/"i1r"' })) });
    renderPage(<UnitPage unitId="byggesak" />);
    const view = await board();

    expect(card('i1', view)).not.toBeNull();
    expect(within(card('i1', view)).queryByRole('button', { name: 'Registrer gevinst for «Sjekkliste for komplett søknad»' })).toBeNull();
  });

  it('moveByDrag_ToAColumnTheLifecycleAllows_PostsTheMove', async () => {
    const calls = service(withImprovement(moved), { [moveUrl]: json(moved) });
    renderPage(<UnitPage unitId="byggesak" />);
    const view = await board();

    drag(card('i1', view), column(view, /^Pågår/));

    expect(await screen.findByText('«Sjekkliste for komplett søknad» er flyttet til Pågår.')).not.toBeNull();
    expect(calls.calls.find((c) => c.method === 'POST')!.url).toBe('/api/tab/units/byggesak/improvements/i1/move');
  });

  it('moveByDrag_ToAColumnTheLifecycleDoesNotAllow_PostsNothing', async () => {
    const calls = service(byggesak, { [moveUrl]: json(moved) });
    renderPage(<UnitPage unitId="byggesak" />);
    const view = await board();

    drag(card('i1', view), column(view, /^Ferdig/));

    expect(calls.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('move_SomeoneChangedItMeanwhile_SaysSoInTheUsersLanguageAndReloads', async () => {
    const calls = service(byggesak, { [moveUrl]: problem(412, { title: 'Changed meanwhile' }) });
    renderPage(<UnitPage unitId="byggesak" />, { locale: 'sv' });
    await screen.findByRole('heading', { level: 1, name: 'Byggesak' });

    await userEvent.click(screen.getByRole('button', { name: 'Flytta ”Sjekkliste for komplett søknad” till Pågår' }));

    expect(await screen.findByText('Någon annan har ändrat förbättringen under tiden. Tavlan är uppdaterad; försök igen.')).not.toBeNull();
    // The board read again after the refusal (the unit page also reads the unit's form for the edit button).
    expect(calls.calls.filter((c) => c.method === 'GET' && c.url === '/api/tab/units/byggesak')).toHaveLength(2);
  });

  it('ownerAndDeadline_TheDialog_PutsBothWithTheETagEachAnswered', async () => {
    const owned: Improvement = { ...checklist, ownerId: 'leder.byggesak@fjordvik.kommune.no', ownerName: 'Randi Lie', etag: 'W/"i1b"' };
    const dated: Improvement = { ...owned, dueDate: '2027-01-15', etag: 'W/"i1c"' };
    const calls = service(withImprovement(dated), {
      'PUT /api/tab/units/byggesak/improvements/i1/owner': json(owned),
      'PUT /api/tab/units/byggesak/improvements/i1/due': json(dated),
    });
    renderPage(<UnitPage unitId="byggesak" />);
    await board();

    await userEvent.click(screen.getByRole('button', { name: 'Ansvarlig og frist for «Sjekkliste for komplett søknad»' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Ansvarlig' }), 'Randi Lie');
    fireEvent.change(within(dialog).getByLabelText('Frist'), { target: { value: '2027-01-15' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('«Sjekkliste for komplett søknad» er lagret.')).not.toBeNull();
    const [owner, due] = calls.calls.filter((c) => c.method === 'PUT');
    expect([owner!.body, owner!.headers.get('If-Match')]).toEqual([{ ownerId: 'leder.byggesak@fjordvik.kommune.no', etag: null }, 'W/"i1"']);
    expect([due!.body, due!.headers.get('If-Match')]).toEqual([{ dueDate: '2027-01-15', etag: null }, 'W/"i1b"']);
    expect(await screen.findByText('Ansvarlig: Randi Lie')).not.toBeNull();
  });

  it('owner_RemovedOrErased_IsSaidSo', async () => {
    fakeService({
      [unitUrl]: json({
        ...byggesak,
        improvements: [
          { ...checklist, ownerId: 'tidligere@fjordvik.kommune.no', ownerName: 'Per Tidligere', ownerRemoved: true },
          { ...byggesak.improvements[1]!, ownerId: 'erased-4f2a', ownerName: null, ownerRemoved: true },
        ],
      }),
    });
    renderPage(<UnitPage unitId="byggesak" />);
    await board();

    expect(screen.getByText('Ansvarlig: Per Tidligere (ikke lenger i organisasjonen)')).not.toBeNull();
    expect(screen.getByText('Ansvarlig: slettet person')).not.toBeNull();
  });

  it('pickByKeyboard_ThePlacementSelect_PutsEffortAndEffect', async () => {
    const placed: Improvement = { ...checklist, effort: 'high', effect: 'high', pick: 'challenge', etag: 'W/"i1b"' };
    const calls = service(withImprovement(placed), { 'PUT /api/tab/units/byggesak/improvements/i1/pick': json(placed) });
    renderPage(<UnitPage unitId="byggesak" />);
    const grid = await screen.findByRole('region', { name: 'Innsats og effekt (PICK)' });
    expect(within(grid).getByRole('region', { name: /^Gjennomfør \(1\)/ }).textContent).toContain('Digitalt ferdigattest-skjema');

    await userEvent.selectOptions(within(grid).getByRole('combobox', { name: 'Plassering av «Sjekkliste for komplett søknad»' }), 'challenge');

    expect(await screen.findByText('«Sjekkliste for komplett søknad» er plassert i Utfordring.')).not.toBeNull();
    const put = calls.calls.find((c) => c.method === 'PUT')!;
    expect([put.body, put.headers.get('If-Match')]).toEqual([{ effort: 'high', effect: 'high', etag: null }, 'W/"i1"']);
    await waitFor(() => expect(within(grid).getByRole('region', { name: /^Utfordring \(1\)/ }).textContent).toContain('Sjekkliste for komplett søknad'));
  });

  it('pickByDrag_ToAQuadrant_PutsItsPlace_AndOffTheGridTakesItAway', async () => {
    const calls = service(byggesak, {
      'PUT /api/tab/units/byggesak/improvements/i1/pick': json({ ...checklist, pick: 'kill' }),
      'PUT /api/tab/units/byggesak/improvements/i3/pick': json({ ...form, effort: null, effect: null, pick: null }),
    });
    renderPage(<UnitPage unitId="byggesak" />);
    const grid = await screen.findByRole('region', { name: 'Innsats og effekt (PICK)' });

    drag(card('i1', grid), within(grid).getByRole('region', { name: /^Forkast/ }));
    await screen.findByText('«Sjekkliste for komplett søknad» er plassert i Forkast.');
    drag(card('i3', grid), within(grid).getByRole('region', { name: /^Ikke plassert/ }));
    await screen.findByText('«Digitalt ferdigattest-skjema» er tatt ut av rutenettet.');

    expect(calls.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { effort: 'high', effect: 'low', etag: null },
      { effort: null, effect: null, etag: null },
    ]);
  });

  it('readOnly_ForThoseWhoMayNotEdit_HasNoFormButtonsOrDragging', async () => {
    fakeService({ [unitUrl]: json({ ...byggesak, canEditImprovements: false, boardPeople: [] }) });
    renderPage(<UnitPage unitId="byggesak" />);
    const view = await board();

    expect(screen.queryByRole('form', { name: 'Ny forbedring' })).toBeNull();
    expect(within(view).queryAllByRole('button')).toHaveLength(0);
    expect(card('i1', view).getAttribute('draggable')).toBe('false');
    expect(within(screen.getByRole('region', { name: 'Innsats og effekt (PICK)' })).queryAllByRole('combobox')).toHaveLength(0);
  });
});
