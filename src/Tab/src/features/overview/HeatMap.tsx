import { Link, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { memo, useId, useMemo, useRef } from 'react';
import type { MeetingStatus, OverviewUnit } from '../../shared/api/types';
import { meetingStatuses } from '../../shared/api/types';
import { href } from '../../shared/routing/routes';
import { isoWeekNumber } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/i18n';
import { ScrollRegion } from '../../shared/ui/ScrollRegion';
import { VisuallyHidden } from '../../shared/ui/VisuallyHidden';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { useRowWindow } from './useRowWindow';

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
 * column counts the unit's improvement records: new and done in these weeks, in progress now. Above `windowAbove`
 * units only the rows near the screen are rendered, the others stood in for by spacers of their height; the table
 * says how many rows it has and each row which one it is, so that a screen reader still says "row 537 of 1001".
 */
export function HeatMap({ weeks, units, caption }: { weeks: string[]; units: OverviewUnit[]; caption: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const weekNumbers = useMemo(() => weeks.map(isoWeekNumber), [weeks]);
  const legendId = useId();
  const body = useRef<HTMLTableSectionElement>(null);
  const shown = useRowWindow(units.length, body);

  if (units.length === 0) return <p>{t.noUnits}</p>;
  const start = shown ? Math.min(shown.start, units.length) : 0;
  const end = shown ? Math.min(shown.end, units.length) : units.length;
  const columns = weeks.length + 3;
  return (
    <>
      <ScrollRegion label={t.scrollsSideways(caption)}>
        <table className={mergeClasses(table.table, table.scrolls)} aria-rowcount={units.length + 1}>
          <caption className={table.hiddenCaption}>{caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
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
          <tbody ref={body}>
            {shown && start > 0 && <Spacer height={start * shown.rowHeight} columns={columns} />}
            {units.slice(start, end).map((unit, index) => (
              <UnitRow key={unit.id} unit={unit} rowIndex={start + index + 2} weeks={weeks} weekNumbers={weekNumbers} />
            ))}
            {shown && end < units.length && <Spacer height={(units.length - end) * shown.rowHeight} columns={columns} />}
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

/** Memoised: when the window moves, only the rows coming into it are rendered. */
const UnitRow = memo(function UnitRow({
  unit,
  rowIndex,
  weeks,
  weekNumbers,
}: {
  unit: OverviewUnit;
  rowIndex: number;
  weeks: string[];
  weekNumbers: number[];
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  return (
    <tr aria-rowindex={rowIndex}>
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
  );
});

/** Stands in for rows not rendered: as tall as they would be, and not there for a screen reader. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true">
      {/* Inline, to win over the table's cell padding and border, which would add to the height. */}
      <td colSpan={columns} style={{ height: `${height}px`, padding: 0, border: 'none' }} />
    </tr>
  );
}

/** Weeks off and this week's meeting that has not ended yet are not counted against the unit. */
function heldSummary(statuses: MeetingStatus[], format: (held: number, total: number) => string): string {
  const counted = statuses.filter((status) => status === 'held' || status === 'notHeld' || status === 'missing');
  return format(counted.filter((status) => status === 'held').length, counted.length);
}
