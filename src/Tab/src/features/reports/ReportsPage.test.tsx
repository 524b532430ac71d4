import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { reportPath, reportPeriod } from '../../shared/api/tabApi';
import { fakeService, problem, renderPage } from '../../test/render';
import { defaultPeriod, ReportsPage } from './ReportsPage';

describe('Reports', () => {
  it('reportPath_QuarterOrYear_FollowsTheContract', () => {
    expect(reportPath(reportPeriod(2026, 3), 'csv')).toBe('/api/tab/reports/2026-Q3.csv');
    expect(reportPath(reportPeriod(2026, null), 'xlsx')).toBe('/api/tab/reports/2026.xlsx');
  });

  it('defaultPeriod_IsTheQuarterThatHasJustEnded', () => {
    expect(defaultPeriod(new Date(2026, 10, 23))).toEqual({ year: 2026, quarter: 3 });
    expect(defaultPeriod(new Date(2027, 1, 1))).toEqual({ year: 2026, quarter: 4 });
  });

  it('download_FetchesWithTheTokenAndSavesTheFileUnderItsName', async () => {
    const service = fakeService({
      'GET /api/tab/reports/2025.xlsx': new Response(new Uint8Array([0x50, 0x4b]), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="lean-2025.xlsx"' },
      }),
    });
    const createObjectURL = vi.fn((blob: Blob) => `blob:test/${blob.size}`);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    renderPage(<ReportsPage today={new Date(2026, 10, 23)} />);

    await userEvent.selectOptions(screen.getByLabelText('År'), '2025');
    await userEvent.selectOptions(screen.getByLabelText('Periode'), 'Hele året');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned Excel' }));

    expect(await screen.findAllByText('lean-2025.xlsx er lastet ned.')).toHaveLength(1);
    expect(service.calls).toHaveLength(1);
    expect(service.calls[0]!.url).toBe('/api/tab/reports/2025.xlsx');
    expect(service.calls[0]!.headers.get('Authorization')).toBe('Bearer test-token');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual([{ href: 'blob:test/2', download: 'lean-2025.xlsx' }]);
  });

  it('download_DefaultPeriod_AsksForTheLastQuarterAsCsv', async () => {
    const service = fakeService({ 'GET /api/tab/reports/2026-Q3.csv': problem(403, { title: 'Forbidden' }) });
    renderPage(<ReportsPage today={new Date(2026, 10, 23)} />);

    await userEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Du har ikke tilgang til dette.');
    expect(service.calls[0]!.url).toBe('/api/tab/reports/2026-Q3.csv');
  });
});
