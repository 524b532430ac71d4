import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview, OrganisationChange } from '../../shared/api/types';
import { organisationForms } from '../../test/fixtures';
import { fakeService, json, problem, renderPage } from '../../test/render';
import { OrganisationPage } from './OrganisationPage';

const moved: ImportPreview = {
  fileName: 'organisation.yaml',
  changes: [
    { kind: 'note', subject: 'file', id: 'organisation.yaml', field: null, before: null, after: null, note: 'read as UTF-8' },
    { kind: 'changed', subject: 'unit', id: 'fjordtun-sykehjem', field: 'serviceArea', before: 'helse-og-omsorg', after: 'oppvekst-og-kultur', note: null },
  ],
  problems: [],
  fingerprint: 'abc123',
  applied: false,
  serviceAreas: 4,
  people: 30,
  units: 12,
};

const history: OrganisationChange[] = [
  {
    at: '2026-12-01T09:30:00Z',
    byName: 'Jonas Vik',
    fileName: 'units.csv',
    changes: [{ kind: 'added', subject: 'unit', id: 'frisklivssentralen', field: null, before: null, after: null, note: null }],
    leftOut: 0,
  },
];

const yaml = () => new File(['name: Fjordvik kommune\n'], 'organisation.yaml', { type: 'application/yaml' });

describe('Organisation', () => {
  it('upload_PreviewThenSave_SendsTheFileThenTheFingerprintItShowed', async () => {
    const service = fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'POST /api/tab/organisation/file?fileName=organisation.yaml': json(moved),
      'POST /api/tab/organisation/file?fileName=organisation.yaml&apply=abc123': json({ ...moved, applied: true }),
    });
    renderPage(<OrganisationPage />);

    await userEvent.upload(screen.getByLabelText('Fil (.yaml, .yml, .csv eller .xlsx)'), yaml());
    expect(screen.getByRole('button', { name: 'Lagre endringene' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Se hva som endres' }));

    const table = await screen.findByRole('table', { name: '1 endring' });
    expect(within(table).getByRole('rowheader').textContent).toBe('Endret: Enhet fjordtun-sykehjem');
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['serviceArea', 'helse-og-omsorg', 'oppvekst-og-kultur']);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    expect(await screen.findByText('1 endring er lagret.')).not.toBeNull();
    const posts = service.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.url)).toEqual([
      '/api/tab/organisation/file?fileName=organisation.yaml',
      '/api/tab/organisation/file?fileName=organisation.yaml&apply=abc123',
    ]);
    expect(posts.every((c) => c.headers.get('Content-Type') === 'application/octet-stream')).toBe(true);
    // The history is read again after saving, so the change shows there.
    expect(service.calls.filter((c) => c.url === '/api/tab/organisation/history')).toHaveLength(2);
  });

  it('upload_FileWithProblems_ListsEachWithLineAndFieldAndOffersNoSave', async () => {
    fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'POST /api/tab/organisation/file?fileName=organisation.yaml': json({
        ...moved,
        changes: [],
        fingerprint: null,
        problems: [
          { line: 12, field: 'serviceArea', reason: "unknown service area 'finnes-ikke'" },
          { line: 14, field: 'boardMeeting.time', reason: "'25:30' is not a time" },
        ],
      }),
    });
    renderPage(<OrganisationPage />);

    await userEvent.upload(screen.getByLabelText('Fil (.yaml, .yml, .csv eller .xlsx)'), yaml());
    await userEvent.click(screen.getByRole('button', { name: 'Se hva som endres' }));

    expect(await screen.findByText('Fila har 2 feil. Ingenting er lagret.')).not.toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent).filter((text) => text.startsWith('Linje'))).toEqual([
      "Linje 12: serviceArea: unknown service area 'finnes-ikke'",
      "Linje 14: boardMeeting.time: '25:30' is not a time",
    ]);
    expect(screen.getByRole('button', { name: 'Lagre endringene' })).toHaveProperty('disabled', true);
  });

  it('save_OrganisationChangedMeanwhile_ShowsTheServicesProblem', async () => {
    fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'POST /api/tab/organisation/file?fileName=organisation.yaml': json(moved),
      'POST /api/tab/organisation/file?fileName=organisation.yaml&apply=abc123': problem(409, {
        title: 'Changed meanwhile',
        detail: 'The organisation changed since this file was previewed. Preview it again.',
      }),
    });
    renderPage(<OrganisationPage />);

    await userEvent.upload(screen.getByLabelText('Fil (.yaml, .yml, .csv eller .xlsx)'), yaml());
    await userEvent.click(screen.getByRole('button', { name: 'Se hva som endres' }));
    await screen.findByRole('table', { name: '1 endring' });
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Preview it again.');
    // The preview no longer says what would be saved: it is gone, and so is the way to save it.
    expect(screen.queryByRole('table', { name: '1 endring' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lagre endringene' })).toHaveProperty('disabled', true);
  });

  it('download_EitherFile_FetchesItWithTheTokenAndSavesItUnderItsName', async () => {
    const service = fakeService({
      'GET /api/tab/organisation/forms': json(organisationForms),
      'GET /api/tab/organisation/history': json([]),
      'GET /api/tab/organisation/file?format=xlsx': new Response(new Uint8Array([0x50, 0x4b]), {
        headers: { 'Content-Disposition': 'attachment; filename=units.xlsx' },
      }),
      'GET /api/tab/organisation/file?format=yaml': new Response('name: Fjordvik kommune\n', {
        headers: { 'Content-Disposition': 'attachment; filename=organisation.yaml' },
      }),
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:test'), revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderPage(<OrganisationPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Last ned enhetsarket (Excel)' }));
    await screen.findByText('units.xlsx er lastet ned.');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned organisasjonsfila (YAML)' }));
    await screen.findByText('organisation.yaml er lastet ned.');

    expect(saved).toEqual(['units.xlsx', 'organisation.yaml']);
    expect(service.calls.filter((c) => c.url.startsWith('/api/tab/organisation/file')).map((c) => c.headers.get('Authorization'))).toEqual([
      'Bearer test-token',
      'Bearer test-token',
    ]);
  });

  it('history_ShowsWhoChangedWhatFromWhichFile', async () => {
    fakeService({ 'GET /api/tab/organisation/forms': json(organisationForms), 'GET /api/tab/organisation/history': json(history) });
    renderPage(<OrganisationPage />, { locale: 'en' });

    expect(await screen.findByText(/Jonas Vik, from units\.csv/)).not.toBeNull();
    const table = screen.getByRole('table', { name: '1 change' });
    expect(within(table).getByRole('rowheader').textContent).toBe('Added: Unit frisklivssentralen');
  });
});
