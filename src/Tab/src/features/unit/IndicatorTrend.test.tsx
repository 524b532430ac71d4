import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, renderPage } from '../../test/render';
import { trendPoints } from './IndicatorTrend';
import { UnitPage } from './UnitPage';

describe('Indicator trend', () => {
  it('goalWithIndicator_ShowsTargetAndEachWeeksValueInATable', async () => {
    fakeService({ 'GET /api/tab/units/byggesak': json(byggesak) });
    renderPage(<UnitPage unitId="byggesak" />);

    const goals = await screen.findByRole('region', { name: 'Mål' });
    const [first, second] = within(goals).getAllByRole('listitem');
    expect(first!.textContent).toContain('saksbehandlingstid i dager: mål 21, lavere er bedre · sist 22 (uke 47)');
    const table = within(first!).getByRole('table', { name: 'saksbehandlingstid i dager de siste ukene' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Uke 45', '30'],
      ['Uke 46', '26,5'],
      ['Uke 47', '22'],
    ]);
    // The chart is a picture of the table: hidden from screen readers, which read the table.
    expect(first!.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(second!).queryByRole('table')).toBeNull();
  });

  it('goalWithIndicatorButNoValues_SaysSoWithoutAChart', async () => {
    const [goal] = byggesak.goals;
    fakeService({ 'GET /api/tab/units/byggesak': json({ ...byggesak, goals: [{ ...goal!, indicator: { ...goal!.indicator!, values: [] } }] }) });
    renderPage(<UnitPage unitId="byggesak" />);

    const goals = await screen.findByRole('region', { name: 'Mål' });
    expect(within(goals).getByText('Ingen verdier rapportert de siste ukene.')).not.toBeNull();
    expect(goals.querySelector('svg')).toBeNull();
  });

  it('trendPoints_ValuesInWeekOrder_GoLeftToRightWithLowerValuesLowerAndTheTargetInView', () => {
    const { points, targetY } = trendPoints([30, 26.5, 22], 21);

    expect(points.map(([x]) => x)).toEqual([...points.map(([x]) => x)].sort((a, b) => a - b));
    expect(points[0]![1]).toBeLessThan(points[2]![1]);
    expect(targetY).toBeGreaterThan(points[2]![1]);
    expect(targetY).toBeLessThanOrEqual(64);
  });
});
