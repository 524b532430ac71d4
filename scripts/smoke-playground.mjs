// Drives the Microsoft 365 Agents Playground's own web UI in headless Chromium against the running bot, the way a
// developer would try it: a personal chat (help, whoami, units) and posts in a unit's channel (register unit, then a
// card button: the Lean coordinator starts one of the unit's improvements, as she may on the tab's board too).
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

  // The coordinator presses "Start" on the unit's improvement: it moves, and the card says so. Adding and moving
  // improvements is one permission in chat and in the tab's board, where she helps boards run.
  await post('improvements', 'Open improvements');
  await page.getByRole('button', { name: 'Start' }).first().click();
  const moved = 'is now: In progress.';
  await page.getByText(moved, { exact: false }).last().waitFor({ timeout: 20000 });
  console.log(`playground: the coordinator's "Start" on Byggesak's improvement -> "${moved}"`);
  await page.screenshot({ path: `${artifacts}playground-moved.png`, fullPage: true });
} catch (error) {
  failed = true;
  console.error(`playground: ${error.message}`);
  await page.screenshot({ path: `${artifacts}playground-failure.png`, fullPage: true });
  console.error(`playground: screenshot of the failure in ${artifacts}playground-failure.png`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
