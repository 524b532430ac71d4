import { describe, expect, it, vi } from 'vitest';

const teams = vi.hoisted(() => {
  let themeHandler: ((theme: string) => void) | null = null;
  return {
    app: {
      initialize: vi.fn(() => Promise.resolve()),
      getContext: vi.fn(() => Promise.resolve({ app: { theme: 'dark', locale: 'nn-NO' } })),
      notifySuccess: vi.fn(),
      registerOnThemeChangeHandler: vi.fn((handler: (theme: string) => void) => {
        themeHandler = handler;
      }),
    },
    authentication: { getAuthToken: vi.fn(() => Promise.resolve('sso-token')) },
    changeTheme: (theme: string) => themeHandler?.(theme),
  };
});
vi.mock('@microsoft/teams-js', () => ({ app: teams.app, authentication: teams.authentication }));

import { connectToHost } from './host';

describe('host inside Teams', () => {
  it('connectToHost_InTeams_TakesThemeLocaleAndTokenFromTeamsAndIgnoresOverrides', async () => {
    const host = await connectToHost({ location: { search: '?theme=default&lang=en', hash: '' }, hosted: true });

    expect(host.inTeams).toBe(true);
    expect(host.theme).toBe('dark');
    expect(host.locale).toBe('nb');
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
});
