import { Link, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { MeetingStatus, OverviewUnit } from '../../shared/api/types';
import { meetingStatuses } from '../../shared/api/types';
import { href } from '../../shared/routing/routes';
import { isoWeekNumber } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/i18n';
import { ScrollRegion } from '../../shared/ui/ScrollRegion';
import { VisuallyHidden } from '../../shared/ui/VisuallyHidden';
import { useTableStyles } from '../../shared/ui/tableStyles';

/** Each status has a symbol as well as a colour, so that the map reads without colour (WCAG 1.4.1). */
export const statusSymbol: Record<MeetingStatus, string> = {
  held: '✓',
  notHeld: '✕',
  missing: '?',
  dayOff: '–',
  upcoming: '…',
};

const useStyles = makeStyles({
  cell: {
    minWidth: '2rem',
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  held: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  notHeld: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
  missing: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  dayOff: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  upcoming: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground2, ...shorthands.borderStyle('dashed') },
  week: { textAlign: 'center', fontVariantNumeric: 'tabular-nums' },
  // The unit names stay in view while the weeks scroll under them on a narrow screen; opaque, or weeks show through.
  unit: {
    position: 'sticky',
    insetInlineStart: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke1}`,
    minWidth: '7rem',
    maxWidth: '12rem',
  },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, listStyle: 'none', padding: 0 },
  swatch: { display: 'inline-block', minWidth: '1.5rem', marginInlineEnd: tokens.spacingHorizontalXS, border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/**
 * Rows are units, columns the weeks, oldest first; every cell says in words which week and what happened. The last
 * column counts the unit's improvement records: new and done in these weeks, in progress now.
 */
export function HeatMap({ weeks, units, caption }: { weeks: string[]; units: OverviewUnit[]; caption: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const weekNumbers = weeks.map(isoWeekNumber);
  const legendId = useId();

  if (units.length === 0) return <p>{t.noUnits}</p>;
  return (
    <>
      <ScrollRegion label={t.scrollsSideways(caption)}>
        <table className={mergeClasses(table.table, table.scrolls)}>
          <caption className={table.hiddenCaption}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.unit}>
                {t.heatMapUnitColumn}
              </th>
              {weekNumbers.map((week, index) => (
                <th scope="col" key={weeks[index]} className={styles.week}>
                  <VisuallyHidden>{t.week(week)}</VisuallyHidden>
                  <span aria-hidden="true">{week}</span>
                </th>
              ))}
              <th scope="col">{t.heatMapHeldColumn}</th>
              <th scope="col">{t.heatMapImprovementsColumn}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row" className={styles.unit}>
                  <Link href={href({ page: 'unit', unitId: unit.id })}>{unit.name}</Link>
                </th>
                {weekNumbers.map((week, index) => {
                  const status = unit.statuses[index] ?? 'missing';
                  const label = t.weekStatus(week, t.meetingStatus[status]);
                  return (
                    // One element per cell: with 1,000 units the heat map is 12,000 cells, and a hidden label beside
                    // the symbol doubled the layout work. The symbol is an image named by the week and its status.
                    <td key={weeks[index]} className={mergeClasses(styles.cell, styles[status])} title={label} data-status={status}>
                      <span role="img" aria-label={label}>
                        {statusSymbol[status]}
                      </span>
                    </td>
                  );
                })}
                <td className={table.number}>{heldSummary(unit.statuses, t.heatMapHeld)}</td>
                <td>{t.improvementCounts(unit.improvements.new, unit.improvements.inProgress, unit.improvements.done)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p id={legendId}>{t.legend}:</p>
      <ul aria-labelledby={legendId} className={styles.legend}>
        {meetingStatuses.map((status) => (
          <li key={status}>
            <span aria-hidden="true" className={mergeClasses(styles.swatch, styles.cell, styles[status])}>
              {statusSymbol[status]}
            </span>
            {t.meetingStatus[status]}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Weeks off and this week's meeting that has not ended yet are not counted against the unit. */
function heldSummary(statuses: MeetingStatus[], format: (held: number, total: number) => string): string {
  const counted = statuses.filter((status) => status === 'held' || status === 'notHeld' || status === 'missing');
  return format(counted.filter((status) => status === 'held').length, counted.length);
}
