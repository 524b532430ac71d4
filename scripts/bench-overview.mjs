// Times the Teams tab's Overview in headless Chromium against a running service that holds a large organisation:
// from navigation start to the heat map showing every unit's row, the overview API call's own share of that, the
// JS heap and the DOM size, on a fresh page each run. Writes the raw numbers as JSON; the caller (the LoadTest's
// `tab` mode, run by `scripts/benchmark.sh tab`) seeds the service, starts it and writes the report.
//   node scripts/bench-overview.mjs --url <service-url> --email <coordinator e-mail> --units <n> [--runs 10] --out <file.json>
//                                   [--profile <file.cpuprofile>]   (one more warm run under the CPU profiler, not timed)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const app = option('--url', 'http://127.0.0.1:3978');
const email = option('--email');
const units = Number(option('--units', '1000'));
const runs = Number(option('--runs', '10'));
const out = option('--out');
const profile = option('--profile');
if (!email || !out) {
  console.error('usage: node scripts/bench-overview.mjs --url <service-url> --email <e-mail> --units <n> [--runs 10] --out <file.json>');
  process.exit(2);
}

const root = new URL('../', import.meta.url).pathname;
const overviewUrl = `${app}/tab/?lang=nb#/overview`;
// The heat map's caption in Norwegian (nb.ts heatMapTitle): its accessible name, as the smoke test finds it.
const caption = 'Tavlemøter de siste 12 ukene';
const viewport = { width: 1280, height: 900 };
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** The built tab's files as the service serves them, with what gzip (zlib level 6, as `gzip -c`) makes of each. */
function bundle() {
  const dir = `${root}src/LeanTeamsApp/wwwroot/tab/assets/`;
  return readdirSync(dir)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(dir + file);
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});

const result = {
  chromium: browser.version(),
  url: overviewUrl,
  units,
  runs: [],
  bundle: bundle(),
  loadavg: { before: loadavg() },
};

try {
  // Sign in once through the development sign-in page, as a person would, and keep what the tab stored. Every timed
  // page starts with that session, so it goes straight to the Overview. This also warms the service (JIT, storage).
  const signIn = await browser.newContext({ viewport });
  const first = await signIn.newPage();
  await first.goto(overviewUrl, { waitUntil: 'networkidle' });
  await first.getByLabel('E-postadresse').fill(email);
  await first.getByRole('button', { name: 'Logg inn' }).click();
  await first.getByRole('table', { name: caption }).waitFor({ timeout: 300_000 });
  const session = await first.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
  await signIn.close();
  console.log(`bench-overview: signed in as ${email}; ${Object.keys(session).length} session entries kept`);

  // One context for all timed runs: its HTTP cache is empty for the first page (cold) and warm after it.
  const context = await browser.newContext({ viewport });
  await context.addInitScript(({ origin, session, caption, expected }) => {
    if (location.origin !== origin) return;
    for (const [key, value] of Object.entries(session)) sessionStorage.setItem(key, value);
    // The moment the heat map holds every unit's row (React commits it at once), and the end of the frame after.
    const bench = (window.__bench = { rowsAt: null, paintedAt: null });
    const observer = new MutationObserver(() => {
      for (const table of document.getElementsByTagName('table')) {
        if (table.caption?.textContent === caption && (table.tBodies[0]?.rows.length ?? 0) >= expected) {
          observer.disconnect();
          bench.rowsAt = performance.now();
          requestAnimationFrame(() => setTimeout(() => { bench.paintedAt = performance.now(); }, 0));
          return;
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, { origin: new URL(app).origin, session, caption, expected: units });

  for (let run = 0; run <= runs + (profile ? 1 : 0); run++) {
    const profiling = profile && run === runs + 1;
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const load = loadavg();
    await tab.goto(overviewUrl, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__bench?.paintedAt != null, null, { timeout: 300_000, polling: 250 });
    if (profiling) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(cpu));
      console.log(`bench-overview: CPU profile of a warm run written to ${profile}`);
      printTopFunctions(cpu);
      await tab.close();
      break;
    }

    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const seen = await tab.evaluate(() => {
      const pick = (e) => e && {
        name: e.name, start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd,
        transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
      };
      const resources = performance.getEntriesByType('resource');
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        rowsAt: window.__bench.rowsAt,
        paintedAt: window.__bench.paintedAt,
        navigation: { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
        overview: pick(resources.find((e) => new URL(e.name).pathname === '/api/tab/overview')),
        me: pick(resources.find((e) => new URL(e.name).pathname === '/api/tab/me')),
        scripts: resources.filter((e) => e.initiatorType === 'script' || /\.js$/.test(new URL(e.name).pathname)).map(pick),
        elements: document.getElementsByTagName('*').length,
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

    // What the reader would see, checked by role on the first and last page (slow on a DOM this size, so not timed).
    const check = run === 0 || run === runs ? await verify(tab) : null;
    await tab.close();

    const entry = {
      cold: run === 0,
      loadavg: load,
      rowsMs: seen.rowsAt,
      paintedMs: seen.paintedAt,
      navigation: seen.navigation,
      overview: seen.overview,
      me: seen.me,
      scripts: seen.scripts,
      scriptBytesTransferred: seen.scripts.reduce((sum, s) => sum + (s.transfer ?? 0), 0),
      scriptBytesDecoded: seen.scripts.reduce((sum, s) => sum + (s.decoded ?? 0), 0),
      elements: seen.elements,
      nodes: metrics.Nodes,
      heapUsed: metrics.JSHeapUsedSize,
      heapTotal: metrics.JSHeapTotalSize,
      heapUsedAfterGc: afterGc.JSHeapUsedSize,
      scriptSeconds: metrics.ScriptDuration,
      layoutSeconds: metrics.LayoutDuration,
      styleSeconds: metrics.RecalcStyleDuration,
      taskSeconds: metrics.TaskDuration,
      layouts: metrics.LayoutCount,
      styleRecalcs: metrics.RecalcStyleCount,
      check,
    };
    result.runs.push(entry);
    const o = entry.overview;
    console.log(`bench-overview: run ${run}${entry.cold ? ' (cold)' : ''}: rows ${entry.rowsMs.toFixed(0)} ms, painted ${entry.paintedMs.toFixed(0)} ms; `
      + `overview API ${o ? `${o.start.toFixed(0)}-${o.end.toFixed(0)} ms (server ${(o.responseStart - o.requestStart).toFixed(0)} ms, ${(o.decoded / 1024).toFixed(0)} KB)` : 'not seen'}; `
      + `heap ${(entry.heapUsed / 1048576).toFixed(1)} MB (${(entry.heapUsedAfterGc / 1048576).toFixed(1)} after GC); ${entry.elements} elements; `
      + `script ${(entry.scriptSeconds * 1000).toFixed(0)} ms, style ${(entry.styleSeconds * 1000).toFixed(0)} ms, layout ${(entry.layoutSeconds * 1000).toFixed(0)} ms; load ${load.join(' ')}`);
    if (check) console.log(`bench-overview: check: ${JSON.stringify(check)}`);
  }
} finally {
  await browser.close();
}

result.loadavg.after = loadavg();
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`bench-overview: wrote ${out}`);

async function verify(tab) {
  const heatMap = tab.getByRole('table', { name: caption });
  const rows = await heatMap.getByRole('row').count();
  const statuses = await heatMap.evaluate((table) => {
    const counts = {};
    for (const cell of table.querySelectorAll('td[data-status]')) counts[cell.dataset.status] = (counts[cell.dataset.status] ?? 0) + 1;
    return counts;
  });
  const charts = await tab.getByRole('figure').count();
  const problems = [];
  if (rows !== units + 1) problems.push(`${rows - 1} unit rows, expected ${units}`);
  if ((statuses.held ?? 0) === 0) problems.push('no held meeting shown');
  if (charts === 0) problems.push('no benefits chart');
  if (problems.length > 0) throw new Error(`the Overview is not what was seeded: ${problems.join('; ')}`);
  return { unitRows: rows - 1, statuses, benefitCharts: charts };
}

/** Self time by function in a CPU profile, the top 15: where a slow render spends its time. */
function printTopFunctions(cpu) {
  const self = new Map();
  const interval = (cpu.endTime - cpu.startTime) / cpu.samples.length / 1000;
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  for (const id of cpu.samples) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + interval);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`bench-overview: profile: ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}
