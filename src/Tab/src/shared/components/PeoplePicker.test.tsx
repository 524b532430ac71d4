import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeService, json, problem, renderPage } from '../../test/render';
import type { PersonChoice } from '../api/types';
import { PeoplePicker } from './PeoplePicker';

const randi: PersonChoice = { email: 'leder.byggesak@fjordvik.kommune.no', name: 'Randi Lie', jobTitle: 'Enhetsleder', inOrganisation: true };
const newcomer: PersonChoice = { email: 'ny.leder@fjordvik.kommune.no', name: 'ny.leder@fjordvik.kommune.no', jobTitle: null, inOrganisation: false };

/** A form's use of the picker: it keeps the picked person and shows it. */
function Form({ onPick }: { onPick: (person: PersonChoice | null) => void }) {
  const [leader, setLeader] = useState<PersonChoice | null>(null);
  return (
    <>
      <PeoplePicker
        label="Enhetsleder"
        value={leader}
        onChange={(person) => {
          setLeader(person);
          onPick(person);
        }}
      />
      <p>{leader ? `Valgt: ${leader.email}` : 'Ingen valgt'}</p>
    </>
  );
}

describe('PeoplePicker', () => {
  it('typing_SearchesOnceAfterThePauseAndArrowsAndEnterPickAPerson', async () => {
    const vikar: PersonChoice = { email: 'randi.vikar@fjordvik.kommune.no', name: 'Randi Vikar', jobTitle: null, inOrganisation: false };
    const { calls } = fakeService({ 'GET /api/tab/people?q=ran': json({ people: [randi, vikar], fromDirectory: true }) });
    const onPick = vi.fn();
    renderPage(<Form onPick={onPick} />);
    const user = userEvent.setup();

    const box = screen.getByRole('combobox', { name: 'Enhetsleder' });
    expect(screen.getByRole('status').textContent).toBe('Skriv minst to bokstaver av et navn eller en e-postadresse.');
    await user.type(box, 'ran');

    expect(await screen.findByRole('option', { name: /Randi Lie/ })).not.toBeNull();
    expect(screen.getByRole('option', { name: /Randi Vikar/ }).textContent).toContain('ny i organisasjonen');
    expect(screen.getByRole('status').textContent).toBe('2 treff.');
    expect(box.getAttribute('aria-describedby')).toContain(screen.getByRole('status').id);
    // Three keystrokes, one search: the first two were cancelled by the next before the pause ended.
    expect(calls.map((c) => c.url)).toEqual(['/api/tab/people?q=ran']);
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer test-token');

    // The first match is active as the list opens; the arrow moves to the second, Enter picks it.
    await user.keyboard('{ArrowDown}{Enter}');

    expect(onPick).toHaveBeenLastCalledWith(vikar);
    expect(screen.getByText('Valgt: randi.vikar@fjordvik.kommune.no')).not.toBeNull();
    expect((box as HTMLInputElement).value).toBe('Randi Vikar');
  });

  it('anAddressNobodyHas_IsOfferedAsANewPerson', async () => {
    fakeService({ 'GET /api/tab/people?q=ny.leder%40fjordvik.kommune.no': json({ people: [newcomer], fromDirectory: false }) });
    const onPick = vi.fn();
    renderPage(<Form onPick={onPick} />, { locale: 'en' });
    const user = userEvent.setup();

    await user.type(screen.getByRole('combobox', { name: 'Enhetsleder' }), 'ny.leder@fjordvik.kommune.no');
    await user.click(await screen.findByRole('option', { name: /new to the organisation/ }));

    expect(onPick).toHaveBeenLastCalledWith(newcomer);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('directoryBusy_SaysWhatTheServiceSaid', async () => {
    fakeService({ 'GET /api/tab/people?q=kari': problem(503, { title: 'Directory busy', detail: 'The directory is busy. Try again in 45 seconds.' }) });
    renderPage(<Form onPick={vi.fn()} />);

    await userEvent.setup().type(screen.getByRole('combobox', { name: 'Enhetsleder' }), 'kari');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The directory is busy. Try again in 45 seconds.'));
    expect(screen.queryByRole('option')).toBeNull();
  });

  it('noMatches_SaysSoInSwedish', async () => {
    fakeService({ 'GET /api/tab/people?q=zz': json({ people: [], fromDirectory: false }) });
    renderPage(<Form onPick={vi.fn()} />, { locale: 'sv' });

    await userEvent.setup().type(screen.getByRole('combobox', { name: 'Enhetsleder' }), 'zz');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Inga träffar.'));
  });
});
