// Drives the Microsoft 365 Agents Playground's own web UI in headless Chromium against the running bot, the way a
// developer would try it: a personal chat (help, whoami, units) and posts in a unit's channel (register unit, then a
// card button the coordinator may not press: the improvements of a unit are its own staff's to move).
// Used by `scripts/run.sh --smoke`; screenshots go to .local/artifacts/ for a person to look at.
//   node scripts/smoke-playground.mjs <playground-url>
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:56150';
const artifacts = new URL('../.local/artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // This machine's network is closed: background fetches would only fail, many at a time.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
try {
  await page.goto(url, { waitUntil: 'networkidle' });

  async function say(text, expected, { editor = page.getByRole('textbox').first(), send = 'Send Message' } = {}) {
    await editor.click();
    await editor.fill(text);
    await page.getByRole('button', { name: send }).click();
    await page.getByText(expected, { exact: false }).last().waitFor({ timeout: 20000 });
    console.log(`playground: "${text}" -> "${expected}"`);
  }

  await say('help', 'What LeanTeamsApp can help with');
  await say('whoami', 'Lean coordinator');
  await say('units', 'Units in Fjordvik kommune (12)');
  await page.screenshot({ path: `${artifacts}playground-personal.png`, fullPage: true });

  // As in Teams, a channel post reaches the bot only when it @mentions the bot: pick it from the mention menu.
  await page.getByText('Byggesak', { exact: true }).first().click();
  async function post(text, expected) {
    const box = page.getByRole('textbox').first();
    await box.click();
    await box.pressSequentially('@Lean', { delay: 30 });
    await page.getByRole('menuitem', { name: 'LeanTeamsApp' }).click();
    await box.pressSequentially(` ${text}`, { delay: 10 });
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText(expected, { exact: false }).last().waitFor({ timeout: 20000 });
    console.log(`playground: "@LeanTeamsApp ${text}" -> "${expected}"`);
  }

  await post('register unit Byggesak', 'now belongs to Byggesak');
  await page.screenshot({ path: `${artifacts}playground-channel.png`, fullPage: true });

  // The coordinator presses "Start" on the unit's improvement: refused, the card stays as it was, and it says who may.
  await post('improvements', 'Open improvements');
  await page.getByRole('button', { name: 'Start' }).first().click();
  const refusal = 'You are not allowed to change improvements and deviations of Byggesak.';
  await page.getByText(refusal, { exact: false }).last().waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'Start' }).first().waitFor({ timeout: 5000 });
  console.log(`playground: the coordinator's "Start" on Byggesak's improvement -> "${refusal}"`);
  await page.screenshot({ path: `${artifacts}playground-refused.png`, fullPage: true });
} catch (error) {
  failed = true;
  console.error(`playground: ${error.message}`);
  await page.screenshot({ path: `${artifacts}playground-failure.png`, fullPage: true });
  console.error(`playground: screenshot of the failure in ${artifacts}playground-failure.png`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
