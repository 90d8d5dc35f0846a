// What the content script costs on an endless feed, in real Chromium, shared by the per-site
// capture benches (capture-x.bench.mjs, capture-bluesky.bench.mjs). A site's bench gives the
// saved page to serve, the host it answers as, and a function that runs in the page and inserts
// POSTS posts in batches of BATCH (as infinite scroll does), built by copying the page's own
// posts with fresh ids. Each configuration — without the extension, then with it — runs RUNS
// times in a fresh browser; medians are reported with every run. Figures (one JSON line each,
// all with `figure: "capture"` and the `site`):
//   main-thread time added per 100 posts (target ≤ 2 ms) and its ratio to the page's own time;
//   the content script's own script time per 100 posts, summed from the trace;
//   script, layout and style time per 100 posts, with and without the extension;
//   forced layouts whose stack is in the content script (target 0);
//   JS heap and DOM nodes retained after the posts are removed, against the page's baseline.
//
// A bench that measures a no-op must not pass: if, with the extension, any inserted post has
// no "Clip post" button (or no id of its own), or the page's own posts were not all given one
// when the site asks for that, nothing is reported and the bench exits non-zero.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXServer } from '../scripts/x-server.mjs';

export const ROOT = new URL('..', import.meta.url).pathname;
const EXT = join(process.env.BENCH_DIST || join(ROOT, 'dist'), 'chrome');
export const POSTS = 1000;
export const BATCH = 20;
const RUNS = Number(process.env.BENCH_RUNS || 3);

/** The attribute on each "Clip post" button (content/clip-button.ts) and on each offered post (content/attributes.ts). */
export const BUTTON = '[data-roundup-clip]';
export const MARKED = '[data-roundup-post]';

/** `withExtension`: true for Roundup's build, a directory for another extension (the floor), false for none. */
async function launch(hostRules, withExtension) {
  const profile = mkdtempSync(join(tmpdir(), 'roundup-bench-'));
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync',
    `--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'];
  const ext = withExtension === true ? EXT : withExtension;
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args,
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? 0;

/**
 * One run. `insertTimeline({ posts, batch, BUTTON, MARKED })` runs in the page and gives back
 * `{ posts, buttons, ids }`: the post elements it inserted, the buttons in them, and how many
 * distinct post ids the content script gave them.
 */
export async function measure({ port, url, hostRules, postSelector, insertTimeline, keep = 0, button = BUTTON }, withExtension) {
  const { context, close } = await launch(hostRules(port), withExtension);
  try {
    // Roundup's background (the floor has none) answers the content script's first questions.
    if (withExtension === true) context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const page = await context.newPage();
    await page.goto(url);
    // The content script has decorated the saved posts (or, without it, the page has settled).
    // A page where it decorates none is measured all the same, and refused below (noOpReason).
    if (withExtension) await page.waitForSelector(button, { state: 'attached', timeout: 20_000 }).catch(() => {});
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const initial = await page.evaluate(({ postSelector, BUTTON }) => ({
      posts: document.querySelectorAll(postSelector).length, buttons: document.querySelectorAll(BUTTON).length,
    }), { postSelector, BUTTON: button });
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
    const inserted = await page.evaluate(insertTimeline, { posts: POSTS, batch: BATCH, BUTTON: button, MARKED, keep });
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
      initial, posts: inserted.posts, buttons: inserted.buttons, ids: inserted.ids,
      contentScriptMs, contentScriptCalls: ownCalls.length,
      taskMs: delta('TaskDuration'), scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration'), styleMs: delta('RecalcStyleDuration'),
      forcedLayouts: forced.length, forcedLayoutsByContentScript: ours.length,
      heapRetainedBytes: heapAfter - heapBefore, nodesBefore: metric(before, 'Nodes'), nodesAfter,
    };
  } finally {
    await close();
  }
}

/**
 * Why the runs measured nothing worth reporting, or null when they are sound: every run
 * inserted POSTS posts; with the extension, each got a button and an id of its own (and, when
 * `everyInitialPost`, so did every post the page showed when it loaded); without it, none did.
 */
export function noOpReason(runs, { everyInitialPost }) {
  const problems = [];
  const all = (rs, f) => rs.map(f).join(', ');
  if ([...runs.with, ...runs.without].some((r) => r.posts < POSTS)) {
    problems.push(`inserted only ${all([...runs.without, ...runs.with], (r) => r.posts)} of ${POSTS} posts (runs without, then with, the extension)`);
  }
  if (runs.with.some((r) => r.buttons < POSTS)) problems.push(`the content script gave a button to only ${all(runs.with, (r) => r.buttons)} of ${POSTS} inserted posts`);
  if (runs.with.some((r) => r.ids < POSTS)) problems.push(`the inserted posts had only ${all(runs.with, (r) => r.ids)} distinct post ids, not ${POSTS}`);
  if (everyInitialPost && runs.with.some((r) => r.initial.buttons < r.initial.posts || !r.initial.posts)) {
    problems.push(`of the page's own posts, only ${all(runs.with, (r) => `${r.initial.buttons}/${r.initial.posts}`)} got a button`);
  }
  if (runs.without.some((r) => r.buttons || r.initial.buttons)) problems.push('buttons were found without the extension');
  return problems.length ? problems.join('; ') : null;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function report(site, runs) {
  const per100 = (k) => ({
    with: round(median(runs.with.map((r) => r[k])) / (POSTS / 100)),
    without: round(median(runs.without.map((r) => r[k])) / (POSTS / 100)),
  });
  const task = per100('taskMs');
  const common = { figure: 'capture', site, posts: POSTS, batch: BATCH, runs: RUNS };
  const added = round(task.with - task.without);
  console.log(JSON.stringify({ ...common, measure: 'main-thread ms added per 100 posts', value: added, targetMax: 2,
    withExtension: task.with, pageOwn: task.without, allRunsTaskMs: { with: runs.with.map((r) => round(r.taskMs)), without: runs.without.map((r) => round(r.taskMs)) } }));
  console.log(JSON.stringify({ ...common, measure: 'added main-thread time / page\'s own', value: round(added / task.without, 3) }));
  const own = runs.with.map((r) => r.contentScriptMs);
  console.log(JSON.stringify({ ...common, measure: 'content script\'s own script ms per 100 posts (trace)', value: round(median(own) / (POSTS / 100)), targetMax: 2,
    allRuns: own.map((x) => round(x / (POSTS / 100))), calls: runs.with.map((r) => r.contentScriptCalls), buttons: runs.with.map((r) => r.buttons) }));
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
}

/**
 * Runs one site's bench and prints its figures; exits non-zero, printing none, when the
 * content script did nothing to the inserted posts (`noOpReason`).
 * @param {{ site: string, pages: Record<string, string>, url: string, hostRules(port: number): string,
 *   postSelector: string, insertTimeline: Function, everyInitialPost?: boolean }} bench
 */
export async function runCaptureBench({ site, pages, url, hostRules, postSelector, insertTimeline, everyInitialPost = false }) {
  const server = await startXServer({ pages });
  const runs = { with: [], without: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      runs.without.push(await measure({ port: server.port, url, hostRules, postSelector, insertTimeline }, false));
      runs.with.push(await measure({ port: server.port, url, hostRules, postSelector, insertTimeline }, true));
    }
  } finally {
    await server.close();
  }
  const reason = noOpReason(runs, { everyInitialPost });
  if (reason) {
    console.error(`bench/capture (${site}): measured nothing worth reporting: ${reason}`);
    process.exitCode = 1;
    return;
  }
  report(site, runs);
}
