import { intlTag, type Locale } from './locale';

export interface Formatters {
  number(value: number): string;
  /** `2026-11-23` -> `23. nov. 2026`; the date is a calendar date, never shifted by time zone. */
  date(isoDate: string): string;
  /** `2026-11-23T09:00:00+01:00` -> date and time in the viewer's time zone. */
  dateTime(instant: string): string;
  /** `2026-11` -> `november 2026`. */
  month(isoMonth: string): string;
  /** Short names of the twelve months, January first. */
  monthNames(style: 'short' | 'long'): string[];
}

export function createFormatters(locale: Locale): Formatters {
  const tag = intlTag[locale];
  const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    number: (value) => numberFormat.format(value),
    date: (isoDate) => {
      const date = parseIsoDate(isoDate);
      return date ? dateFormat.format(date) : isoDate;
    },
    dateTime: (instant) => {
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : dateTimeFormat.format(date);
    },
    month: (isoMonth) => {
      const date = parseIsoDate(`${isoMonth}-01`);
      return date ? monthFormat.format(date) : isoMonth;
    },
    monthNames: (style) => {
      const format = new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' });
      return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2001, month, 1))));
    },
  };
}

/** A calendar date (`2026-11-23`) as midnight UTC, or null when it is not one. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : null;
}

/** `2026-W47` -> 47. */
export function isoWeekNumber(isoWeek: string): number {
  const match = /W(\d{1,2})$/.exec(isoWeek);
  return match ? Number(match[1]) : Number.NaN;
}
