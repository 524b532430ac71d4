import type { Messages } from './nb';

/** What the service writes in place of a person it erased; stored in no language, so the tab words it. */
export const formerEmployeeMarker = 'former-employee';

/** A name (or a text naming people) as the reader says it: an erased person becomes "former employee" in their language. */
export function personName(name: string, t: Pick<Messages, 'formerEmployee'>): string {
  return name.replaceAll(formerEmployeeMarker, t.formerEmployee);
}
