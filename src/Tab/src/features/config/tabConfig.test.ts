import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../shared/routing/routes';
import { choiceOf, currentTabUrl, settingsOf, type TabChoice } from './tabConfig';

const tab = 'https://lean.fjordvik.example/tab/';

describe('tab configuration', () => {
  it.each<[TabChoice, string, string]>([
    [{ page: 'overview', areaId: null }, 'overview', '#/overview'],
    [{ page: 'overview', areaId: 'helse-og-omsorg' }, 'overview/helse-og-omsorg', '#/overview/helse-og-omsorg'],
    [{ page: 'unit', unitId: 'byggesak' }, 'unit/byggesak', '#/unit/byggesak'],
    [{ page: 'unit', unitId: 'hjemmetjenesten nord' }, 'unit/hjemmetjenesten%20nord', '#/unit/hjemmetjenesten%20nord'],
    [{ page: 'yearwheel' }, 'yearwheel', '#/yearwheel'],
    [{ page: 'actionplan' }, 'actionplan', '#/actionplan'],
    [{ page: 'reports' }, 'reports', '#/reports'],
  ])('settingsOf_%j_GivesEntityIdAndTheTabsOwnRoute', (choice, entityId, hash) => {
    const settings = settingsOf(choice, tab, 'Navn');

    expect(settings).toEqual({ entityId, contentUrl: `${tab}${hash}`, websiteUrl: `${tab}${hash}`, suggestedDisplayName: 'Navn' });
    // The content URL must be a page the app has, or the pinned tab shows "page not found".
    expect(parseRoute(hash).page).toBe(choice.page);
  });

  it('settingsOf_UnitPageWithoutAUnitOrNothingChosen_IsNothingToSave', () => {
    expect(settingsOf({ page: 'unit', unitId: null }, tab, 'Enhet')).toBeNull();
    expect(settingsOf(null, tab, '')).toBeNull();
  });

  it.each<[TabChoice]>([
    [{ page: 'overview', areaId: null }],
    [{ page: 'overview', areaId: 'helse-og-omsorg' }],
    [{ page: 'unit', unitId: 'hjemmetjenesten nord' }],
    [{ page: 'reports' }],
  ])('choiceOf_SavedEntityId_IsTheChoiceAgain %j', (choice) => {
    expect(choiceOf(settingsOf(choice, tab, 'x')!.entityId)).toEqual(choice);
  });

  it.each([[undefined], [''], ['config'], ['nowhere'], ['unit'], ['0f8fad5b-d9cb-469f-a165-70867728950e']])('choiceOf_%s_IsNoChoice', (entityId) => {
    expect(choiceOf(entityId)).toBeNull();
  });

  it('currentTabUrl_IsOriginAndPathWithoutTheHash', () => {
    expect(currentTabUrl({ origin: 'https://lean.fjordvik.example', pathname: '/tab/' })).toBe(tab);
  });
});
