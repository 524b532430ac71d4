import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ActionPlanPage } from '../features/actionplan/ActionPlanPage';
import { ConfigPage } from '../features/config/ConfigPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { OverviewPrefetchContext, prefetchOverview } from '../features/overview/overviewPrefetch';
import { OrganisationPage } from '../features/organisation/OrganisationPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { UnitPage } from '../features/unit/UnitPage';
import { YearWheelPage } from '../features/yearwheel/YearWheelPage';
import { MeContext } from '../shared/api/MeContext';
import { saveFile } from '../shared/api/saveFile';
import { tabApi } from '../shared/api/tabApi';
import { useApi } from '../shared/api/useApi';
import { I18nProvider, useI18n } from '../shared/i18n/i18n';
import { Loading } from '../shared/ui/Loading';
import { PageHeading } from '../shared/ui/PageHeading';
import { href, useRoute, type Route } from '../shared/routing/routes';
import type { TabConfigHost } from '../shared/teams/host';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nav: { flexGrow: 1 },
  navList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    // The current page is marked by an underline as well as by colour.
    borderBottom: `3px solid ${tokens.colorBrandStroke1}`,
    borderBottomLeftRadius: 0,
    borderBottomRightRadius: 0,
  },
  who: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, ':focus': { outline: 'none' } },
  skip: {
    position: 'absolute',
    left: '-10000px',
    color: tokens.colorBrandForegroundLink,
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

/** `tabConfig` is Teams' configuration dialog when the page is shown in one (`#/config`), else null. */
export function SignedIn({ onSignOut, tabConfig = null }: { onSignOut: (() => void) | null; tabConfig?: TabConfigHost | null }) {
  const { t, locale } = useI18n();
  const [me, retry] = useApi(tabApi.me, 'me');
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  const route = useRoute();
  // The page opened on asks for its data beside `/me`, not after it (see overviewPrefetch).
  const [prefetched] = useState(() => (route.page === 'overview' ? prefetchOverview(route.areaId ?? '') : null));

  const links: { route: Exclude<Route, { page: 'notFound' | 'unit' | 'config' }>; label: string }[] = [
    { route: { page: 'overview' }, label: t.navOverview },
    { route: { page: 'yearwheel' }, label: t.navYearWheel },
    { route: { page: 'actionplan' }, label: t.navActionPlan },
    { route: { page: 'reports' }, label: t.navReports },
    ...(me.state === 'loaded' && (me.data.canManageOrganisation || me.data.roles.includes('serviceAreaLeader')) ? [{ route: { page: 'organisation' } as const, label: t.navOrganisation }] : []),
  ];

  return (
    <>
      <a
        href="#main"
        className={styles.skip}
        onClick={(event) => {
          // A real #main would be read as a route.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <header className={styles.header}>
        {/* The configuration page is a step of adding a tab; leaving it for another page would lose the step. */}
        <nav aria-label={t.navLabel} className={styles.nav} hidden={route.page === 'config'}>
          <ul className={styles.navList}>
            {links.map((link) => {
              const current = link.route.page === route.page || (route.page === 'unit' && link.route.page === 'overview');
              return (
                <li key={link.route.page}>
                  <a
                    href={href(link.route)}
                    className={current ? `${styles.navLink} ${styles.current}` : styles.navLink}
                    aria-current={link.route.page === route.page ? 'page' : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        {me.state === 'loaded' && <span className={styles.who}>{t.signedInAs(me.data.name, me.data.organisation)}</span>}
        {me.state === 'loaded' && me.data.email && (
          <Button
            appearance="subtle"
            size="small"
            title={t.myDataTitle}
            onClick={() => {
              const email = me.data.email;
              if (email) void tabApi.personalData(email).then((file) => saveFile(file.blob, file.fileName));
            }}
          >
            {t.myData}
          </Button>
        )}
        {onSignOut && (
          <Button appearance="subtle" size="small" onClick={onSignOut}>
            {t.signOut}
          </Button>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        <Loading value={me} retry={retry}>
          {(data) => (
            <MeContext.Provider value={data}>
              <I18nProvider locale={locale} terms={data.terms}>
                <OverviewPrefetchContext.Provider value={prefetched}>
                  <Page route={route} tabConfig={tabConfig} />
                </OverviewPrefetchContext.Provider>
              </I18nProvider>
            </MeContext.Provider>
          )}
        </Loading>
      </main>
    </>
  );
}

function Page({ route, tabConfig }: { route: Route; tabConfig: TabConfigHost | null }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'overview':
      return <OverviewPage key={route.areaId ?? ''} areaId={route.areaId} />;
    case 'unit':
      return <UnitPage unitId={route.unitId} />;
    case 'yearwheel':
      return <YearWheelPage />;
    case 'actionplan':
      return <ActionPlanPage />;
    case 'reports':
      return <ReportsPage />;
    case 'organisation':
      return <OrganisationPage />;
    case 'config':
      return <ConfigPage host={tabConfig} />;
    case 'notFound':
      return (
        <>
          <PageHeading title={t.notFoundTitle}>{t.notFoundTitle}</PageHeading>
          <p>{t.notFoundText}</p>
          <Link href={href({ page: 'overview' })}>{t.backToOverview}</Link>
        </>
      );
  }
}
