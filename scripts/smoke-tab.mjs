// Opens the built Teams tab against the running service in headless Chromium, the way a coordinator would outside
// Teams (development sign-in): every page renders from the service's API, in the default, dark and high-contrast
// themes, with no WCAG 2.1 A/AA violation found by axe-core, and each page shows exactly the figures the service
// answers with. Every page is also opened on a 360 px phone in the three themes: no page may scroll sideways, and
// every item of the year wheel must open by keyboard (its list) and by a tap (its mark, even in a cluster). On the
// unit's board an improvement is added, dragged to another stage and moved by keyboard, given an owner and a deadline,
// placed on the PICK grid and its benefit's estimate recorded, each change checked in the service's answer, and the
// edited board audited in the three themes.
// On the Organisation page it adds a unit, changes its leader with the people picker and finds the change in the
// unit's history, in each theme. The service's privacy page is audited too. Screenshots go to .local/artifacts/tab/.
// Used by `scripts/run.sh --smoke`.
//   node scripts/smoke-tab.mjs <service-url>
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const app = process.argv[2] ?? 'http://127.0.0.1:3978';
const root = new URL('../', import.meta.url).pathname;
const artifacts = `${root}.local/artifacts/tab/`;
mkdirSync(artifacts, { recursive: true });
const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const problems = [];

// The page itself must not scroll sideways: what is wider than the screen (the heat map) scrolls in its own region.
async function checkWidth(page, name) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) problems.push(`${name}: the page scrolls sideways (scrollWidth ${scrollWidth} > clientWidth ${clientWidth})`);
  else console.log(`tab: ${name}: scrollWidth ${scrollWidth} <= clientWidth ${clientWidth}`);
}

async function audit(page, name) {
  await checkWidth(page, name);
  // A dialog fades in: audited mid-animation, its half-transparent text fails the contrast check. Wait for the finite
  // animations to end (at most 3 s; a spinner's never does).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]));
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    // Fluent's focus manager (tabster) puts aria-hidden focusable <i data-tabster-dummy> sentinels around focus
    // groups on purpose: they hand focus on at once and are never read. Everything else is audited.
    axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of result.violations) {
    problems.push(`${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  }
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  console.log(`tab: ${name} rendered, axe: ${result.violations.length} violations`);
}

const coordinator = 'lean.koordinator@fjordvik.kommune.no';

async function signIn(page, theme, email = coordinator) {
  await page.goto(`${app}/tab/?theme=${theme}&lang=nb#/overview`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

// The service's own answers for the coordinator (or `email`), to hold every page's figures against. The API's figures
// are checked against seeded storage by the API tests; here the question is whether each page shows exactly them. With
// a body, it is posted instead.
async function api(path, body, email = coordinator) {
  api.tokens ??= new Map();
  if (!api.tokens.has(email)) {
    const signIn = await fetch(`${app}/api/tab/dev-signin`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    api.tokens.set(email, (await signIn.json()).token);
  }
  const response = await fetch(`${app}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${api.tokens.get(email)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const nbNumber = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

function expectEqual(what, actual, expected) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) problems.push(`${what}: shows ${a}, expected ${e}`);
  else console.log(`tab: ${what}: ${a.length > 80 ? `${a.slice(0, 77)}...` : a}`);
}

async function checkFigures(page) {
  // Overview: every unit's twelve weeks, its held count, the units asking for help and this year's benefit sums.
  const overview = await api('/api/tab/overview');
  const heatMap = page.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
  const rows = await heatMap.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    unit: tr.querySelector('th')?.textContent?.trim(),
    statuses: [...tr.querySelectorAll('td[data-status]')].map((td) => td.getAttribute('data-status')),
    held: tr.lastElementChild?.previousElementSibling?.textContent?.trim(),
    improvements: tr.lastElementChild?.textContent?.trim(),
  })));
  expectEqual('overview: units in the heat map', rows.map((r) => r.unit), overview.units.map((u) => u.name));
  expectEqual('overview: every week of every unit', rows.map((r) => r.statuses), overview.units.map((u) => u.statuses));
  expectEqual('overview: held per unit', rows.map((r) => r.held), overview.units.map((u) => {
    const counted = u.statuses.filter((s) => s === 'held' || s === 'notHeld' || s === 'missing');
    return `${counted.filter((s) => s === 'held').length} av ${counted.length}`;
  }));
  expectEqual('overview: improvements per unit, as the records count them', rows.map((r) => r.improvements),
    overview.units.map((u) => `${u.improvements.new} ${u.improvements.new === 1 ? 'ny' : 'nye'} · ${u.improvements.inProgress} pågår · ${u.improvements.done} ${u.improvements.done === 1 ? 'ferdig' : 'ferdige'}`));
  if (!overview.units.some((u) => u.statuses.includes('held'))) problems.push('overview: the demo history has no held meeting at all');
  const help = page.getByRole('region', { name: 'Enheter som trenger hjelp' });
  expectEqual('overview: units needing help', (await help.getByRole('listitem').allTextContents()).map(squash),
    overview.units.filter((u) => u.helpNeeded).map((u) => `${u.name}: ${u.helpNeeded}`));
  const totals = await page.getByRole('table', { name: 'Sum hittil i år' }).locator('tbody td').allTextContents();
  expectEqual('overview: benefit amounts this year',
    totals.map((text, i) => overview.benefitsThisYear[i] && squash(text).startsWith(`${squash(nbNumber.format(overview.benefitsThisYear[i].amount))} `)),
    overview.benefitsThisYear.map(() => true));
  if (overview.benefitsThisYear.length === 0) problems.push('overview: the demo history realised no benefit this year');

  // Unit: the kanban's counts per stage, the goal breakdown of the demo file, deviations and benefits.
  const unit = await api('/api/tab/units/byggesak');
  await page.goto(`${app}/tab/?theme=default&lang=nb#/unit/byggesak`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Byggesak', level: 1 }).waitFor({ timeout: 20000 });
  const columns = await page.locator('section[data-stage]').evaluateAll((sections) =>
    sections.map((section) => [section.getAttribute('data-stage'), section.querySelectorAll('li').length]));
  const stages = ['suggested', 'inProgress', 'done', 'benefitRealised', 'rejected'];
  expectEqual('unit: improvements per stage', columns, stages.map((stage) => [stage, unit.improvements.filter((i) => i.stage === stage).length]));
  const goals = (await page.getByRole('region', { name: 'Mål' }).getByRole('listitem').allTextContents()).map(squash);
  expectEqual('unit: goals traced to the overall goal', goals.map((g) => g.includes('Effektiv saksbehandling') && g.includes('Brukeren i sentrum')), [true, true]);
  expectEqual('unit: deviations', await page.getByRole('table', { name: 'Avvik' }).locator('tbody tr').count(), unit.deviations.length);
  const benefitRows = unit.benefits.length === 0 ? 0 : await page.getByRole('table', { name: 'Gevinster' }).locator('tbody tr').count();
  expectEqual('unit: benefits', benefitRows, unit.benefits.length);
  await page.goto(`${app}/tab/?theme=default&lang=nb#/unit/servicetorget`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Servicetorget', level: 1 }).waitFor({ timeout: 20000 });
  expectEqual('unit: a goal not linked to the breakdown says so',
    await page.getByText('Ikke knyttet til et overordnet mål ennå').count(), 1);

  // Year wheel: one mark per appointment of the year, of each kind.
  const wheel = await api('/api/tab/yearwheel');
  await page.goto(`${app}/tab/?theme=default&lang=nb#/yearwheel`, { waitUntil: 'networkidle' });
  await page.getByRole('group', { name: /Årshjul \d{4}/ }).waitFor({ timeout: 20000 });
  for (const kind of ['semiAnnualReview', 'gembaWalk', 'fishboneAnalysis']) {
    expectEqual(`year wheel: ${kind} marks`, await page.locator(`[role="button"][data-type="${kind}"]`).count(),
      wheel.appointments.filter((a) => a.kind === kind).length);
  }
  if (wheel.appointments.length === 0) problems.push('year wheel: the demo plan has no appointment this year');

  // Action plan: its rows, challenge first, in the service's order.
  const plan = await api('/api/tab/actionplan');
  await page.goto(`${app}/tab/?theme=default&lang=nb#/actionplan`, { waitUntil: 'networkidle' });
  const planTable = page.getByRole('table', { name: 'Handlingsplan' });
  await planTable.waitFor({ timeout: 20000 });
  expectEqual('action plan: challenges', (await planTable.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => tr.firstElementChild?.textContent?.trim()))), plan.rows.map((r) => r.challenge));
  if (plan.rows.length === 0) problems.push('action plan: the demo plan has no rows');

  // Reports: the CSV download holds a line per demo unit.
  await page.goto(`${app}/tab/?theme=default&lang=nb#/reports`, { waitUntil: 'networkidle' });
  const csvButton = page.getByRole('button', { name: /CSV/ });
  await csvButton.waitFor({ timeout: 20000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), csvButton.click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  const missing = overview.units.map((u) => u.name).filter((name) => !csv.includes(name));
  expectEqual('reports: demo units missing from the CSV download', missing, []);
}

// The board during the meeting, as the coordinator (who may edit every unit's board): an improvement added, dragged to
// another stage and moved on by keyboard, given an owner and a deadline, placed on the PICK grid and moved on it, and its
// benefit's estimate recorded; after each step the service must hold the change. Then axe on the edited board in every
// theme.
async function checkBoard(page) {
  const title = `Røyktest ${Date.now()}`;
  const stored = async () => (await api('/api/tab/units/byggesak')).improvements.find((i) => i.title === title);
  async function until(what, test, read = stored) {
    for (let i = 0; i < 50; i++) {
      const record = await read();
      if (record && test(record)) {
        console.log(`tab: board: ${what}: stored`);
        return record;
      }
      await page.waitForTimeout(200);
    }
    problems.push(`board: ${what}: the service does not hold the change (${JSON.stringify(await read())})`);
    return read();
  }

  await page.goto(`${app}/tab/?theme=default&lang=nb#/unit/byggesak`, { waitUntil: 'networkidle' });
  const adding = page.getByRole('form', { name: 'Ny forbedring' });
  await adding.waitFor({ timeout: 20000 });
  await adding.getByRole('textbox', { name: 'Tittel' }).fill(title);
  await adding.getByRole('button', { name: 'Legg til' }).click();
  const added = await until('added', (i) => i.stage === 'suggested');
  // Each step waits for the board to say it is done, so that the next one acts on the board as it now stands.
  const said = (text) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 20000 });
  await said(`«${title}» er lagt til.`);

  // Dragged by the mouse as a person drags: pressed on the card's title, let go over the Pågår column at the same height.
  // Nothing may scroll between the press and the first move: Chromium starts the drag from whatever is under the
  // pointer by then (left to Playwright's defaults, the column, taller than the window, was scrolled into view after the
  // press, and another card of the column was dragged).
  // Columns share the board's row, so the card's height is inside the target column and in view.
  const card = page.locator(`section[data-stage="suggested"] [data-improvement="${added.id}"]`);
  const column = page.locator('section[data-stage="inProgress"]');
  await card.scrollIntoViewIfNeeded();
  const [from, to] = [await card.boundingBox(), await column.boundingBox()];
  const press = { x: 8, y: 8 };
  await card.dragTo(column, { sourcePosition: press, targetPosition: { x: to.width / 2, y: from.y + press.y - to.y } });
  await until('dragged to in progress', (i) => i.stage === 'inProgress');
  await said(`«${title}» er flyttet til Pågår.`);
  await page.locator(`section[data-stage="inProgress"] [data-improvement="${added.id}"]`).waitFor({ timeout: 20000 });

  const grid = page.getByRole('region', { name: 'Innsats og effekt (PICK)' });
  await grid.getByRole('combobox', { name: `Plassering av «${title}»` }).selectOption('challenge');
  await until('placed on the PICK grid', (i) => i.effort === 'high' && i.effect === 'high' && i.pick === 'challenge');
  await said(`«${title}» er plassert i Utfordring.`);
  await grid.getByRole('combobox', { name: `Plassering av «${title}»` }).selectOption('implement');
  await until('placed on the PICK grid by its select', (i) => i.effort === 'low' && i.effect === 'high' && i.pick === 'implement');
  await said(`«${title}» er plassert i Gjennomfør.`);

  const toDone = page.getByRole('button', { name: `Flytt «${title}» til Ferdig` });
  await toDone.focus();
  await page.keyboard.press('Enter');
  await until('moved to done by keyboard', (i) => i.stage === 'done');
  await said(`«${title}» er flyttet til Ferdig.`);

  const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  await page.getByRole('button', { name: `Ansvarlig og frist for «${title}»` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Ansvarlig' }).selectOption({ label: 'Randi Lie' });
  await dialog.getByLabel('Frist').fill(due);
  await audit(page, 'board-dialog');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await until('owner and deadline', (i) => i.ownerId === 'leder.byggesak@fjordvik.kommune.no' && i.ownerName === 'Randi Lie' && i.dueDate === due);
  await said(`«${title}» er lagret.`);

  // The benefit of the improvement is identified at the board, from its card: those who work on the unit's board do (the
  // coordinator does not). Randi Lie, its leader, records its estimate in the new-benefit form, and records it again in
  // the stage dialog; the service must hold each figure.
  const leader = 'leder.byggesak@fjordvik.kommune.no';
  const benefitOf = async () => (await api('/api/tab/units/byggesak')).benefits.find((b) => b.improvementId === added.id);
  const leaderPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(leaderPage, 'default', leader);
  await leaderPage.getByRole('navigation', { name: 'Sider' }).waitFor({ timeout: 20000 });
  await leaderPage.goto(`${app}/tab/?theme=default&lang=nb#/unit/byggesak`, { waitUntil: 'networkidle' });
  await leaderPage.getByRole('button', { name: `Registrer gevinst for «${title}»` }).click();
  const newBenefit = leaderPage.getByRole('dialog', { name: 'Registrer en gevinst' });
  await newBenefit.getByRole('combobox', { name: /^Type gevinst/ }).selectOption('timeSaved');
  await newBenefit.getByRole('combobox', { name: /^Måleenhet/ }).selectOption('hours');
  await newBenefit.getByRole('textbox', { name: /^Anslått verdi/ }).fill('137');
  await audit(leaderPage, 'board-benefit-dialog');
  await newBenefit.getByRole('button', { name: 'Lagre' }).click();
  await until('benefit recorded in the new-benefit form', (b) => b.stage === 'identified' && b.identified === 137 && b.measure === 'hours' && b.kind === 'timeSaved' && b.ownerId === leader, benefitOf);
  await leaderPage.getByRole('status').filter({ hasText: 'Gevinsten 137 timer, Spart tid er registrert som identifisert.' }).waitFor({ timeout: 20000 });
  const benefits = leaderPage.getByRole('table', { name: 'Gevinster' });
  await benefits.getByRole('row').filter({ hasText: 'Identifisert: 137 timer' }).getByRole('button', { name: /^Registrer trinn for gevinsten / }).click();
  const stageDialog = leaderPage.getByRole('dialog', { name: 'Registrer gevinstens trinn' });
  await stageDialog.getByRole('combobox', { name: /^Trinn/ }).selectOption('identified');
  await stageDialog.getByRole('textbox', { name: /^Verdi/ }).fill('142');
  await audit(leaderPage, 'board-stage-dialog');
  await stageDialog.getByRole('button', { name: 'Lagre' }).click();
  await until('benefit estimate recorded in the stage dialog', (b) => b.stage === 'identified' && b.identified === 142 && b.measure === 'hours', benefitOf);
  await leaderPage.getByRole('region', { name: 'Gevinster' }).getByRole('status').filter({ hasText: /er registrert som identifisert\./ }).waitFor({ timeout: 20000 });
  await benefits.getByRole('row').filter({ hasText: 'Identifisert: 142 timer' }).waitFor({ timeout: 20000 });
  await leaderPage.close();

  for (const theme of ['default', 'dark', 'contrast']) {
    await page.goto(`${app}/tab/?theme=${theme}&lang=nb#/unit/byggesak`, { waitUntil: 'networkidle' });
    await page.getByRole('form', { name: 'Ny forbedring' }).waitFor({ timeout: 20000 });
    await page.locator(`section[data-pick="implement"] [data-improvement="${added.id}"]`).waitFor({ timeout: 20000 });
    await audit(page, `board-${theme}`);
  }
}

const pages = (page) => [
  ['#/overview', 'overview', () => page.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' })],
  ['#/unit/byggesak', 'unit', () => page.getByRole('heading', { name: 'Byggesak' }).first()],
  ['#/yearwheel', 'yearwheel', () => page.getByRole('group', { name: /Årshjul \d{4}/ })],
  ['#/actionplan', 'actionplan', () => page.getByRole('heading', { name: /Handlingsplan/ }).first()],
  ['#/reports', 'reports', () => page.getByRole('heading', { name: /Rapport/ }).first()],
  ['#/organisation', 'organisation', () => page.getByRole('heading', { name: 'Organisasjonen', level: 1 })],
  ['#/config', 'config', () => page.getByRole('heading', { name: 'Velg hva fanen skal vise' }).first()],
];

// The coordinator keeps the organisation up to date in the tab: she adds a unit, gives it another leader with the
// people picker, and sees that change in the unit's history; each form and dialog is audited on the way, in `theme`.
// Each theme adds its own unit (ids are never reused), so the run can be repeated against the same storage.
async function checkOrganisationForms(page, theme) {
  const id = `smoke-${theme}-${Date.now().toString(36)}`;
  const name = `Røykprøve ${theme} ${id.slice(-5)}`;
  await page.goto(`${app}/tab/?theme=${theme}&lang=nb#/organisation`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Legg til enhet' }).click();
  const add = page.getByRole('dialog', { name: 'Legg til enhet' });
  await add.waitFor({ timeout: 20000 });
  await add.getByRole('textbox', { name: /^Id/ }).fill(id);
  await add.getByRole('textbox', { name: /^Navn/ }).fill(name);
  await pickPerson(page, add, /^Enhetsleder/, 'leder.fjordtun');
  await add.getByLabel('Lean-start').fill('2026-12-07');
  await audit(page, `organisation-add-${theme}`);
  await add.getByRole('button', { name: 'Lagre' }).click();
  await page.getByText(`${name} er lagt til.`).waitFor({ timeout: 20000 });

  await page.getByRole('button', { name: `Endre ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Endre ${name}` });
  await edit.waitFor({ timeout: 20000 });
  const picked = await pickPerson(page, edit, /^Enhetsleder/, 'leder.hjemmenord');
  await audit(page, `organisation-edit-${theme}`);
  await edit.getByRole('button', { name: 'Lagre' }).click();
  await page.getByText(`${name} er lagret.`).waitFor({ timeout: 20000 });

  await page.getByRole('button', { name: `Endringslogg for ${name}` }).click();
  const history = page.getByRole('dialog', { name: `Endringslogg for ${name}` });
  await history.getByRole('table').first().waitFor({ timeout: 20000 });
  const leaderChange = history.getByRole('row').filter({ has: page.getByRole('cell', { name: 'leader', exact: true }) });
  expectEqual(`organisation-${theme}: the leader change in the unit's history`, squash(await leaderChange.first().textContent()).includes(picked), true);
  await audit(page, `organisation-history-${theme}`);
  await page.keyboard.press('Escape');
}

// Types into the picker, waits for the service's matches, and picks the first that names `email`; returns its e-mail.
async function pickPerson(page, scope, label, email) {
  const box = scope.getByRole('combobox', { name: label });
  // Typed as a person types: the list opens on a key, not on a value set from outside.
  await box.click();
  await box.fill('');
  await box.pressSequentially(email, { delay: 20 });
  const option = page.getByRole('option', { name: new RegExp(email.replace('.', '\\.')) }).first();
  await option.waitFor({ timeout: 20000 });
  const text = squash(await option.textContent());
  await option.click();
  // On to the next field, as a person would; the picker's list is closed behind them.
  await box.press('Tab');
  return text.match(/[\w.+-]+@[\w.-]+/)?.[0] ?? email;
}

// The privacy page Teams links to from the app's details: served by the service, outside the tab, in one theme.
async function checkPrivacyPage(page) {
  await page.goto(`${app}/privacy`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Personvern', level: 1 }).waitFor({ timeout: 20000 });
  await audit(page, 'privacy');
}

const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

// On a phone the heat map scrolls inside its own named, focusable region, and the unit names stay where they are.
async function checkHeatMapScrolls(page) {
  const region = page.getByRole('region', { name: 'Tavlemøter de siste 12 ukene (kan rulles sideveis)' });
  const facts = await region.evaluate((element) => {
    const before = element.querySelector('tbody th').getBoundingClientRect().left;
    element.scrollLeft = element.scrollWidth;
    const after = element.querySelector('tbody th').getBoundingClientRect().left;
    const lastWeek = [...element.querySelector('tbody tr').querySelectorAll('td[data-status]')].at(-1).getBoundingClientRect();
    const box = element.getBoundingClientRect();
    element.scrollLeft = 0;
    return { tabIndex: element.tabIndex, scrolls: element.scrollWidth > element.clientWidth, before, after, lastWeekSeen: lastWeek.right <= box.right + 1 };
  });
  expectEqual('phone: the heat map scrolls in a region that takes focus', [facts.tabIndex, facts.scrolls], [0, true]);
  expectEqual('phone: unit names stay in place while the weeks scroll, and the last week comes into view',
    [Math.round(facts.after - facts.before), facts.lastWeekSeen], [0, true]);
}

// Every item of the year: Tab to it in the list, Enter, and its details are shown under it; then every mark of the
// wheel is tapped where it is drawn, and the details show it or offer it (marks in one week cover each other).
async function checkYearWheelItems(page) {
  const wheel = await api('/api/tab/yearwheel');
  const expected = wheel.appointments.length + wheel.holidays.length + wheel.blackouts.length + wheel.deadlines.length;
  const list = page.getByRole('region', { name: 'Hendelser som liste' });
  const buttons = list.locator('li[data-item] > button');
  expectEqual('phone: year wheel items in the list', await buttons.count(), expected);
  const first = await buttons.first().elementHandle();
  for (let presses = 0; presses < 300 && !(await first.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  let opened = 0;
  for (let index = 0; index < expected; index++) {
    const button = buttons.nth(index);
    if (!(await button.evaluate((element) => element === document.activeElement))) {
      problems.push(`phone: year wheel list item ${index + 1} is not the next tab stop`);
      break;
    }
    await page.keyboard.press('Enter');
    const panelId = await button.getAttribute('aria-controls');
    const shown = panelId !== null && (await button.getAttribute('aria-expanded')) === 'true' &&
      (await page.locator(`[id="${panelId}"] dl`).isVisible());
    if (shown) opened++;
    else problems.push(`phone: year wheel list item "${squash(await button.textContent())}" showed no details on Enter`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
  }
  expectEqual('phone: year wheel items opened by keyboard', opened, expected);

  const marks = page.getByRole('group', { name: /Årshjul \d{4}/ }).locator('[role="button"][data-type]:not([data-type="blackout"])');
  const details = page.getByRole('region', { name: 'Detaljer' });
  let tapped = 0;
  const missed = [];
  for (let index = 0; index < (await marks.count()); index++) {
    const mark = marks.nth(index);
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const label = await mark.getAttribute('aria-label');
    const reached = (await mark.getAttribute('aria-current')) === 'true' || (await details.getByRole('button', { name: label, exact: true }).count()) === 1;
    if (reached) tapped++;
    else missed.push(label);
  }
  expectEqual('phone: year wheel marks reached by a tap where they are drawn', missed, []);
  if (tapped === 0) problems.push('phone: no year wheel mark was tapped');
}

try {
  for (const theme of ['default', 'dark', 'contrast']) {
    const page = await browser.newPage(phone);
    await page.goto(`${app}/tab/?theme=${theme}&lang=nb#/overview`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-postadresse').waitFor({ timeout: 20000 });
    await audit(page, `phone-signin-${theme}`);
    await signIn(page, theme);
    await page.getByRole('navigation', { name: 'Sider' }).waitFor({ timeout: 20000 });
    for (const [route, name, ready] of pages(page)) {
      await page.goto(`${app}/tab/?theme=${theme}&lang=nb${route}`, { waitUntil: 'networkidle' });
      await ready().waitFor({ timeout: 20000 });
      await audit(page, `phone-${name}-${theme}`);
      if (theme === 'default' && name === 'overview') await checkHeatMapScrolls(page);
      if (theme === 'default' && name === 'yearwheel') {
        await checkYearWheelItems(page);
        await checkWidth(page, 'phone-yearwheel-opened');
      }
    }
    await page.close();
  }

  for (const theme of ['default', 'dark', 'contrast']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, theme);
    const heatMap = page.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' });
    await heatMap.waitFor({ timeout: 20000 });
    const rows = await heatMap.getByRole('row').count();
    if (rows !== 13) problems.push(`overview-${theme}: ${rows - 1} unit rows, expected the demo's 12`);
    // The run command seeds ten weeks of demo check-ins, most of them held.
    const held = await heatMap.locator('[data-status="held"]').count();
    if (held < 30) problems.push(`overview-${theme}: ${held} held meetings shown, expected the demo's recent history`);
    const themed = await page.locator('[data-theme]').first().getAttribute('data-theme');
    if (themed !== theme) problems.push(`overview-${theme}: data-theme is ${themed}`);
    await audit(page, `overview-${theme}`);
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app}/tab/?theme=default&lang=nb#/overview`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-postadresse').waitFor({ timeout: 20000 });
  await checkWidth(page, 'signin');
  await signIn(page, 'default');
  await page.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' }).waitFor({ timeout: 20000 });
  await checkFigures(page);
  await checkBoard(page);
  for (const [route, name, ready] of pages(page).slice(1)) {
    await page.goto(`${app}/tab/?theme=default&lang=nb${route}`, { waitUntil: 'networkidle' });
    await ready().waitFor({ timeout: 20000 });
    await audit(page, name);
  }
  await checkPrivacyPage(page);
  await page.close();

  // Last, because it adds units: every check above counts the demo's twelve.
  for (const theme of ['default', 'dark', 'contrast']) {
    const forms = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(forms, theme);
    await forms.getByRole('navigation', { name: 'Sider' }).waitFor({ timeout: 20000 });
    await checkOrganisationForms(forms, theme);
    await forms.close();
  }
} catch (error) {
  problems.push(`tab: ${error.message}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('tab: every page rendered in three themes without accessibility violations');
