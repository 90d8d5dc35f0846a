// The reference roundup of /work/shared/seed-roundup.md ("Healthcare Social Media #hcsm")
// as Roundup data: its words copied as they are, and in its four `[post N]` places, posts
// captured by `capturePosts` from the saved real x.com pages in tests/fixtures/x/ (the
// original tweets are lost). Picked so the goldens cover every kind of post content:
//   1. mention, t.co link and a photo (German; profile timeline);
//   2. two mentions and a quoted post with a video, shown without its own link (home timeline);
//   3. link, two hashtags, emoji, Japanese, line breaks (photo viewer of an edited post);
//   4. a photo, and a quoted post with its own link, photo and a literal `*total*`.
// None of the saved pages has a photo with written alt text (X labels those "Image", which
// capture drops), so the alt text of photos is covered by export-fixtures.ts instead.
// capturedAt is pinned by the capture's clock, so the goldens do not change from run to run.
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { capturePosts } from '../../src/capture';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';
import { loadFixture } from '../unit/helpers/capture-fixture';
import { SEED_TEXT } from './seed-text';

export { closeFixtures as closeSeedPages } from '../unit/helpers/capture-fixture';

const CAPTURED_AT = '2026-01-05T09:00:00.000Z';

/** Where each [post N] comes from: saved page, the URL it was saved at, the status id. */
const SOURCES: ReadonlyArray<[file: string, pageUrl: string, id: string]> = [
  ['control-panel-for-twitter/mario-zechner-twitter.html', 'https://x.com/badlogicgames', '1748869770659729499'],
  ['control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home', '1991606465300426936'],
  ['twittermediaharvest/edited-modal.html', 'https://x.com/seigura/status/1842037500065546723/photo/1', '1842037500065546723'],
  ['control-panel-for-twitter/mario-zechner-wow.html', 'https://x.com/badlogicgames/status/1991612272289161300', '1991612272289161300'],
];

function captured([file, pageUrl, id]: (typeof SOURCES)[number]): Post {
  const post = capturePosts(loadFixture(file, pageUrl), pageUrl, () => CAPTURED_AT).find((p) => p.id === `x:${id}`);
  if (!post) throw new Error(`${file} no longer yields post ${id}: capture changed, see tests/unit/capture-*`);
  return post;
}

export const SEED_POSTS: Post[] = SOURCES.map(captured);
const [P1, P2, P3, P4] = SEED_POSTS.map((p) => p.id) as [string, string, string, string];

export const SEED_ROUNDUP: Roundup = {
  id: 'seed-hcsm',
  title: SEED_TEXT.title,
  intro: SEED_TEXT.intro,
  closing: SEED_TEXT.closing,
  items: [P1, P2, P3, P4].map((postId, i) => ({ postId, ...SEED_TEXT.items[i]! })),
  createdAt: '2011-03-17T10:00:00.000Z',
  updatedAt: '2011-03-18T07:30:00.000Z',
};

export const SEED_SIGNATURE = SEED_TEXT.signature;

export const SEED_INPUT: ExportInput = {
  roundup: SEED_ROUNDUP,
  posts: Object.fromEntries(SEED_POSTS.map((p) => [p.id, p])),
  settings: { ...DEFAULT_EXPORT_SETTINGS, signature: SEED_SIGNATURE },
  exportedAt: '2011-03-18T08:00:00.000Z',
};
