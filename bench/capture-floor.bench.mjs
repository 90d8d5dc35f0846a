// The content script against the floor of its job, on an endless X timeline, in the same run.
// The floor is an extension that does only the least: for each post added to the page, find its
// action bar and append one cloned button — nothing else (written here, loaded like Roundup).
// Both are measured the same way (capture-common.mjs `measure`: their own script time from the
// trace, per 100 posts) in the two ways a timeline grows: as X does, only the newest 30 posts
// kept in the page, and every post kept. Target: Roundup ≤ 1.5× the floor in both. Layout and
// style time are reported for each, so work beyond the button shows.
//
// A run where either extension gave a button to fewer posts than were inserted reports
// nothing and exits non-zero: a bench of a no-op must not pass.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXServer } from '../scripts/x-server.mjs';
import { BUTTON, POSTS, measure } from './capture-common.mjs';
import { X_BENCH } from './capture-x.bench.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 3);
const FLOOR_BUTTON = '[data-floor-clip]';
const PATTERNS = [{ name: 'newest 30 kept', keep: 30 }, { name: 'every post kept', keep: 0 }];

/** The floor extension: one observer, one querySelector per added post, one cloned button. */
function floorExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Floor', version: '1.0',
    content_scripts: [{ matches: ['https://x.com/*'], js: ['floor.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'floor.js'), `
const button = document.createElement('button');
button.textContent = 'Clip post';
button.setAttribute('data-floor-clip', '');
const POST = 'article[data-testid="tweet"]';
const add = (post) => (post.querySelector('[role="group"]') ?? post).append(button.cloneNode(true));
for (const post of document.querySelectorAll(POST)) add(post);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    if (node.matches(POST)) add(node);
    else for (const post of node.querySelectorAll(POST)) add(post);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
`);
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const per100 = (ms) => Math.round((ms / (POSTS / 100)) * 100) / 100;

const floorDir = floorExtension();
const server = await startXServer({ pages: X_BENCH.pages });
const results = [];
let bad = '';
try {
  for (const { name, keep } of PATTERNS) {
    const runs = { roundup: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
      const common = { ...X_BENCH, port: server.port, keep };
      runs.floor.push(await measure({ ...common, button: FLOOR_BUTTON }, floorDir));
      runs.roundup.push(await measure({ ...common, button: BUTTON }, true));
    }
    for (const [who, rs] of Object.entries(runs)) {
      if (rs.some((r) => r.posts < POSTS || r.buttons < POSTS)) bad += `${who}, ${name}: buttons ${rs.map((r) => `${r.buttons}/${r.posts}`).join(', ')}; `;
    }
    results.push({ name, runs });
  }
} finally {
  await server.close();
  rmSync(floorDir, { recursive: true, force: true });
}

if (bad) {
  console.error(`bench/capture-floor: measured nothing worth reporting: ${bad}`);
  process.exitCode = 1;
} else {
  for (const { name, runs } of results) {
    const own = (rs) => per100(median(rs.map((r) => r.contentScriptMs)));
    const [roundup, floor] = [own(runs.roundup), own(runs.floor)];
    const of = (rs, k) => per100(median(rs.map((r) => r[k])));
    console.log(JSON.stringify({
      figure: 'capture-vs-floor', site: 'x', pattern: name, posts: POSTS, runs: RUNS,
      roundupScriptMsPer100: roundup, floorScriptMsPer100: floor, ratio: Math.round((roundup / floor) * 100) / 100, targetMax: 1.5,
      allRuns: { roundup: runs.roundup.map((r) => per100(r.contentScriptMs)), floor: runs.floor.map((r) => per100(r.contentScriptMs)) },
      layoutMsPer100: { roundup: of(runs.roundup, 'layoutMs'), floor: of(runs.floor, 'layoutMs') },
      styleMsPer100: { roundup: of(runs.roundup, 'styleMs'), floor: of(runs.floor, 'styleMs') },
    }));
  }
}
