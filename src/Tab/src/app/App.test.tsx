import { screen, waitFor, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Host } from '../shared/teams/host';
import { coordinator, overview } from '../test/fixtures';
import { fakeService, json, problem } from '../test/render';
import { App } from './App';
import { hashOfSubPage, href, parseRoute } from '../shared/routing/routes';

function browserHost(overrides: Partial<Host> = {}): Host {
  return { inTeams: false, theme: 'default', locale: 'nb', onThemeChange: () => {}, ...overrides };
}

describe('App opened by a deep link', () => {
  it('subPageOfAUnit_OpensThatUnitsPage', async () => {
    window.history.replaceState(null, '', '#/overview');
    const service = fakeService({ 'GET /api/tab/me': json(coordinator) });
    render(<App host={browserHost({ inTeams: true, getToken: () => Promise.resolve('sso'), subPageId: 'unit/byggesak' })} />);

    await waitFor(() => expect(service.calls.map((c) => c.url)).toContain('/api/tab/units/byggesak'));
    expect(window.location.hash).toBe('#/unit/byggesak');
    expect(service.calls.map((c) => c.url)).not.toContain('/api/tab/overview');
  });

  it('subPageDeliveryOrReports_OpensTheirPages_AndAnUnknownOneChangesNothing', () => {
    expect(['delivery', 'reports', 'unit/byggesak', 'overview/helse-og-omsorg', 'config', 'unit', 'nonsense', 'unit/a/b', 'reports?x=1'].map(hashOfSubPage)).toEqual([
      '#/overview',
      '#/reports',
      '#/unit/byggesak',
      '#/overview/helse-og-omsorg',
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('App outside Teams', () => {
  it('noSession_ShowsTheDevelopmentSignInAndSignsInWithTheChosenEmail', async () => {
    const service = fakeService({
      'POST /api/tab/dev-signin': json({ token: 'dev-token', name: 'Jonas Vik' }),
      'GET /api/tab/me': json(coordinator),
      'GET /api/tab/overview': json(overview),
    });
    render(<App host={browserHost()} />);

    expect(screen.queryByRole('heading', { level: 1, name: 'Utviklerpålogging' })).not.toBeNull();
    await userEvent.click(screen.getByLabelText(/E-postadresse/));
    await userEvent.paste('lean.koordinator@fjordvik.kommune.no');
    await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));

    expect(await screen.findAllByRole('heading', { level: 1, name: 'Oversikt' })).toHaveLength(1);
    expect(screen.queryByText('Logget inn som Jonas Vik, Fjordvik kommune')).not.toBeNull();
    const me = service.calls.find((call) => call.url === '/api/tab/me')!;
    expect(me.headers.get('Authorization')).toBe('Bearer dev-token');
    expect(JSON.parse(sessionStorage.getItem('leanteamsapp.devSignIn') ?? '{}')).toEqual({ token: 'dev-token', name: 'Jonas Vik' });
  });

  it('devSignInTurnedOff_SaysToOpenTheAppInTeams', async () => {
    fakeService({ 'POST /api/tab/dev-signin': problem(404, { title: 'Not Found' }) });
    render(<App host={browserHost({ locale: 'en' })} />);

    await userEvent.type(screen.getByLabelText(/Email address/), 'someone@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Open the app in Microsoft Teams.');
  });

  it('sessionExpires_GoesBackToSignInAndSaysWhy', async () => {
    sessionStorage.setItem('leanteamsapp.devSignIn', JSON.stringify({ token: 'old', name: 'Jonas Vik' }));
    fakeService({ 'GET /api/tab/me': problem(401, { title: 'Unauthorized' }) });
    render(<App host={browserHost()} />);

    expect(await screen.findAllByText('Økten er utløpt. Logg inn igjen.')).toHaveLength(1);
    expect(sessionStorage.getItem('leanteamsapp.devSignIn')).toBeNull();
  });

  it('themeAndLanguage_ComeFromTheHost', async () => {
    sessionStorage.setItem('leanteamsapp.devSignIn', JSON.stringify({ token: 't', name: 'Jonas Vik' }));
    fakeService({ 'GET /api/tab/me': json(coordinator), 'GET /api/tab/overview': json(overview) });
    const { container } = render(<App host={browserHost({ theme: 'contrast', locale: 'sv' })} />);

    expect(await screen.findAllByRole('heading', { level: 1, name: 'Översikt' })).toHaveLength(1);
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('contrast');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('navigation_IsNamedAndMarksTheCurrentPage', async () => {
    sessionStorage.setItem('leanteamsapp.devSignIn', JSON.stringify({ token: 't', name: 'Jonas Vik' }));
    fakeService({ 'GET /api/tab/me': json(coordinator), 'GET /api/tab/overview': json(overview), 'GET /api/tab/actionplan': json({ rows: [] }) });
    render(<App host={browserHost()} />);

    const nav = await screen.findByRole('navigation', { name: 'Sider' });
    expect(within(nav).getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(nav).getByRole('link', { name: 'Handlingsplan' }));

    expect(await screen.findAllByRole('heading', { level: 1, name: 'Handlingsplan' })).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    expect(within(nav).getByRole('link', { name: 'Handlingsplan' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Handlingsplan – LeanTeamsApp');
  });
});

describe('App in Teams', () => {
  it('teamsHost_UsesItsTokenAndFollowsItsThemeChanges', async () => {
    let changeTheme: (theme: 'default' | 'dark' | 'contrast') => void = () => {};
    const service = fakeService({ 'GET /api/tab/me': json(coordinator), 'GET /api/tab/overview': json(overview) });
    const { container } = render(
      <App
        host={{ inTeams: true, theme: 'default', locale: 'nb', getToken: () => Promise.resolve('sso'), onThemeChange: (handler) => (changeTheme = handler) }}
      />,
    );

    await screen.findByRole('heading', { level: 1, name: 'Oversikt' });
    expect(service.calls[0]!.headers.get('Authorization')).toBe('Bearer sso');
    expect(screen.queryByRole('button', { name: 'Logg ut' })).toBeNull();

    changeTheme('dark');
    await waitFor(() => expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark'));
  });

  it('configurationDialog_ShowsTheConfigPageWithoutNavigationAndHandsItTheDialog', async () => {
    window.location.hash = '#/config';
    const validity: boolean[] = [];
    fakeService({ 'GET /api/tab/me': json(coordinator), 'GET /api/tab/overview': json(overview) });
    render(
      <App
        host={{
          inTeams: true,
          theme: 'default',
          locale: 'nb',
          getToken: () => Promise.resolve('sso'),
          onThemeChange: () => {},
          tabConfig: { setValidityState: (valid) => validity.push(valid), registerOnSaveHandler: () => {} },
        }}
      />,
    );

    expect(await screen.findAllByRole('heading', { level: 1, name: 'Velg hva fanen skal vise' })).toHaveLength(1);
    await userEvent.click(await screen.findByRole('radio', { name: 'Årshjul' }));
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(validity.at(-1)).toBe(true);
  });

  it('pinnedAreaOverview_OpensFilteredToThatArea', async () => {
    window.location.hash = '#/overview/helse-og-omsorg';
    const service = fakeService({
      'GET /api/tab/me': json(coordinator),
      'GET /api/tab/overview?area=helse-og-omsorg': json({ ...overview, units: overview.units.filter((unit) => unit.areaId === 'helse-og-omsorg') }),
    });
    render(<App host={{ inTeams: true, theme: 'default', locale: 'nb', getToken: () => Promise.resolve('sso'), onThemeChange: () => {} }} />);

    expect(await screen.findAllByRole('rowheader', { name: 'Hjemmetjenesten nord' })).toHaveLength(1);
    // The coordinator's delivery section asks for its own list besides.
    // Asked together (the overview is not waiting for /me), so in either order.
    expect(service.calls.map((call) => call.url).filter((url) => url !== '/api/tab/delivery').sort()).toEqual(['/api/tab/me', '/api/tab/overview?area=helse-og-omsorg']);
    const nav = screen.getByRole('navigation', { name: 'Sider' });
    expect(within(nav).getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('App starting on the overview', () => {
  it('overviewPage_AsksForMeAndTheOverviewBeforeEitherAnswers', async () => {
    window.location.hash = '#/overview';
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const service = fakeService({
      'GET /api/tab/me': () => answered.then(() => json(coordinator)),
      'GET /api/tab/overview': () => answered.then(() => json(overview)),
    });
    render(<App host={browserHost({ inTeams: true, getToken: () => Promise.resolve('sso') })} />);

    // Neither can answer until both have been asked: the overview does not wait for /me.
    await waitFor(() => expect(service.calls.map((call) => call.url).sort()).toEqual(['/api/tab/me', '/api/tab/overview']));
    answer();

    expect(await screen.findAllByRole('rowheader', { name: 'Hjemmetjenesten nord' })).toHaveLength(1);
    expect(service.calls.filter((call) => call.url === '/api/tab/overview')).toHaveLength(1);
  });
});

describe('routes', () => {
  it.each([
    ['', { page: 'overview' }],
    ['#/overview', { page: 'overview' }],
    ['#/overview/helse-og-omsorg', { page: 'overview', areaId: 'helse-og-omsorg' }],
    ['#/overview/helse%20og%20omsorg?theme=dark', { page: 'overview', areaId: 'helse og omsorg' }],
    ['#/overview/helse-og-omsorg/x', { page: 'notFound' }],
    ['#/config', { page: 'config' }],
    ['#/config/x', { page: 'notFound' }],
    ['#/unit/%E0%A4%A', { page: 'notFound' }],
    ['#/unit/byggesak', { page: 'unit', unitId: 'byggesak' }],
    ['#/unit/hjemmetjenesten%20nord?theme=dark', { page: 'unit', unitId: 'hjemmetjenesten nord' }],
    ['#/yearwheel?year=2027', { page: 'yearwheel' }],
    ['#/actionplan', { page: 'actionplan' }],
    ['#/reports', { page: 'reports' }],
    ['#/unit', { page: 'notFound' }],
    ['#/nowhere', { page: 'notFound' }],
  ])('parseRoute_%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    [{ page: 'overview' }, '#/overview'],
    [{ page: 'overview', areaId: 'helse og omsorg' }, '#/overview/helse%20og%20omsorg'],
    [{ page: 'unit', unitId: 'byggesak' }, '#/unit/byggesak'],
    [{ page: 'config' }, '#/config'],
  ] as const)('href_%j_IsWhatParseRouteReadsBack', (route, hash) => {
    expect(href(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
  });
});
