import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { fluentTheme, parseThemeName } from '../theme/theme';
import { connectToHost, couldBeInTeams, readOverrides } from './host';

describe('host outside Teams', () => {
  it('readOverrides_QueryString_GivesThemeAndLanguage', () => {
    expect(readOverrides({ search: '?theme=dark&lang=sv', hash: '#/overview' })).toEqual({ theme: 'dark', locale: 'sv' });
  });

  it('readOverrides_HashQuery_WinsOverTheQueryString', () => {
    expect(readOverrides({ search: '?theme=dark', hash: '#/yearwheel?theme=contrast&lang=en' })).toEqual({ theme: 'contrast', locale: 'en' });
  });

  it('readOverrides_UnknownValues_AreIgnored', () => {
    expect(readOverrides({ search: '?theme=purple&lang=fi', hash: '' })).toEqual({ theme: null, locale: null });
  });

  it('fluentTheme_TeamsThemeNames_MapToTheTeamsThemes', () => {
    expect(fluentTheme(parseThemeName('default')!)).toBe(teamsLightTheme);
    expect(fluentTheme(parseThemeName('dark')!)).toBe(teamsDarkTheme);
    expect(fluentTheme(parseThemeName('contrast')!)).toBe(teamsHighContrastTheme);
  });

  it('connectToHost_PlainBrowserTab_UsesTheOverrides', async () => {
    const host = await connectToHost({ location: { search: '?theme=contrast&lang=sv', hash: '#/overview' } });

    expect(host.inTeams).toBe(false);
    expect(host.theme).toBe('contrast');
    expect(host.locale).toBe('sv');
    expect(host.getToken).toBeUndefined();
  });

  it('connectToHost_FramedByAPageThatIsNotTeams_GivesUpAndUsesTheOverrides', async () => {
    const host = await connectToHost({ location: { search: '?lang=en', hash: '' }, hosted: true, timeoutMs: 200 });

    expect(host.inTeams).toBe(false);
    expect(host.locale).toBe('en');
  });

  it('couldBeInTeams_TopLevelBrowserTab_IsNo', () => {
    expect(couldBeInTeams(window)).toBe(false);
  });
});
