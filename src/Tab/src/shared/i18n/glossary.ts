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

/** The organisation's own words per concept and language, as /api/tab/me sends them. */
export type OwnTerms = Partial<Record<string, Partial<Record<string, string>>>>;

interface InflectionRule {
  ending: string;
  forms: (string | null)[];
}

const overridable: readonly string[] = glossary.overridable;
const inflection = glossary.inflection as unknown as Partial<Record<GlossaryLanguage, InflectionRule[]>>;

/** The word and the forms the glossary's rules make of it (definite, plural, ...); null where the language has none. */
export function forms(word: string, language: GlossaryLanguage): (string | null)[] {
  const rules = inflection[language];
  const rule = rules?.find((r) => word.toLowerCase().endsWith(r.ending));
  if (!rule) return [word];
  return [
    word,
    ...rule.forms.map((form) => {
      if (form === null) return null;
      const drop = form.length - form.replace(/^-+/, '').length;
      return word.slice(0, word.length - drop) + form.slice(drop);
    }),
  ];
}

/** Rewrites the app's own text into the organisation's words; the values given (names, titles) stay as they are. */
export type Wording = (text: string, values?: readonly string[]) => string;

const unchanged: Wording = (text) => text;

/**
 * The organisation's words in one language, as the service applies them (Infrastructure/Terms/Wording.cs): each form
 * of the glossary's word becomes the same form of the organisation's, capitalised where the sentence had it.
 */
export function wordingFor(own: OwnTerms | undefined, language: GlossaryLanguage): Wording {
  const replacements = new Map<string, string>();
  for (const concept of overridable) {
    const word = own?.[concept]?.[language];
    if (!word) continue;
    const defaults = forms(term(concept, language), language);
    const owns = forms(word, language);
    defaults.forEach((form, i) => {
      const replacement = owns[i];
      if (form && replacement && !replacements.has(form.toLowerCase())) replacements.set(form.toLowerCase(), replacement);
    });
  }
  if (replacements.size === 0) return unchanged;
  const alternatives = [...replacements.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\-])(?:${alternatives})(?![\\p{L}\\-])`, 'giu');
  return (text, values = []) => {
    const kept: [number, number][] = [];
    for (const value of values) {
      if (!value) continue;
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) kept.push([at, at + value.length]);
    }
    return text.replace(pattern, (matched: string, offset: number) => {
      if (kept.some(([start, end]) => offset < end && start < offset + matched.length)) return matched;
      const word = replacements.get(matched.toLowerCase()) ?? matched;
      const first = matched.charAt(0);
      return first !== first.toLowerCase() && word.charAt(0) === word.charAt(0).toLowerCase() ? capitalised(word, language) : word;
    });
  };
}

/** A dictionary (strings, tables and sentence functions) in the organisation's words, leaving every value given as it is. */
export function reworded<T>(messages: T, wording: Wording): T {
  if (wording === unchanged) return messages;
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return wording(value);
    if (typeof value === 'function') {
      const sentence = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const said = sentence(...args);
        if (typeof said !== 'string') return said;
        const values = args.flatMap((a) => (typeof a === 'string' ? [a] : Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : []));
        return wording(said, values);
      };
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite(messages) as T;
}

/** The levels and roles an organisation may name in its own words, in the glossary's order. */
export const ownTermConcepts: readonly string[] = overridable;
