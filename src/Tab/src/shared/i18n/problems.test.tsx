import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { ApiError } from '../api/ApiError';
import { ErrorMessage } from '../ui/Loading';
import { createFormatters } from './format';
import { dictionaries } from './i18n';
import { locales } from './locale';
import { codes, problemText } from './problems';

describe('problems', () => {
  it('codes_FromTheService_AreListed', () => {
    // The service's ProblemCodeTests keep the list its own; an empty list would let the next test pass unseen.
    expect(codes.length).toBeGreaterThan(40);
  });

  it.each(locales)('everyCode_In_%s_HasAText', (locale) => {
    const table: Record<string, string | undefined> = dictionaries[locale].problems;
    const missing = codes.filter((code) => !table[code]?.trim());
    expect(missing).toEqual([]);
  });

  it.each([
    ['nb', 'Fant ingen slik enhet blant dem du kan se.'],
    ['nn', 'Fann inga slik eining blant dei du kan sjå.'],
    ['sv', 'Ingen sådan enhet bland dem du kan se.'],
    ['en', 'No such unit among those you can see.'],
  ] as const)('problemText_KnownCodeIn_%s_IsTheLanguagesNotTheServicesDetail', (locale, expected) => {
    const error = ApiError.fromProblem(404, { title: 'Not found', detail: 'No such unit among those you can see.', code: 'unitNotFound' });
    expect(problemText(error, dictionaries[locale], createFormatters(locale))).toBe(expected);
  });

  it('problemText_MoveTheLifecycleRefusesOnABokmålPage_IsNorwegianNotTheServicesEnglishWhy', () => {
    const error = ApiError.fromProblem(409, {
      title: 'Not possible from where it stands',
      detail: 'It is suggested now, and can be moved to inProgress or rejected.',
      code: 'moveNotAllowed',
    });
    const text = problemText(error, dictionaries.nb, createFormatters('nb'));
    expect(text).toBe(dictionaries.nb.problems.moveNotAllowed);
    expect(text).toContain('Forbedringen kan ikke flyttes dit');
    expect(text).not.toContain('moved');
  });

  it.each(['en', 'nb', 'nn', 'sv'] as const)('problemText_EraseOfTheOnlyCoordinatorIn_%s_SaysGiveTheRoleFirstNotTheServicesEnglish', (locale) => {
    const error = ApiError.fromProblem(409, {
      title: 'Conflict',
      detail: "The person is the organisation's only Lean coordinator: give someone else the role first.",
      code: 'lastCoordinator',
    });
    const text = problemText(error, dictionaries[locale], createFormatters(locale));
    expect(text).toBe(dictionaries[locale].problems.lastCoordinator);
    if (locale !== 'en') {
      expect(text).not.toContain('only Lean coordinator');
    }
  });

  it('problemText_UnknownCode_FallsBackToTheServicesDetail', () => {
    const error = ApiError.fromProblem(409, { title: 'Clash', detail: 'A newer service said this.', code: 'somethingNew' });
    expect(problemText(error, dictionaries.nb, createFormatters('nb'))).toBe('A newer service said this.');
  });

  it('problemText_BlackoutInSwedish_NamesThePeriodWithSwedishDates', () => {
    const error = ApiError.fromProblem(400, { title: 'Check', detail: 'The date is in Fellesferie', code: 'blackout', name: 'Fellesferie', from: '2027-07-01', to: '2027-07-31' });
    const text = problemText(error, dictionaries.sv, createFormatters('sv'));
    expect(text).toContain('Fellesferie (1 juli 2027–31 juli 2027)');
    expect(text).not.toContain('{');
  });

  it('errorMessage_ForbiddenWithCodeOnANynorskPage_ShowsTheNynorskText', () => {
    const error = ApiError.fromProblem(403, { title: 'Not allowed', detail: 'Only the Lean coordinator edits the action plan.', code: 'actionPlanEditForbidden' });
    renderPage(<ErrorMessage error={error} />, { locale: 'nn' });
    expect(screen.getByRole('alert').textContent).toContain('Berre Lean-koordinatoren endrar handlingsplanen.');
    expect(screen.getByRole('alert').textContent).not.toContain('Only');
  });
});
