import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { BenefitAmount, MonthlyBenefit } from '../../shared/api/types';
import { labelOf, useI18n } from '../../shared/i18n/i18n';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { useVisuallyHiddenClass } from '../../shared/ui/VisuallyHidden';

const useStyles = makeStyles({
  charts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  figure: { margin: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  svg: { width: '100%', maxWidth: '26rem', height: 'auto', display: 'block' },
  bar: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '0.5px' },
  axis: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1px' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
});

const width = 360;
const height = 170;
const plotTop = 16;
const plotBottom = 140;
const slot = width / 12;

interface Series {
  key: string;
  kind: string;
  measure: string;
  total: number;
  perMonth: number[];
}

/**
 * One bar chart per kind and measure (hours and kroner do not share an axis), months of the year as bars. The
 * picture is hidden from screen readers; the table in the same figure carries the same numbers.
 */
export function BenefitsChart({ byMonth, totals }: { byMonth: MonthlyBenefit[]; totals: BenefitAmount[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const hidden = useVisuallyHiddenClass();
  const baseId = useId();

  if (totals.length === 0 && byMonth.length === 0) return <p>{t.noBenefits}</p>;
  const series = toSeries(byMonth, totals);
  const monthNames = fmt.monthNames('short');
  const longMonthNames = fmt.monthNames('long');
  const name = (s: { kind: string; measure: string }) => `${labelOf(t.benefitKind, s.kind)} (${labelOf(t.measure, s.measure)})`;

  return (
    <>
      <div className={styles.charts}>
        {series.map((s) => {
          const max = Math.max(...s.perMonth, 0) || 1;
          const captionId = `${baseId}-${s.key}`;
          return (
            <figure key={s.key} className={styles.figure} aria-labelledby={captionId}>
              <figcaption id={captionId} className={styles.caption}>
                {name(s)}: {fmt.number(s.total)}
              </figcaption>
              <svg viewBox={`0 0 ${width} ${height}`} className={styles.svg} aria-hidden="true" focusable="false">
                <line x1={0} x2={width} y1={plotBottom} y2={plotBottom} className={styles.axis} />
                {s.perMonth.map((amount, month) => {
                  const barHeight = ((plotBottom - plotTop) * amount) / max;
                  const x = month * slot + slot * 0.2;
                  return (
                    <g key={month}>
                      {amount > 0 && (
                        <>
                          <rect x={x} width={slot * 0.6} y={plotBottom - barHeight} height={barHeight} className={styles.bar} />
                          <text x={x + slot * 0.3} y={plotBottom - barHeight - 3} textAnchor="middle" className={styles.label}>
                            {fmt.number(amount)}
                          </text>
                        </>
                      )}
                      <text x={month * slot + slot / 2} y={plotBottom + 14} textAnchor="middle" className={styles.label}>
                        {monthNames[month]}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <table className={hidden}>
                <caption>{t.benefitsPerMonth(name(s))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.monthColumn}</th>
                    <th scope="col">{t.amountColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.perMonth.map((amount, month) => (
                    <tr key={month}>
                      <th scope="row">{longMonthNames[month]}</th>
                      <td>{fmt.number(amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          );
        })}
      </div>
      <div className={table.wrapper}>
        <table className={table.table}>
          <caption className={table.caption}>{t.benefitsTotals}</caption>
          <thead>
            <tr>
              <th scope="col">{t.kindColumn}</th>
              <th scope="col" className={table.number}>
                {t.amountColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total) => (
              <tr key={`${total.kind}|${total.measure}`}>
                <th scope="row">{labelOf(t.benefitKind, total.kind)}</th>
                <td className={table.number}>
                  {fmt.number(total.amount)} {labelOf(t.measure, total.measure)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function toSeries(byMonth: MonthlyBenefit[], totals: BenefitAmount[]): Series[] {
  const series = new Map<string, Series>();
  const get = (kind: string, measure: string) => {
    const key = `${kind}-${measure}`.replace(/[^A-Za-z0-9_-]/g, '_');
    let s = series.get(key);
    if (!s) {
      s = { key, kind, measure, total: 0, perMonth: Array.from({ length: 12 }, () => 0) };
      series.set(key, s);
    }
    return s;
  };
  for (const total of totals) get(total.kind, total.measure).total += total.amount;
  const withTotal = new Set(series.keys());
  for (const entry of byMonth) {
    const month = Number(entry.month.slice(5, 7)) - 1;
    const s = get(entry.kind, entry.measure);
    if (month >= 0 && month < 12) s.perMonth[month] = (s.perMonth[month] ?? 0) + entry.amount;
    if (!withTotal.has(s.key)) s.total += entry.amount;
  }
  return [...series.values()];
}
