import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { reportPath, reportPeriod } from '../../shared/api/tabApi';
import { coordinator } from '../../test/fixtures';
import { fakeService, problem, renderPage } from '../../test/render';
import { defaultPeriod, ReportsPage } from './ReportsPage';

describe('Reports', () => {
  it('reportPath_QuarterTertialOrYear_FollowsTheContract', () => {
    expect(reportPath(reportPeriod(2026, 3), 'csv')).toBe('/api/tab/reports/2026-Q3.csv');
    expect(reportPath(reportPeriod(2026, 2, 'tertial'), 'csv')).toBe('/api/tab/reports/2026-T2.csv');
    expect(reportPath(reportPeriod(2026, null, 'tertial'), 'xlsx')).toBe('/api/tab/reports/2026.xlsx');
  });

  it('defaultPeriod_IsTheQuarterThatHasJustEnded', () => {
    expect(defaultPeriod(new Date(2026, 10, 23))).toEqual({ year: 2026, part: 3 });
    expect(defaultPeriod(new Date(2027, 1, 1))).toEqual({ year: 2026, part: 4 });
  });

  it('defaultPeriod_Tertial_IsTheTertialThatHasJustEndedAcrossTheYear', () => {
    expect(defaultPeriod(new Date(2026, 4, 1), 'tertial')).toEqual({ year: 2026, part: 1 });
    expect(defaultPeriod(new Date(2026, 7, 31), 'tertial')).toEqual({ year: 2026, part: 1 });
    expect(defaultPeriod(new Date(2026, 8, 1), 'tertial')).toEqual({ year: 2026, part: 2 });
    expect(defaultPeriod(new Date(2026, 11, 31), 'tertial')).toEqual({ year: 2026, part: 2 });
    expect(defaultPeriod(new Date(2027, 3, 30), 'tertial')).toEqual({ year: 2026, part: 3 });
  });

  it('periods_TertialCycle_OffersTheThreeTertialsAndTheYearAndAsksForTheLastTertial', async () => {
    const service = fakeService({ 'GET /api/tab/reports/2026-T2.csv': problem(403, { title: 'Forbidden' }) });
    renderPage(<ReportsPage today={new Date(2026, 10, 23)} />, { me: { ...coordinator, reportCycle: 'tertial' } });

    const options = screen.getAllByRole('option').filter((o) => o.closest('select') === screen.getByLabelText('Periode'));
    expect(options.map((o) => o.textContent)).toEqual(['1. tertial (januar–april)', '2. tertial (mai–august)', '3. tertial (september–desember)', 'Hele året']);
    expect(screen.getByLabelText<HTMLSelectElement>('Periode').value).toBe('2');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Du har ikke tilgang til dette.');
    expect(service.calls.map((call) => call.url)).toEqual(['/api/tab/reports/2026-T2.csv']);
  });

  it('periods_TertialChosen_AsksForThatTertial', async () => {
    const service = fakeService({ 'GET /api/tab/reports/2025-T3.xlsx': problem(403, { title: 'Forbidden' }) });
    renderPage(<ReportsPage today={new Date(2026, 10, 23)} />, { me: { ...coordinator, reportCycle: 'tertial' } });

    await userEvent.selectOptions(screen.getByLabelText('År'), '2025');
    await userEvent.selectOptions(screen.getByLabelText('Periode'), '3. tertial (september–desember)');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned Excel' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Du har ikke tilgang til dette.');
    expect(service.calls.map((call) => call.url)).toEqual(['/api/tab/reports/2025-T3.xlsx']);
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
