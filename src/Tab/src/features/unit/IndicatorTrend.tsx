import { makeStyles, tokens } from '@fluentui/react-components';
import type { Indicator } from '../../shared/api/types';
import { isoWeekNumber } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/i18n';
import { useTableStyles } from '../../shared/ui/tableStyles';

const useStyles = makeStyles({
  trend: { display: 'block', marginBlock: tokens.spacingVerticalXS },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  target: { stroke: tokens.colorNeutralForeground3, strokeDasharray: '4 3', strokeWidth: 1 },
  point: { fill: tokens.colorBrandForeground1 },
});

const width = 240;
const height = 64;
const pad = 6;

/** Where each value and the target sit in the chart: the target is always in view, so the line reads against it. */
export function trendPoints(values: readonly number[], target: number): { points: [number, number][]; targetY: number } {
  const low = Math.min(target, ...values);
  const high = Math.max(target, ...values);
  const span = high - low || 1;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - low) / span);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return { points: values.map((v, i) => [pad + i * step, y(v)]), targetY: y(target) };
}

/**
 * A goal's indicator: the target, whether higher or lower is better, and the values the last weeks' check-ins
 * reported. The line is a picture for those who see it; the table beside it says the same in words for everyone.
 */
export function IndicatorTrend({ indicator }: { indicator: Indicator }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const values = indicator.values.map((v) => v.value);
  const { points, targetY } = trendPoints(values, indicator.target);
  const latest = indicator.values.at(-1);
  return (
    <div>
      <p>
        {indicator.name}: {t.indicatorTarget(fmt.number(indicator.target), t.indicatorBetter[indicator.better])}
        {latest && <> · {t.indicatorLatest(fmt.number(latest.value), isoWeekNumber(latest.week))}</>}
      </p>
      {values.length === 0 ? (
        <p>{t.indicatorNoValues}</p>
      ) : (
        <>
          <svg className={styles.trend} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
            <line className={styles.target} x1={pad} x2={width - pad} y1={targetY} y2={targetY} />
            {points.length > 1 && <polyline className={styles.line} points={points.map(([x, y]) => `${x},${y}`).join(' ')} />}
            {points.map(([x, y], i) => (
              <circle key={i} className={styles.point} cx={x} cy={y} r={3} />
            ))}
          </svg>
          <div className={table.wrapper}>
            <table className={table.table}>
              <caption className={table.hiddenCaption}>{t.indicatorTrendCaption(indicator.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.indicatorWeekColumn}</th>
                  <th scope="col">{t.indicatorValueColumn}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.values.map((v) => (
                  <tr key={v.meetingDate}>
                    <td>{t.week(isoWeekNumber(v.week))}</td>
                    <td>{fmt.number(v.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
