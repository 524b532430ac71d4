import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en';
import { createFormatters, type Formatters } from './format';
import { reworded, wordingFor, type OwnTerms } from './glossary';
import type { Locale } from './locale';
import { nb, type Messages } from './nb';
import { nn } from './nn';
import { sv } from './sv';

export const dictionaries: Record<Locale, Messages> = { nb, nn, sv, en };

export interface I18n {
  locale: Locale;
  t: Messages;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The texts in the reader's language; with the organisation's own terms (from /api/tab/me, once signed in) the
 * glossary's words for its levels and roles become the organisation's, in every text of every page, here alone.
 */
export function I18nProvider({ locale, terms, children }: { locale: Locale; terms?: OwnTerms; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ locale, t: reworded(dictionaries[locale], wordingFor(terms, locale)), fmt: createFormatters(locale) }),
    [locale, terms],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}

/** A label for a key the service may extend (a benefit kind or measure this build does not know yet). */
export function labelOf(table: Record<string, string>, key: string): string {
  return table[key] ?? table[key.toLowerCase()] ?? key;
}
