// What the content script costs on an endless X timeline, in real Chromium: 1,000 posts
// inserted in batches of 20 (as infinite scroll does), built by copying the saved home page's
// posts with fresh ids, once with the extension and once without. Figures (one JSON line each):
//   main-thread time added per 100 posts (target ≤ 2 ms) and its ratio to the page's own time;
//   the content script's own script time per 100 posts, summed from the trace;
//   forced layouts whose stack is in the content script (target 0);
//   JS heap and DOM nodes retained after the posts are removed, against the page's baseline.
// Each configuration runs RUNS times in a fresh browser; medians are reported with every run.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXServer } from '../scripts/x-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/x/control-panel-for-twitter/home-twitter-complete.html');
const EXT = join(process.env.BENCH_DIST || join(ROOT, 'dist'), 'chrome');
const POSTS = 1000;
const BATCH = 20;
const RUNS = Number(process.env.BENCH_RUNS || 3);

async function launch(port, withExtension) {
  const profile = mkdtempSync(join(tmpdir(), 'roundup-bench-'));
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync',
    `--host-resolver-rules=MAP x.com 127.0.0.1:${port}`, '--ignore-certificate-errors'];
  if (withExtension) args.push(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args,
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Runs in the page: inserts the posts batch by batch, each after the last frame's work is done. */
async function insertTimeline({ posts, batch }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const templates = [...document.querySelectorAll('article[data-testid="tweet"]')]
    .map((a) => ({ article: a, id: /\/status\/(\d+)/.exec(a.querySelector('time')?.closest('a')?.getAttribute('href') ?? '')?.[1] }))
    .filter((t) => t.id);
  const list = document.createElement('div');
  list.id = 'bench-timeline';
  (document.querySelector('main') ?? document.body).append(list);
  for (let n = 0; n < posts; n += batch) {
    const cells = document.createDocumentFragment();
    for (let i = n; i < n + batch; i++) {
      const { article, id } = templates[i % templates.length];
      const copy = article.cloneNode(true);
      copy.querySelectorAll('[data-roundup-clip]').forEach((e) => e.remove());
      copy.removeAttribute('data-roundup-post');
      const fresh = String(9_000_000_000_000_000_000n + BigInt(i));
      for (const a of copy.querySelectorAll(`a[href*="/status/${id}"]`)) a.setAttribute('href', a.getAttribute('href').replace(id, fresh));
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      cell.append(copy);
      cells.append(cell);
    }
    list.append(cells);
    await frame(); // the content script handles the batch in this frame…
    await frame(); // …and its buttons are laid out and painted in this one
  }
  return list.querySelectorAll('[data-roundup-clip]').length;
}

const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? 0;

async function measure(port, withExtension) {
  const { context, close } = await launch(port, withExtension);
  try {
    if (withExtension) context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const page = await context.newPage();
    await page.goto('https://x.com/home');
    // The content script has decorated the saved posts (or, without it, the page has settled).
    if (withExtension) await page.waitForSelector('[data-roundup-clip]', { state: 'attached', timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const before = await cdp.send('Performance.getMetrics');

    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    const buttons = await page.evaluate(insertTimeline, { posts: POSTS, batch: BATCH });
    await cdp.send('Tracing.end');
    await traced;
    const after = await cdp.send('Performance.getMetrics');

    await page.evaluate(() => document.getElementById('bench-timeline')?.remove());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfter = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const nodesAfter = metric(await cdp.send('Performance.getMetrics'), 'Nodes');

    // The content script's own script time, read from the trace: every top-level call into it
    // (its mutation observer, animation-frame and event callbacks). Far steadier than the
    // difference of two whole-page totals.
    const ownCalls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && /^chrome-extension:/.test(e.args?.data?.url ?? ''));
    const contentScriptMs = ownCalls.reduce((sum, e) => sum + e.dur, 0) / 1000;
    const forced = events.filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace?.length);
    const ours = forced.filter((e) => e.args.beginData.stackTrace.some((f) => /^chrome-extension:/.test(f.url)));
    const delta = (name) => (metric(after, name) - metric(before, name)) * 1000;
    return {
      buttons, contentScriptMs, contentScriptCalls: ownCalls.length,
      taskMs: delta('TaskDuration'), scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration'), styleMs: delta('RecalcStyleDuration'),
      forcedLayouts: forced.length, forcedLayoutsByContentScript: ours.length,
      heapRetainedBytes: heapAfter - heapBefore, nodesBefore: metric(before, 'Nodes'), nodesAfter,
    };
  } finally {
    await close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const server = await startXServer({ pages: { '/home': FIXTURE } });
try {
  const runs = { with: [], without: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.without.push(await measure(server.port, false));
    runs.with.push(await measure(server.port, true));
  }
  if (runs.with.some((r) => r.buttons < POSTS)) throw new Error(`the content script decorated only ${runs.with.map((r) => r.buttons)} of ${POSTS} posts`);
  const per100 = (k) => ({
    with: round(median(runs.with.map((r) => r[k])) / (POSTS / 100)),
    without: round(median(runs.without.map((r) => r[k])) / (POSTS / 100)),
  });
  const task = per100('taskMs');
  const common = { figure: 'capture', posts: POSTS, batch: BATCH, runs: RUNS };
  const added = round(task.with - task.without);
  console.log(JSON.stringify({ ...common, measure: 'main-thread ms added per 100 posts', value: added, targetMax: 2,
    withExtension: task.with, pageOwn: task.without, allRunsTaskMs: { with: runs.with.map((r) => round(r.taskMs)), without: runs.without.map((r) => round(r.taskMs)) } }));
  console.log(JSON.stringify({ ...common, measure: 'added main-thread time / page\'s own', value: round(added / task.without, 3) }));
  const own = runs.with.map((r) => r.contentScriptMs);
  console.log(JSON.stringify({ ...common, measure: 'content script\'s own script ms per 100 posts (trace)', value: round(median(own) / (POSTS / 100)), targetMax: 2,
    allRuns: own.map((x) => round(x / (POSTS / 100))), calls: runs.with.map((r) => r.contentScriptCalls) }));
  for (const k of ['scriptMs', 'layoutMs', 'styleMs']) {
    const v = per100(k);
    console.log(JSON.stringify({ ...common, measure: `${k.replace('Ms', '')} ms per 100 posts`, withExtension: v.with, pageOwn: v.without, added: round(v.with - v.without) }));
  }
  console.log(JSON.stringify({ ...common, measure: 'forced layouts by the content script', value: Math.max(...runs.with.map((r) => r.forcedLayoutsByContentScript)), targetMax: 0,
    forcedLayoutsAll: { with: runs.with.map((r) => r.forcedLayouts), without: runs.without.map((r) => r.forcedLayouts) } }));
  const heap = (rs) => median(rs.map((r) => r.heapRetainedBytes));
  console.log(JSON.stringify({ ...common, measure: 'JS heap retained after the posts are removed (bytes, vs. before they were added)',
    withExtension: heap(runs.with), pageOwn: heap(runs.without), added: heap(runs.with) - heap(runs.without),
    allRuns: { with: runs.with.map((r) => r.heapRetainedBytes), without: runs.without.map((r) => r.heapRetainedBytes) } }));
  console.log(JSON.stringify({ ...common, measure: 'DOM nodes after removal vs. before', withExtension: runs.with.map((r) => [r.nodesBefore, r.nodesAfter]), pageOwn: runs.without.map((r) => [r.nodesBefore, r.nodesAfter]) }));
} finally {
  await server.close();
}
