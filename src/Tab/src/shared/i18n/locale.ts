export type Locale = 'nb' | 'nn' | 'sv' | 'en';
export const locales: readonly Locale[] = ['nb', 'nn', 'sv', 'en'];

/** Teams and browsers give BCP 47 tags (`nb-NO`, `nn-no`, `sv-SE`); plain `no` readers get bokmål. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'nb' || primary === 'no') return 'nb';
  if (primary === 'nn') return 'nn';
  if (primary === 'sv') return 'sv';
  return 'en';
}

/** A `?lang=` value, or null when it names no language the app speaks. */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nb' || primary === 'nn' || primary === 'no' || primary === 'sv' || primary === 'en'
    ? localeFromTag(primary)
    : null;
}

/** The tag for Intl and for `<html lang>`: regional forms so that numbers and dates follow Nordic practice. */
export const intlTag: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };
