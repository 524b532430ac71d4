import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { onUnauthorized } from '../shared/api/apiFetch';
import { DevSignInPage } from '../features/signin/DevSignInPage';
import { I18nProvider } from '../shared/i18n/i18n';
import { hashOfSubPage } from '../shared/routing/routes';
import type { Host } from '../shared/teams/host';
import { fluentTheme } from '../shared/theme/theme';
import { endDevSession, startSession, beginDevSession, type Auth } from './session';
import { SignedIn } from './SignedIn';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export function App({ host }: { host: Host }) {
  // A deep link from a card opens the static tab at its own address; the page it names comes in the context. Taken
  // once, before any page reads the address, and replacing it, so Back does not return to the overview first.
  useState(() => {
    const linked = host.subPageId ? hashOfSubPage(host.subPageId) : null;
    if (linked) window.history.replaceState(null, '', linked);
  });
  const [theme, setTheme] = useState(host.theme);
  const [auth, setAuth] = useState<Auth>(() => startSession(host));
  const locale = host.locale;
  const styles = useStyles();

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(
    () =>
      onUnauthorized(() => {
        // Inside Teams a 401 is a configuration problem that signing in again cannot fix; the page shows it.
        if (!host.inTeams) setAuth(endDevSession(true));
      }),
    [host],
  );

  return (
    // The page's own box is a div inside the provider: Fluent gives each portal (a dialog, a combobox's list) the
    // provider's class too, and a full-height portal would cover the dialog it opens from.
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      <div className={styles.root}>
        <I18nProvider locale={locale}>
          {auth.state === 'signedOut' ? (
            <DevSignInPage expired={auth.expired} onSignedIn={(session) => setAuth(beginDevSession(session))} />
          ) : (
            <SignedIn onSignOut={auth.dev ? () => setAuth(endDevSession(false)) : null} tabConfig={host.tabConfig ?? null} />
          )}
        </I18nProvider>
      </div>
    </FluentProvider>
  );
}
