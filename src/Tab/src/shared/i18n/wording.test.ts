import { describe, expect, it } from 'vitest';
import { benefitStages } from '../api/types';
import { term } from './glossary';
import { dictionaries } from './i18n';
import { locales } from './locale';

// The language review's agreement fixes: one item is singular, and the stage words are the glossary's.
describe('wording', () => {
  it.each([
    ['nb', '1 ny · 0 pågår · 1 ferdig', '2 nye · 0 pågår · 3 ferdige'],
    ['nn', '1 ny · 0 pågår · 1 ferdig', '2 nye · 0 pågår · 3 ferdige'],
    ['sv', '1 ny · 0 pågår · 1 klar', '2 nya · 0 pågår · 3 klara'],
    ['en', '1 new · 0 in progress · 1 done', '2 new · 0 in progress · 3 done'],
  ] as const)('improvementCounts_In_%s_AgreesWithTheCount', (locale, one, many) => {
    expect(dictionaries[locale].improvementCounts(1, 0, 1)).toBe(one);
    expect(dictionaries[locale].improvementCounts(2, 0, 3)).toBe(many);
  });

  it.each(locales)('benefitStage_In_%s_IsTheGlossarysWord', (locale) => {
    for (const stage of benefitStages) expect(dictionaries[locale].benefitStage[stage]).toBe(term(`benefitStage.${stage}`, locale));
  });

  it('benefitStage_InNynorsk_IsPlanlagtAsTheGlossarySays', () => {
    expect(dictionaries.nn.benefitStage.planned).toBe('planlagt');
  });
});
