import { describe, expect, it } from 'vitest';
import { avoidedIn, labels, term } from './glossary';
import { dictionaries } from './i18n';
import { locales } from './locale';
import { stages } from '../api/types';

// Every text the tab shows, in every language, against the glossary the service uses too: a word the glossary
// refuses (the language review's fixes: "Gemba-gang", "Verksamhet" for a unit, "Slutdatum", ...) fails here.
describe('glossary', () => {
  function texts(value: unknown, path: string): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') {
      // With one and with two of everything: "1 nye" shows only with one.
      return [1, 2].flatMap((n) => {
        try {
          return texts((value as (...args: unknown[]) => unknown)(...Array.from({ length: Math.max(value.length, 1) }, (_, i) => (i === 0 ? n : 'Byggesak'))), path);
        } catch {
          return [];
        }
      });
    }
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
    return [];
  }

  it.each(locales)('dictionary_%s_UsesNoWordTheGlossaryRefuses', (locale) => {
    const all = texts(dictionaries[locale], locale);
    const found = all.flatMap(([path, text]) => avoidedIn(text, locale).map((w) => `${path}: «${w.word}» -> «${w.use}» in «${text}»`));

    // A walk that found nothing would pass: the tab has hundreds of texts per language.
    expect(all.length).toBeGreaterThan(300);
    expect([...new Set(found)]).toEqual([]);
  });

  it('avoidedIn_WholeWordsOnly_RefusesTheWordAndNotALongerOne', () => {
    expect(avoidedIn('Tavlemøter ventet', 'nb').map((w) => w.word)).toContain('ventet');
    expect(avoidedIn('Tavlemøter forventet', 'nb')).toEqual([]);
    expect(avoidedIn('Välj verksamhet', 'sv').map((w) => w.word)).toContain('verksamhet');
    expect(avoidedIn('verksamhetsområdeschef', 'sv')).toEqual([]);
    expect(avoidedIn('sektionschefen', 'sv').map((w) => w.word)).toContain('Sektionschef');
  });

  it('stageLabels_AreTheGlossarysWords_InEveryLanguage', () => {
    for (const locale of locales) {
      expect(dictionaries[locale].stage).toEqual(labels(locale, 'stage.', stages));
    }
    expect(term('stage.inProgress', 'nb')).toBe('pågår');
  });
});
