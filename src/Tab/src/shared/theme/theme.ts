import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** The three Teams themes, named as Teams names them in `context.app.theme`. */
export type ThemeName = 'default' | 'dark' | 'contrast';

/** Teams' theme name, or a `?theme=` value; null when it names no theme. */
export function parseThemeName(value: string | null | undefined): ThemeName | null {
  switch ((value ?? '').trim().toLowerCase()) {
    case 'default':
    case 'light':
      return 'default';
    case 'dark':
      return 'dark';
    case 'contrast':
    case 'highcontrast':
    case 'high-contrast':
      return 'contrast';
    default:
      return null;
  }
}

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
