// Opens the built Teams tab against the running service in headless Chromium, the way a coordinator would outside
// Teams (development sign-in): every page renders from the service's API, in the default, dark and high-contrast
// themes, with no WCAG 2.1 A/AA violation found by axe-core. Screenshots go to .local/artifacts/tab/.
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

async function audit(page, name) {
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

async function signIn(page, theme) {
  await page.goto(`${app}/tab/?theme=${theme}&lang=nb#/overview`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-postadresse').fill('lean.koordinator@fjordvik.kommune.no');
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

try {
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
  await signIn(page, 'default');
  await page.getByRole('table', { name: 'Tavlemøter de siste 12 ukene' }).waitFor({ timeout: 20000 });
  for (const [route, name, ready] of [
    ['#/unit/byggesak', 'unit', () => page.getByRole('heading', { name: 'Byggesak' }).first()],
    ['#/yearwheel', 'yearwheel', () => page.getByRole('group', { name: /Årshjul \d{4}/ })],
    ['#/actionplan', 'actionplan', () => page.getByRole('heading', { name: /Handlingsplan/ }).first()],
    ['#/reports', 'reports', () => page.getByRole('heading', { name: /Rapport/ }).first()],
  ]) {
    await page.goto(`${app}/tab/?theme=default&lang=nb${route}`, { waitUntil: 'networkidle' });
    await ready().waitFor({ timeout: 20000 });
    await audit(page, name);
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
