import type { Appointment, YearWheel } from '../../shared/api/types';
import type { I18n } from '../../shared/i18n/i18n';
import { personName } from '../../shared/i18n/people';
import { localDate } from './geometry';

export type WheelItemType = 'semiAnnualReview' | 'gembaWalk' | 'fishboneAnalysis' | 'holiday' | 'blackout' | 'deadline';

/** One thing on the wheel and in the list: an appointment, a holiday, a holiday period or a reporting deadline. */
export interface WheelItem {
  id: string;
  type: WheelItemType;
  /** Calendar dates; `to` only for periods. */
  from: string;
  to: string | null;
  /** The unit, the holiday or the deadline. */
  what: string;
  /** Every fact in one sentence: the accessible name of the mark. */
  label: string;
  when: string;
  appointment: Appointment | null;
}

export function wheelItems(wheel: YearWheel, { t, fmt }: Pick<I18n, 't' | 'fmt'>): WheelItem[] {
  const items: WheelItem[] = [];
  for (const a of wheel.appointments) {
    const when = fmt.dateTime(a.start);
    const what = a.unitName;
    items.push({
      id: `appointment:${a.id}`,
      type: a.kind,
      from: localDate(a.start),
      to: null,
      what,
      when,
      label: `${t.appointmentKind[a.kind]}: ${what}, ${when}, ${personName(a.owner, t)}, ${t.appointmentStatus[a.status]}`,
      appointment: a,
    });
  }
  for (const h of wheel.holidays) {
    const when = fmt.date(h.date);
    items.push({ id: `holiday:${h.date}:${h.country}:${h.name}`, type: 'holiday', from: h.date, to: null, what: h.name, when, label: `${t.holiday}: ${h.name}, ${when}`, appointment: null });
  }
  for (const b of wheel.blackouts) {
    const when = `${fmt.date(b.from)} – ${fmt.date(b.to)}`;
    items.push({ id: `blackout:${b.from}:${b.name}`, type: 'blackout', from: b.from, to: b.to, what: b.name, when, label: `${t.blackout}: ${b.name}, ${when}`, appointment: null });
  }
  for (const d of wheel.deadlines) {
    const when = fmt.date(d.date);
    const what = t.reportDeadline(d.quarter, d.year);
    items.push({ id: `deadline:${d.date}`, type: 'deadline', from: d.date, to: null, what, when, label: `${t.deadline}: ${what}, ${when}`, appointment: null });
  }
  return items.sort((a, b) => a.from.localeCompare(b.from) || order[a.type] - order[b.type] || a.what.localeCompare(b.what));
}

const order: Record<WheelItemType, number> = { blackout: 0, holiday: 1, deadline: 2, semiAnnualReview: 3, gembaWalk: 4, fishboneAnalysis: 5 };

export function typeLabel(type: WheelItemType, t: I18n['t']): string {
  switch (type) {
    case 'holiday':
      return t.holiday;
    case 'blackout':
      return t.blackout;
    case 'deadline':
      return t.deadline;
    default:
      return t.appointmentKind[type];
  }
}
