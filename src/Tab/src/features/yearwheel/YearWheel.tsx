import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { angleOfDate, bandPath, centre, daysInYear, monthAngles, point, size } from './geometry';
import type { WheelItem, WheelItemType } from './items';

/** Each kind has its own ring and its own shape, so that the wheel reads without colour. */
export const rings: Record<Exclude<WheelItemType, 'blackout'>, number> = {
  holiday: 179,
  semiAnnualReview: 152,
  gembaWalk: 128,
  fishboneAnalysis: 104,
  deadline: 80,
};
const monthRing = { inner: 192, outer: 216 };
const periodRing = { inner: 172, outer: 186 };

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '34rem', height: 'auto', display: 'block', touchAction: 'manipulation' },
  monthEven: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1 },
  monthOdd: { fill: tokens.colorNeutralBackground2, stroke: tokens.colorNeutralStroke1 },
  monthLabel: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  yearLabel: { fill: tokens.colorNeutralForeground1, fontSize: '26px', fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase },
  guide: { fill: 'none', stroke: tokens.colorNeutralStroke2, strokeDasharray: '2 4' },
  mark: {
    cursor: 'pointer',
    strokeWidth: '1.5px',
    stroke: tokens.colorNeutralForeground1,
    ':focus': { outline: 'none' },
    ':focus-visible': { stroke: tokens.colorStrokeFocus2, strokeWidth: '4px' },
  },
  selected: { strokeWidth: '3px' },
  // Drawn over every mark, so that the focused one stands out even in a cluster of reviews in the same week.
  halo: { fill: 'none', stroke: tokens.colorStrokeFocus2, strokeWidth: '3px', pointerEvents: 'none' },
  cancelled: { fill: tokens.colorNeutralBackground1, strokeDasharray: '2 2' },
  semiAnnualReview: { fill: tokens.colorPaletteBlueForeground2 },
  gembaWalk: { fill: tokens.colorPaletteGreenForeground1 },
  fishboneAnalysis: { fill: tokens.colorPaletteBerryForeground1 },
  deadline: { fill: tokens.colorPaletteRedForeground1 },
  holiday: { fill: tokens.colorPaletteMarigoldForeground1 },
  blackout: { fill: tokens.colorPaletteMarigoldBackground2 },
});

export function markShape(type: WheelItemType, x: number, y: number): string {
  switch (type) {
    case 'gembaWalk':
      return `M${x - 6} ${y - 6}h12v12h-12Z`;
    case 'fishboneAnalysis':
      return `M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`;
    case 'deadline':
      return `M${x} ${y - 8}L${x + 8} ${y + 6}L${x - 8} ${y + 6}Z`;
    case 'holiday':
      return circle(x, y, 4.5);
    default:
      return circle(x, y, 6.5);
  }
}

function circle(x: number, y: number, r: number): string {
  return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

export interface PlacedItem {
  item: WheelItem;
  angle: number;
  radius: number;
}

/** Marks on one ring that would overlap are moved inwards, up to three deep, so each can be seen and clicked. */
export function place(items: WheelItem[], year: number): PlacedItem[] {
  const lastOnRing = new Map<number, { angle: number; depth: number }>();
  return items.map((item) => {
    const angle = angleOfDate(item.from, year);
    if (item.type === 'blackout') return { item, angle, radius: periodRing.inner };
    const base = rings[item.type];
    const last = lastOnRing.get(base);
    const depth = last && angle - last.angle < 3 ? (last.depth + 1) % 3 : 0;
    lastOnRing.set(base, { angle, depth });
    return { item, angle, radius: base - depth * 7 };
  });
}

/**
 * Where a holiday period's band ends: after its last day, but never past 31 December. A band that ran on past 360°
 * would lie over New Year's Day, drawn before it in date order, and take its taps.
 */
export function periodEnd(item: WheelItem, angle: number, year: number): number {
  return item.to ? Math.min(angleOfDate(item.to, year) + 360 / daysInYear(year), 360) : angle + 1;
}

/** Marks whose centres are closer than this (in the wheel's 440-unit box) cover part of each other. */
const markReach = 14;

/**
 * For each item, the others whose marks cover part of it once placed: a tap or click lands on the one drawn last,
 * so its details offer the rest. A holiday period's band offers the public holidays drawn on it: New Year's Day lies
 * half under the band of the Christmas week that ends the year.
 */
export function overlapping(items: WheelItem[], year: number): Map<string, WheelItem[]> {
  const placed = place(items, year);
  const marks = placed.filter(({ item }) => item.type !== 'blackout').map(({ item, angle, radius }) => ({ item, angle, radius, at: point(angle, radius) }));
  const result = new Map<string, WheelItem[]>();
  for (const mark of marks) {
    const others = marks.filter((other) => other !== mark && Math.hypot(other.at.x - mark.at.x, other.at.y - mark.at.y) < markReach);
    if (others.length > 0) result.set(mark.item.id, others.map((other) => other.item));
  }
  for (const { item, angle } of placed.filter((p) => p.item.type === 'blackout')) {
    const end = periodEnd(item, angle, year);
    const under = marks.filter((mark) => {
      if (mark.radius < periodRing.inner - markReach / 2 || mark.radius > periodRing.outer + markReach / 2) return false;
      const reach = ((markReach / 2) * 180) / (Math.PI * mark.radius);
      // The year is a circle: a mark at 0.5° lies beside a band that ends at 360°.
      return [mark.angle - 360, mark.angle, mark.angle + 360].some((a) => a + reach >= angle && a - reach <= end);
    });
    if (under.length > 0) result.set(item.id, under.map((mark) => mark.item));
  }
  return result;
}

/**
 * The year as a circle: months on the rim, holiday periods and public holidays inside it, then one ring each for
 * reviews, Gemba walks, fishbone analyses and reporting deadlines. The marks are one tab stop: the arrow keys
 * move between them in date order, Enter or a click selects one.
 */
export function YearWheel({
  year,
  items,
  selectedId,
  onSelect,
  describedBy,
}: {
  year: number;
  items: WheelItem[];
  selectedId: string | null;
  onSelect: (item: WheelItem) => void;
  /** The id of the text that tells how to move around the wheel with the keyboard. */
  describedBy?: string;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const marks = useRef<(SVGPathElement | null)[]>([]);
  const months = monthAngles(year);
  const monthNames = fmt.monthNames('short');
  const placed = place(items, year);
  const current = Math.min(active, Math.max(placed.length - 1, 0));
  const focusedMark = focused === null ? undefined : placed[focused];
  const haloAt = focusedMark && focusedMark.item.type !== 'blackout' ? point(focusedMark.angle, focusedMark.radius) : null;

  function focus(index: number) {
    const next = Math.min(Math.max(index, 0), placed.length - 1);
    setActive(next);
    marks.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent, index: number, item: WheelItem) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: placed.length - 1 };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      focus(to);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(item);
    }
  }

  return (
    <svg viewBox={`0 0 ${size} ${size}`} className={styles.svg} role="group" aria-label={t.wheelLabel(year)} aria-describedby={describedBy}>
      <g aria-hidden="true">
        {monthNames.map((name, month) => {
          const start = months[month] ?? 0;
          const end = months[month + 1] ?? 360;
          const label = point((start + end) / 2, (monthRing.inner + monthRing.outer) / 2);
          return (
            <g key={month}>
              <path d={bandPath(start, end, monthRing.inner, monthRing.outer)} className={month % 2 === 0 ? styles.monthEven : styles.monthOdd} />
              <text x={label.x} y={label.y} dy="0.35em" textAnchor="middle" className={styles.monthLabel}>
                {name}
              </text>
            </g>
          );
        })}
        {Object.values(rings).map((radius) => (
          <circle key={radius} cx={centre} cy={centre} r={radius} className={styles.guide} />
        ))}
        <text x={centre} y={centre} dy="0.35em" textAnchor="middle" className={styles.yearLabel}>
          {year}
        </text>
      </g>
      {placed.map(({ item, angle, radius }, index) => {
        const { x, y } = point(angle, radius);
        const d =
          item.type === 'blackout'
            ? bandPath(angle, periodEnd(item, angle, year), periodRing.inner, periodRing.outer)
            : markShape(item.type, x, y);
        const cancelled = item.appointment?.status === 'cancelled';
        return (
          <path
            key={item.id}
            ref={(element) => {
              marks.current[index] = element;
            }}
            d={d}
            role="button"
            tabIndex={index === current ? 0 : -1}
            aria-label={item.label}
            aria-current={item.id === selectedId ? 'true' : undefined}
            data-type={item.type}
            data-date={item.from}
            data-angle={angle.toFixed(2)}
            className={mergeClasses(styles.mark, styles[item.type], cancelled && styles.cancelled, item.id === selectedId && styles.selected)}
            onClick={() => {
              setActive(index);
              onSelect(item);
            }}
            onKeyDown={(event) => onKeyDown(event, index, item)}
            onFocus={() => setFocused(index)}
            onBlur={() => setFocused(null)}
          />
        );
      })}
      {haloAt && <circle aria-hidden="true" className={styles.halo} cx={haloAt.x} cy={haloAt.y} r={12} />}
    </svg>
  );
}
