// What the content script costs on an endless X timeline (capture-common.mjs has the method
// and the figures): the saved X home page served as https://x.com/home, and 1,000 posts built
// by copying its posts with fresh status ids, each in a cell as X's timeline has them.
import { join } from 'node:path';
import { ROOT, runCaptureBench } from './capture-common.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/x/control-panel-for-twitter/home-twitter-complete.html');

/**
 * Runs in the page: inserts the posts batch by batch, each after the last frame's work is done.
 * `keep`: as X does, only the newest `keep` posts stay in the page (the oldest cells go once a
 * batch is shown); 0 keeps every post. Buttons and ids are counted on each batch once shown.
 */
export async function insertTimeline({ posts, batch, BUTTON, MARKED, keep = 0 }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const templates = [...document.querySelectorAll('article[data-testid="tweet"]')]
    .map((a) => ({ article: a, id: /\/status\/(\d+)/.exec(a.querySelector('time')?.closest('a')?.getAttribute('href') ?? '')?.[1] }))
    .filter((t) => t.id);
  if (!templates.length) return { posts: 0, buttons: 0, ids: 0 }; // no post to copy: refused as a no-op
  const list = document.createElement('div');
  list.id = 'bench-timeline';
  (document.querySelector('main') ?? document.body).append(list);
  let buttons = 0;
  let inserted = 0;
  const ids = new Set();
  for (let n = 0; n < posts; n += batch) {
    const cells = document.createDocumentFragment();
    for (let i = n; i < n + batch; i++) {
      const { article, id } = templates[i % templates.length];
      const copy = article.cloneNode(true);
      copy.querySelectorAll(BUTTON).forEach((e) => e.remove());
      copy.removeAttribute('data-roundup-post');
      const fresh = String(9_000_000_000_000_000_000n + BigInt(i));
      for (const a of copy.querySelectorAll(`a[href*="/status/${id}"]`)) a.setAttribute('href', a.getAttribute('href').replace(id, fresh));
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      cell.append(copy);
      cells.append(cell);
    }
    const added = [...cells.children];
    list.append(cells);
    await frame(); // the content script handles the batch in this frame, and its buttons are laid out and painted with the posts…
    await frame(); // …and what the page or the script left for later runs in this one.
    for (const cell of added) {
      inserted += cell.querySelectorAll('article[data-testid="tweet"]').length;
      buttons += cell.querySelectorAll(BUTTON).length;
      for (const e of cell.querySelectorAll(MARKED)) ids.add(e.getAttribute('data-roundup-post'));
    }
    if (keep) while (list.querySelectorAll('article[data-testid="tweet"]').length > keep) list.firstElementChild.remove();
    // The next batch comes in a task of its own, as a site's code adds posts (a response, a
    // scroll event), not inside an animation frame's callback: from there the content
    // script's frame would be the next one, and each batch would be laid out twice.
    await new Promise((r) => setTimeout(r, 0));
  }
  return { posts: inserted, buttons, ids: ids.size };
}

export const X_BENCH = {
  site: 'x',
  pages: { '/home': FIXTURE },
  url: 'https://x.com/home',
  hostRules: (port) => `MAP x.com 127.0.0.1:${port}`,
  postSelector: 'article[data-testid="tweet"]',
  insertTimeline,
};

// Run as the bench (not when capture-floor.bench.mjs imports the timeline from here).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) await runCaptureBench(X_BENCH);
