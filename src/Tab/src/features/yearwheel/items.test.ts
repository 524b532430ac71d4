import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../shared/i18n/format';
import { dictionaries } from '../../shared/i18n/i18n';
import type { Locale } from '../../shared/i18n/locale';
import { yearWheel } from '../../test/fixtures';
import { wheelItems } from './items';

// The service names a deadline in bokmål for any reader; the tab names it from its quarter and year.
describe('year wheel deadlines', () => {
  const deadlines = [
    { date: '2027-01-15', name: 'Rapport 4. kvartal og år 2026', quarter: 4, year: 2026 },
    { date: '2027-04-15', name: 'Rapport 1. kvartal', quarter: 1, year: 2027 },
  ];

  it.each([
    ['nb', 'Rapport 4. kvartal og år 2026', 'Rapport 1. kvartal', '15. apr. 2027'],
    ['nn', 'Rapport 4. kvartal og år 2026', 'Rapport 1. kvartal', '15. apr. 2027'],
    ['sv', 'Rapport kvartal 4 och helår 2026', 'Rapport kvartal 1', '15 apr. 2027'],
    ['en', 'Report Q4 and year 2026', 'Report Q1', '15 Apr 2027'],
  ] as const)('deadline_In_%s_IsNamedInThatLanguage', (locale: Locale, fourth, first, when) => {
    const items = wheelItems({ ...yearWheel, appointments: [], holidays: [], blackouts: [], deadlines }, { t: dictionaries[locale], fmt: createFormatters(locale) });

    expect(items.map((item) => item.what)).toEqual([fourth, first]);
    expect(items[1]!.when).toBe(when);
    expect(items[1]!.label).toBe(`${dictionaries[locale].deadline}: ${first}, ${when}`);
  });
});
