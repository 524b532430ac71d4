import type { pages } from '@microsoft/teams-js';
import { localeFromTag, parseLocale, type Locale } from '../i18n/locale';
import { parseThemeName, type ThemeName } from '../theme/theme';

/** Where the tab runs: inside Teams (theme, locale and token from Teams) or in a plain browser. */
export interface Host {
  inTeams: boolean;
  theme: ThemeName;
  locale: Locale;
  /** Calls back when the user switches the Teams theme; a plain browser never does. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The Teams SSO token; absent outside Teams, where the development sign-in provides one. */
  getToken?: () => Promise<string>;
  /** Teams' configuration dialog of a channel or chat tab; present only while Teams shows the page in it. */
  tabConfig?: TabConfigHost;
  /**
   * The page a deep link asked for (`unit/byggesak`, `delivery`, `reports`): the link's `subEntityId`, which Teams
   * hands the tab as `page.subPageId`. Absent when the tab was opened by hand.
   */
  subPageId?: string;
}

/** What a channel or chat tab shows, as Teams keeps it: `contentUrl` in the tab, `websiteUrl` behind "Go to website". */
export interface TabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** The dialog Teams shows when a tab is added to a channel or chat, or when its settings are opened again. */
export interface TabConfigHost {
  /** The channel the tab belongs to; absent in a chat. */
  channelId?: string;
  /** The `entityId` the tab was saved with, when its settings are opened again. */
  entityId?: string;
  /** Turns Teams' own Save button on or off. */
  setValidityState(valid: boolean): void;
  /** `settings` is asked when the user presses Save; null (nothing valid chosen) makes Teams refuse the save. */
  registerOnSaveHandler(settings: () => TabSettings | null): void;
}

export interface Overrides {
  theme: ThemeName | null;
  locale: Locale | null;
}

/**
 * `?theme=dark|contrast|default` and `?lang=nb|nn|sv|en`, read from the query string or from the hash's own query
 * (`#/overview?theme=dark`), so that tests and people outside Teams can see every theme and language.
 */
export function readOverrides(location: Pick<Location, 'search' | 'hash'>): Overrides {
  const params = new URLSearchParams(location.search);
  const hashQuery = location.hash.indexOf('?');
  const hashParams = new URLSearchParams(hashQuery >= 0 ? location.hash.slice(hashQuery + 1) : '');
  const pick = (name: string) => hashParams.get(name) ?? params.get(name);
  return { theme: parseThemeName(pick('theme')), locale: parseLocale(pick('lang')) };
}

export interface ConnectOptions {
  location?: Pick<Location, 'search' | 'hash'>;
  timeoutMs?: number;
  /** Whether the page could be hosted by Teams at all; see `couldBeInTeams`. */
  hosted?: boolean;
}

/**
 * Teams shows a tab in an iframe (desktop, web) or in a webview with a native bridge (mobile). A page that is
 * neither is a plain browser tab, and teams-js is not even loaded: on import it fetches a list of Teams origins
 * from Microsoft's CDN, which outside Teams only fails and clutters the console.
 */
export function couldBeInTeams(win: Window): boolean {
  return win.parent !== win || Boolean(win.opener) || 'nativeInterface' in win;
}

/**
 * Teams answers `app.initialize()` at once; a page framed by something else never gets an answer, hence the
 * timeout.
 */
export async function connectToHost({ location = window.location, timeoutMs = 4000, hosted = couldBeInTeams(window) }: ConnectOptions = {}): Promise<Host> {
  if (hosted) {
    try {
      const { app, authentication, pages } = await import('@microsoft/teams-js');
      await withTimeout(app.initialize(), timeoutMs);
      const context = await app.getContext();
      // Only hides Teams' loading indicator: the page works whether or not Teams heard it.
      app.notifySuccess().catch(() => undefined);
      // pages.config may be called only in the configuration dialog (frame context "settings"); elsewhere it throws.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the context is whatever the hosting client sends, not what the type promises.
      const frame: string | undefined = context.page?.frameContext;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above: older clients send no page.
      const subPageId: string | undefined = context.page?.subPageId;
      return {
        inTeams: true,
        theme: parseThemeName(context.app.theme) ?? 'default',
        locale: localeFromTag(context.app.locale),
        onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(parseThemeName(theme) ?? 'default')),
        getToken: () => authentication.getAuthToken(),
        ...(frame === 'settings' ? { tabConfig: teamsTabConfig(pages.config, context.channel?.id, context.page.id) } : {}),
        ...(subPageId ? { subPageId } : {}),
      };
    } catch {
      // Framed by something that is not Teams (or teams-js failed to load): carry on as a plain browser tab.
    }
  }
  const overrides = readOverrides(location);
  return {
    inTeams: false,
    theme: overrides.theme ?? browserTheme(),
    locale: overrides.locale ?? localeFromTag(navigator.language),
    onThemeChange: () => {},
  };
}

function teamsTabConfig(config: typeof pages.config, channelId: string | undefined, entityId: string | undefined): TabConfigHost {
  return {
    ...(channelId ? { channelId } : {}),
    ...(entityId ? { entityId } : {}),
    setValidityState: (valid) => config.setValidityState(valid),
    registerOnSaveHandler: (settings) =>
      config.registerOnSaveHandler((event) => {
        const chosen = settings();
        if (!chosen) {
          event.notifyFailure();
          return;
        }
        config.setConfig(chosen).then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      }),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Teams within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function browserTheme(): ThemeName {
  if (typeof window.matchMedia !== 'function') return 'default';
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
