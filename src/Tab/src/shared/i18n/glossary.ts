// One word per thing in every language (shared/GLOSSARY.md): the same file the service embeds, so a term changes in
// one place for bot, cards, digest, reports and tab.
import glossary from '../../../../Glossary/glossary.json';

export type GlossaryLanguage = 'nb' | 'nn' | 'sv' | 'en';

interface AvoidedWord {
  word: string;
  use: string;
  stem?: boolean;
}

const terms: Record<string, Partial<Record<GlossaryLanguage, string>>> = glossary.terms;
const avoid: Partial<Record<GlossaryLanguage, AvoidedWord[]>> = glossary.avoid;

/** The glossary's word for a concept, as it stands mid-sentence. */
export function term(concept: string, language: GlossaryLanguage): string {
  const word = terms[concept]?.[language];
  if (word === undefined) throw new Error(`The glossary has no ${language} word for '${concept}'.`);
  return word;
}

export function capitalised(text: string, language: GlossaryLanguage): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** Labels for every value of a union the service sends, from the concepts `prefix` + value. */
export function labels<K extends string>(language: GlossaryLanguage, prefix: string, keys: readonly K[], capitalise = true): Record<K, string> {
  return Object.fromEntries(
    keys.map((key) => [key, capitalise ? capitalised(term(prefix + key, language), language) : term(prefix + key, language)]),
  ) as Record<K, string>;
}

/** The words `text` uses that the glossary refuses in `language`, each as a whole word unless it is a stem. */
export function avoidedIn(text: string, language: GlossaryLanguage): AvoidedWord[] {
  return (avoid[language] ?? []).filter((w) => {
    const escaped = w.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<!\\p{L})${escaped}${w.stem ? '' : '(?!\\p{L})'}`, 'iu').test(text);
  });
}
