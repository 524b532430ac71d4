import type { ApiError } from '../api/ApiError';
import problemCodes from '../api/problemCodes.json';
import type { Formatters } from './format';
import type { Messages } from './nb';

/** Every code the service sends with a problem (the service's ProblemCodeTests keep this list its own). */
export const codes: readonly string[] = problemCodes;

/**
 * The problem in the user's language, by its code; the service's English detail only for a code this build does not
 * know (a newer service), and the title when there is not even that.
 */
export function problemText(error: ApiError, t: Messages, fmt: Formatters): string {
  const table: Record<string, string> = t.problems;
  const text = error.code === undefined ? undefined : table[error.code];
  if (text === undefined) return error.detail ?? error.title;
  const { name, from, to } = error.args;
  return text
    .replace('{name}', name ?? '')
    .replace('{from}', from ? fmt.date(from) : '')
    .replace('{to}', to ? fmt.date(to) : '');
}
