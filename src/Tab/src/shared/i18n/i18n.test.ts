import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';
import { dictionaries } from './i18n';
import { intlTag, localeFromTag, locales, parseLocale } from './locale';
import { nb } from './nb';

// The compiler already refuses a dictionary with a missing key (each is typed `Messages`); this checks what it
// cannot: that no entry is empty and that nested tables have the same keys in every language.
describe('i18n', () => {
  function leaves(value: unknown, path = ''): [string, unknown][] {
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
    return [[path, value]];
  }

  it.each(locales)('dictionary_%s_HasEveryKeyOfBokmalAndNoEmptyText', (locale) => {
    const dictionary = dictionaries[locale];
    const expected = leaves(nb).map(([path]) => path).sort();
    const actual = leaves(dictionary);

    expect(actual.map(([path]) => path).sort()).toEqual(expected);
    for (const [path, value] of actual) {
      const text = typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)('x', 1)) : value;
      expect(typeof text === 'string' && text.trim().length > 0, `${locale}.${path}`).toBe(true);
    }
  });

  it.each([
    ['nb-NO', 'nb'],
    ['nn-no', 'nn'],
    ['nn', 'nn'],
    ['no', 'nb'],
    ['sv-SE', 'sv'],
    ['sv-FI', 'sv'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
  ])('localeFromTag_%s_Is%s', (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it('parseLocale_UnknownLanguage_IsNoOverride', () => {
    expect(parseLocale('sv')).toBe('sv');
    expect(parseLocale('NN')).toBe('nn');
    expect(parseLocale('no')).toBe('nb');
    expect(parseLocale('fi')).toBeNull();
    expect(parseLocale(null)).toBeNull();
  });

  it('formatters_NumbersFollowTheLanguage', () => {
    expect(createFormatters('nb').number(9.5)).toBe('9,5');
    expect(createFormatters('sv').number(9.5)).toBe('9,5');
    expect(createFormatters('en').number(9.5)).toBe('9.5');
  });

  it('formatters_CalendarDate_IsNotShiftedByTheTimeZone', () => {
    const nbDate = createFormatters('nb').date('2027-01-01');
    expect(nbDate).toMatch(/^1\. jan\.? 2027$/);
    expect(createFormatters('en').date('2026-12-31')).toBe('31 Dec 2026');
    expect(createFormatters('en').date('not a date')).toBe('not a date');
  });

  it('formatters_Nynorsk_DatesAndNumbersInNynorsk', () => {
    const nn = createFormatters('nn');
    expect(nn.number(9.5)).toBe('9,5');
    expect(nn.date('2026-12-16')).toMatch(/^16\. des\.? 2026$/);
    expect(nn.month('2026-11')).toBe('november 2026');
    const weekday = new Intl.DateTimeFormat(intlTag.nn, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    expect(weekday.format(new Date(Date.UTC(2026, 11, 16)))).toBe('onsdag 16. desember');
    expect(weekday.format(new Date(Date.UTC(2026, 11, 15)))).toBe('tysdag 15. desember');
    expect(weekday.format(new Date(Date.UTC(2026, 11, 19)))).toBe('laurdag 19. desember');
  });

  it('formatters_MonthNames_StartInJanuary', () => {
    expect(createFormatters('sv').monthNames('long')[0]).toBe('januari');
    expect(createFormatters('en').month('2026-11')).toBe('November 2026');
  });
});
