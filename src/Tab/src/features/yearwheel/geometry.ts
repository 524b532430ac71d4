import { parseIsoDate } from '../../shared/i18n/format';

/** The wheel is drawn in a 440 × 440 box around its centre; angles run clockwise from twelve o'clock. */
export const size = 440;
export const centre = size / 2;

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** 1 January 00:00 is 0°, 1 July lies near 180°; dates outside the year are held at its ends. */
export function angleOfDate(isoDate: string, year: number): number {
  const date = parseIsoDate(isoDate);
  if (!date) return 0;
  const day = (date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
  const days = daysInYear(year);
  return (360 * Math.min(Math.max(day, 0), days)) / days;
}

/** The calendar date on which an instant falls for the viewer (`2027-03-12T09:00:00+01:00` -> `2027-03-12`). */
export function localDate(instant: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function point(angle: number, radius: number): { x: number; y: number } {
  const radians = (angle * Math.PI) / 180;
  return { x: round(centre + radius * Math.sin(radians)), y: round(centre - radius * Math.cos(radians)) };
}

/** A ring segment between two angles: the months, and holiday periods such as fellesferie. */
export function bandPath(startAngle: number, endAngle: number, inner: number, outer: number): string {
  const sweep = Math.max(endAngle - startAngle, 0.5);
  const end = startAngle + sweep;
  const large = sweep > 180 ? 1 : 0;
  const a = point(startAngle, outer);
  const b = point(end, outer);
  const c = point(end, inner);
  const d = point(startAngle, inner);
  return `M${a.x} ${a.y}A${outer} ${outer} 0 ${large} 1 ${b.x} ${b.y}L${c.x} ${c.y}A${inner} ${inner} 0 ${large} 0 ${d.x} ${d.y}Z`;
}

/** Start angle of each month of the year, and 360 at the end. */
export function monthAngles(year: number): number[] {
  return Array.from({ length: 13 }, (_, month) =>
    month === 12 ? 360 : angleOfDate(`${year}-${String(month + 1).padStart(2, '0')}-01`, year),
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
