import { describe, expect, it, vi } from 'vitest';

interface FakeSaveEvent {
  notifySuccess(): void;
  notifyFailure(reason?: string): void;
}

const teams = vi.hoisted(() => {
  let themeHandler: ((theme: string) => void) | null = null;
  let saveHandler: ((event: FakeSaveEvent) => void) | null = null;
  return {
    app: {
      initialize: vi.fn(() => Promise.resolve()),
      getContext: vi.fn(() => Promise.resolve({ app: { theme: 'dark', locale: 'nn-NO' } })),
      // As teams-js 2: a promise, which the app must not leave unhandled.
      notifySuccess: vi.fn(() => Promise.resolve()),
      registerOnThemeChangeHandler: vi.fn((handler: (theme: string) => void) => {
        themeHandler = handler;
      }),
    },
    authentication: { getAuthToken: vi.fn(() => Promise.resolve('sso-token')) },
    pages: {
      config: {
        setValidityState: vi.fn(),
        setConfig: vi.fn((_config: unknown) => Promise.resolve()),
        registerOnSaveHandler: vi.fn((handler: (event: FakeSaveEvent) => void) => {
          saveHandler = handler;
        }),
      },
    },
    changeTheme: (theme: string) => themeHandler?.(theme),
    /** Presses Teams' Save button; resolves with how the page answered. */
    pressSave: () =>
      new Promise<string>((resolve) => {
        saveHandler?.({ notifySuccess: () => resolve('success'), notifyFailure: (reason) => resolve(`failure: ${reason ?? ''}`) });
      }),
  };
});
vi.mock('@microsoft/teams-js', () => ({ app: teams.app, authentication: teams.authentication, pages: teams.pages }));

import { connectToHost, type TabSettings } from './host';

const settingsContext = {
  app: { theme: 'default', locale: 'sv-SE' },
  page: { id: 'unit/byggesak', frameContext: 'settings' },
  channel: { id: '19:byggesak@thread.tacv2' },
};

const saved: TabSettings = {
  entityId: 'unit/byggesak',
  contentUrl: 'https://lean.fjordvik.example/tab/#/unit/byggesak',
  websiteUrl: 'https://lean.fjordvik.example/tab/#/unit/byggesak',
  suggestedDisplayName: 'Byggesak',
};

describe('host inside Teams', () => {
  it('connectToHost_InTeams_TakesThemeLocaleAndTokenFromTeamsAndIgnoresOverrides', async () => {
    const host = await connectToHost({ location: { search: '?theme=default&lang=en', hash: '' }, hosted: true });

    expect(host.inTeams).toBe(true);
    expect(host.theme).toBe('dark');
    expect(host.locale).toBe('nn');
    await expect(host.getToken?.()).resolves.toBe('sso-token');
    expect(teams.app.notifySuccess).toHaveBeenCalled();
  });

  it('connectToHost_TeamsThemeChanges_TellsTheApp', async () => {
    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));

    teams.changeTheme('contrast');
    teams.changeTheme('default');

    expect(seen).toEqual(['contrast', 'default']);
  });

  it('connectToHost_OpenedByADeepLink_GivesTheSubPage', async () => {
    teams.app.getContext.mockResolvedValueOnce({ app: { theme: 'default', locale: 'nb' }, page: { id: 'overview', frameContext: 'content', subPageId: 'unit/byggesak' } } as never);

    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });

    expect(host.subPageId).toBe('unit/byggesak');
  });

  it('connectToHost_ContentTab_HasNoConfigurationDialog', async () => {
    teams.app.getContext.mockResolvedValueOnce({ app: { theme: 'default', locale: 'en' }, page: { id: 'unit/byggesak', frameContext: 'content' } } as never);

    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });

    expect(host.tabConfig).toBeUndefined();
  });

  it('connectToHost_ConfigurationDialog_GivesChannelSavedEntityAndTheSaveButton', async () => {
    teams.app.getContext.mockResolvedValueOnce(settingsContext);

    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });
    host.tabConfig!.setValidityState(true);

    expect(host.tabConfig).toMatchObject({ channelId: '19:byggesak@thread.tacv2', entityId: 'unit/byggesak' });
    expect(teams.pages.config.setValidityState).toHaveBeenLastCalledWith(true);
  });

  it('connectToHost_GroupChatDialogForANewTab_HasNeitherChannelNorEntity', async () => {
    teams.app.getContext.mockResolvedValueOnce({ app: { theme: 'default', locale: 'nb' }, page: { id: '', frameContext: 'settings' }, chat: { id: '19:chat' } } as never);

    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });

    expect(host.tabConfig).toBeDefined();
    expect(Object.keys(host.tabConfig!).sort()).toEqual(['registerOnSaveHandler', 'setValidityState']);
  });

  it('saveHandler_SettingsChosen_SetsTheConfigThenTellsTeamsItSucceeded', async () => {
    teams.app.getContext.mockResolvedValueOnce(settingsContext);
    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });
    host.tabConfig!.registerOnSaveHandler(() => saved);

    await expect(teams.pressSave()).resolves.toBe('success');
    expect(teams.pages.config.setConfig).toHaveBeenLastCalledWith(saved);
  });

  it('saveHandler_TeamsRefusesTheConfig_TellsTeamsWhy', async () => {
    teams.app.getContext.mockResolvedValueOnce(settingsContext);
    teams.pages.config.setConfig.mockRejectedValueOnce(new Error('contentUrl is not in validDomains'));
    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });
    host.tabConfig!.registerOnSaveHandler(() => saved);

    await expect(teams.pressSave()).resolves.toBe('failure: contentUrl is not in validDomains');
  });

  it('saveHandler_NothingValidChosen_RefusesWithoutSettingAConfig', async () => {
    teams.app.getContext.mockResolvedValueOnce(settingsContext);
    const host = await connectToHost({ location: { search: '', hash: '' }, hosted: true });
    host.tabConfig!.registerOnSaveHandler(() => null);
    teams.pages.config.setConfig.mockClear();

    await expect(teams.pressSave()).resolves.toBe('failure: ');
    expect(teams.pages.config.setConfig).not.toHaveBeenCalled();
  });
});
