// Times the Teams tab's Overview in headless Chromium against a running service that holds a large organisation:
// from navigation start to the heat map showing its first screen of rows (it renders only the rows near the screen
// and says how many it has), the overview API call's own share of that, the JS heap and the DOM size, on a fresh
// page each run. Writes the raw numbers as JSON; the caller (the LoadTest's
// `tab` mode, run by `scripts/benchmark.sh tab`) seeds the service, starts it and writes the report.
//   node scripts/bench-overview.mjs --url <service-url> --email <coordinator e-mail> --units <n> [--runs 10] --out <file.json>
//                                   [--profile <file.cpuprofile>] [--trace <file.json>]
//                                   (one more warm page each under the JS profiler / Chromium's tracing, not timed)
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
const trace = option('--trace');
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
    // The moment the heat map says it has every unit's row (aria-rowcount, the header row included) and holds the
    // first unit's row with all its cells (React commits the rows it renders at once), and the end of the frame after.
    // Then, with the page laid out and not timed, what that frame showed: the rows rendered must fill the screen
    // below the table's top, each with all its cells.
    const bench = (window.__bench = { rowsAt: null, paintedAt: null, screen: null });
    const unitRows = (table) => [...table.tBodies[0].rows].filter((row) => row.hasAttribute('aria-rowindex'));
    const screenOf = (table) => {
      const columns = table.tHead.rows[0].cells.length;
      const rows = unitRows(table);
      const onScreen = rows.filter((row) => row.getBoundingClientRect().top < innerHeight);
      const last = rows.at(-1);
      const lastIndex = Number(last.getAttribute('aria-rowindex'));
      const indexes = rows.map((row) => Number(row.getAttribute('aria-rowindex')));
      return {
        rendered: rows.length,
        onScreen: onScreen.length,
        firstIndex: indexes[0],
        lastIndex,
        consecutive: indexes.every((index, i) => index === indexes[0] + i),
        allCells: onScreen.every((row) => row.cells.length === columns),
        filled: last.getBoundingClientRect().bottom >= innerHeight || lastIndex === expected + 1,
      };
    };
    const observer = new MutationObserver(() => {
      for (const table of document.getElementsByTagName('table')) {
        if (table.caption?.textContent !== caption || table.getAttribute('aria-rowcount') !== String(expected + 1)) continue;
        const first = table.tBodies[0]?.querySelector(':scope > tr[aria-rowindex="2"]');
        if (!first || first.cells.length !== table.tHead?.rows[0]?.cells.length) continue;
        observer.disconnect();
        bench.rowsAt = performance.now();
        requestAnimationFrame(() => setTimeout(() => {
          bench.paintedAt = performance.now();
          bench.screen = screenOf(table);
        }, 0));
        return;
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, { origin: new URL(app).origin, session, caption, expected: units });

  for (let run = 0; run <= runs; run++) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const load = loadavg();
    const seen = await open(tab);
    const metrics = await counters(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await counters(cdp);
    // What the reader would see, checked by role on the first and last page (it scrolls the page, so not timed).
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
      elements: seen.elements,
      screen: seen.screen,
      nodes: metrics.Nodes,
      heapUsed: metrics.JSHeapUsedSize,
      heapTotal: metrics.JSHeapTotalSize,
      heapUsedAfterGc: afterGc.JSHeapUsedSize,
      scriptSeconds: metrics.ScriptDuration,
      layoutSeconds: metrics.LayoutDuration,
      styleSeconds: metrics.RecalcStyleDuration,
      taskSeconds: metrics.TaskDuration,
      check,
    };
    result.runs.push(entry);
    const o = entry.overview;
    console.log(`bench-overview: run ${run}${entry.cold ? ' (cold)' : ''}: rendered ${entry.rowsMs.toFixed(0)} ms, painted ${entry.paintedMs.toFixed(0)} ms; `
      + `overview API ${o.start.toFixed(0)}-${o.end.toFixed(0)} ms (waiting ${(o.responseStart - o.requestStart).toFixed(0)} ms, ${(o.decoded / 1024).toFixed(0)} KB); `
      + `heap ${(entry.heapUsed / 1048576).toFixed(1)} MB (${(entry.heapUsedAfterGc / 1048576).toFixed(1)} after GC); ${entry.elements} elements; `
      + `${entry.screen.rendered} unit rows rendered, ${entry.screen.onScreen} on the screen; `
      + `script ${(entry.scriptSeconds * 1000).toFixed(0)} ms, style ${(entry.styleSeconds * 1000).toFixed(0)} ms, layout ${(entry.layoutSeconds * 1000).toFixed(0)} ms; load ${load.join(' ')}`);
    if (check) console.log(`bench-overview: check: ${JSON.stringify(check)}`);
  }

  // Two more warm pages, not timed: one under the JS sampling profiler, one under Chromium's tracing, to say where
  // the time goes. Each adds overhead of its own, so neither is among the runs above.
  if (profile) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await open(tab);
    const { profile: cpu } = await cdp.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(cpu));
    console.log(`bench-overview: CPU profile of a warm page written to ${profile}`);
    printTopFunctions(cpu);
    await tab.close();
  }

  if (trace) {
    const tab = await context.newPage();
    await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
    const seen = await open(tab);
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    await tab.close();
    writeFileSync(trace, JSON.stringify({ traceEvents: events }));
    result.trace = mainThreadWork(events, [
      ['navigation start to overview request', 0, seen.overview.requestStart],
      ['overview request to response end', seen.overview.requestStart, seen.overview.end],
      ['response end to rendered', seen.overview.end, seen.rowsAt],
      ['rendered to painted', seen.rowsAt, seen.paintedAt],
    ]);
    console.log(`bench-overview: trace of a warm page written to ${trace} (open it in Chrome DevTools' Performance panel)`);
    for (const phase of result.trace) {
      console.log(`bench-overview: trace: ${phase.name} (${(phase.to - phase.from).toFixed(0)} ms): `
        + Object.entries(phase.groups).map(([g, ms]) => `${g} ${ms.toFixed(0)}`).join(', ')
        + `; top: ${phase.top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
    }
  }
} finally {
  await browser.close();
}

result.loadavg.after = loadavg();
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`bench-overview: wrote ${out}`);

/**
 * Opens the Overview in a fresh page and waits for the frame after the heat map holds its first rows; the page's
 * timings. Fails when the rows that frame showed did not fill the screen, each with its cells, from the first unit on.
 */
async function open(tab) {
  await tab.goto(overviewUrl, { waitUntil: 'commit' });
  await tab.waitForFunction(() => window.__bench?.screen != null, null, { timeout: 300_000, polling: 250 });
  const seen = await tab.evaluate(() => {
    const pick = (e) => e && {
      name: e.name, start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd,
      transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    };
    const resources = performance.getEntriesByType('resource');
    const nav = performance.getEntriesByType('navigation')[0];
    const api = (path) => resources.find((e) => new URL(e.name).pathname === path);
    return {
      rowsAt: window.__bench.rowsAt,
      paintedAt: window.__bench.paintedAt,
      screen: window.__bench.screen,
      navigation: { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
      overview: pick(api('/api/tab/overview')),
      me: pick(api('/api/tab/me')),
      scripts: resources.filter((e) => /\.js$/.test(new URL(e.name).pathname)).map(pick),
      elements: document.getElementsByTagName('*').length,
    };
  });
  const screen = seen.screen;
  if (!screen.filled || !screen.allCells || !screen.consecutive || screen.firstIndex !== 2) {
    throw new Error(`the heat map's first frame did not show its first screen of rows: ${JSON.stringify(screen)}`);
  }
  return seen;
}

async function counters(cdp) {
  return Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

/**
 * The heat map renders only the rows near the screen: the units are counted from what it says it has (aria-rowcount,
 * the header row included, as a screen reader counts them), the cells over the rows it has rendered, and the last
 * unit's row must be there with its cells once the table is scrolled to its end.
 */
async function verify(tab) {
  const heatMap = tab.getByRole('table', { name: caption });
  const unitRows = Number(await heatMap.getAttribute('aria-rowcount')) - 1;
  // Rows by role: the spacers standing in for the rows not rendered are hidden from assistive technology.
  const renderedRows = (await heatMap.getByRole('row').count()) - 1;
  const statuses = await heatMap.evaluate((table) => {
    const counts = {};
    for (const cell of table.querySelectorAll('td[data-status]')) counts[cell.dataset.status] = (counts[cell.dataset.status] ?? 0) + 1;
    return counts;
  });
  const charts = await tab.getByRole('figure').count();
  const columns = await heatMap.getByRole('columnheader').count();
  await heatMap.evaluate((table) => table.scrollIntoView({ block: 'end' }));
  const last = heatMap.locator(`tbody > tr[aria-rowindex="${units + 1}"]`);
  await last.waitFor({ timeout: 30_000 });
  const lastCells = await last.getByRole('cell').count();
  const lastName = await last.getByRole('rowheader').textContent();
  const problems = [];
  if (unitRows !== units) problems.push(`aria-rowcount says ${unitRows} unit rows, expected ${units}`);
  if (renderedRows < 1 || renderedRows > units) problems.push(`${renderedRows} unit rows rendered`);
  if (lastCells !== columns - 1) problems.push(`the last unit's row has ${lastCells} cells, expected ${columns - 1}`);
  if ((statuses.held ?? 0) === 0) problems.push('no held meeting shown');
  if (charts === 0) problems.push('no benefits chart');
  if (problems.length > 0) throw new Error(`the Overview is not what was seeded: ${problems.join('; ')}`);
  return { unitRows, renderedRows, lastRowIndex: units + 1, lastRowName: lastName, statuses, benefitCharts: charts };
}

/**
 * The page's main-thread work in each phase (given in ms since navigation start), from a Chromium trace: each trace
 * event's self time (its duration less its children's), counted in the phase where the event starts, grouped.
 */
function mainThreadWork(events, phases) {
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.includes('/tab/')).at(-1);
  const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid;
  // Complete events, with begin/end pairs made into complete events.
  const spans = [];
  const open = [];
  for (const e of events.filter(onMain).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, dur: e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) spans.push({ name: begin.name, ts: begin.ts, dur: e.ts - begin.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const span of spans) {
    span.self = span.dur;
    while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= span.ts) stack.pop();
    if (stack.length > 0) stack.at(-1).self -= Math.min(span.dur, stack.at(-1).ts + stack.at(-1).dur - span.ts);
    stack.push(span);
  }
  const group = (name) =>
    /GC|Sweep|Mark|Scavenge/.test(name) ? 'GC'
    : /^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|CompileScript|CompileCode|CacheScript|v8\.|V8\.)/.test(name) ? 'script'
    : name === 'ParseHTML' ? 'HTML'
    : /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/.test(name) ? 'style'
    : /^(Layout|UpdateLayout)/.test(name) ? 'layout'
    : /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|RasterTask|Decode|IntersectionObserverController|UpdateLifecycle)/.test(name) ? 'paint'
    : 'other';
  return phases.map(([name, from, to]) => {
    const inPhase = spans.filter((s) => s.self > 0 && (s.ts - nav.ts) / 1000 >= from && (s.ts - nav.ts) / 1000 < to);
    const sum = (pairs) => Object.fromEntries([...pairs.reduce((m, [k, v]) => m.set(k, (m.get(k) ?? 0) + v), new Map())].sort((a, b) => b[1] - a[1]));
    const groups = sum(inPhase.map((s) => [group(s.name), s.self / 1000]));
    const top = Object.entries(sum(inPhase.map((s) => [s.name, s.self / 1000]))).slice(0, 8);
    return { name, from, to, groups, top };
  });
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
