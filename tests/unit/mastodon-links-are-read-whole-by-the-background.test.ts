// @vitest-environment happy-dom
// "Clip this post" on a link to a Mastodon status, on any page: the background asks the host's
// instance answer whether it runs Mastodon (once per host), reads the status from its public
// API and stores it whole (background/mastodon.ts). The status's HTML is read with a DOM:
// DOMParser where the background has one (Firefox; here happy-dom's), else Chrome's offscreen
// document (platform/offscreen.ts, src/offscreen), whose message handler and round trip are
// tested here as functions. The instance's answers are the real recorded ones
// (tests/fixtures/mastodon/SOURCES.md); only the 429's body is written here.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAnswer } from '../../src/background/bluesky';
import { clipFromMenu, MASTODON_STATUS_LINK_PATTERNS, menuNotice } from '../../src/background/context-menu';
import { createHandlers } from '../../src/background/handlers';
import { createMastodon } from '../../src/background/mastodon';
import { readStatus, SENSITIVE_MEDIA } from '../../src/capture/mastodon-api';
import { mastodonStatusLink } from '../../src/model/networks';
import { parsePost } from '../../src/model/parse-post';
import { OFFSCREEN_TARGET, type StatusReadAt } from '../../src/offscreen/protocol';
import { answerOffscreenMessage } from '../../src/offscreen/read-status';
import { ApiUnreachable } from '../../src/platform/api-fetch';
import { createOffscreenReader, type OffscreenDeps } from '../../src/platform/offscreen';
import { statusReader } from '../../src/platform/read-status';
import { createStores, openRoundupDb, type Db } from '../../src/store';

// context-menu.ts wires the browser's menus too; only its choice is tested here.
vi.mock('../../src/platform', () => ({ browser: {} }));

const F = 'tests/fixtures/mastodon/api/';
const text = (path: string) => readFileSync(F + path, 'utf8');
const json = (path: string): any => JSON.parse(text(path));
const T = '2026-11-29T12:00:00.000Z';

const KOCHER_ID = '109294719267373593';
const KOCHER_LINK = `https://mastodon.social/@austinkocher/${KOCHER_ID}`;
const GARGRON_ID = '103270115826048975';
const CW_ID = '117020586000687987';
const IMAGES_ID = '117020576664345360';
const HTML_404 = '<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>';

/**
 * The hosts as the tests need them. mastodon.social and a Mastodon 4.6 test server on
 * localhost:3000 answer from their recordings; `old` makes the test server one before 4.0
 * (no v2 instance answer); example.com answers every address with an HTML 404, blog.example
 * with an HTML page; down.example cannot be reached.
 */
function servers({ old = false } = {}) {
  const routes: Record<string, ApiAnswer> = {
    'https://mastodon.social/api/v2/instance': { status: 200, body: text('mastodonpy/instance-v2-mastodon-social.json') },
    [`https://mastodon.social/api/v1/statuses/${KOCHER_ID}`]: { status: 200, body: text(`rtoot/mastodon.social-status-${KOCHER_ID}.json`) },
    [`https://mastodon.social/api/v1/statuses/${GARGRON_ID}`]: { status: 200, body: text('docs/entities-Status-example.json') },
    'https://mastodon.social/api/v1/statuses/404': { status: 404, body: text('docs/methods-statuses-get-404.json') },
    'https://mastodon.social/api/v1/statuses/401': { status: 401, body: text('docs/methods-statuses-get-401.json') },
    'https://mastodon.social/api/v1/statuses/429': { status: 429, body: '{"error":"Too many requests"}', retryAfter: '120' },
    'http://localhost:3000/api/v1/instance': { status: 200, body: text('mastodonpy/instance-v1-localhost.json') },
    [`http://localhost:3000/api/v1/statuses/${CW_ID}`]: { status: 200, body: text('mastodonpy/status-content-warning.json') },
    [`http://localhost:3000/api/v1/statuses/${IMAGES_ID}`]: { status: 200, body: text('mastodonpy/status-two-images.json') },
    'http://localhost:3000/api/v1/statuses/0': { status: 404, body: text('mastodonpy/error-404.json') },
  };
  if (!old) routes['http://localhost:3000/api/v2/instance'] = { status: 200, body: text('mastodonpy/instance-v2-localhost.json') };
  const asked: string[] = [];
  const get = vi.fn(async (url: string): Promise<ApiAnswer> => {
    asked.push(url);
    const host = new URL(url).host;
    if (host === 'down.example') throw new ApiUnreachable('Failed to fetch');
    if (host === 'blog.example') return { status: 200, body: '<!doctype html><title>A blog</title><p>Hello' };
    return routes[url] ?? { status: 404, body: HTML_404 };
  });
  return { get, asked };
}

function mastodonApi(options: { old?: boolean } = {}) {
  const { get, asked } = servers(options);
  return { mastodon: createMastodon({ get, readStatusFromJson: statusReader(), now: () => T }), asked };
}

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function setUp(options: { old?: boolean } = {}) {
  const db = await openRoundupDb(`mastodon-${++n}-${Date.now()}`);
  open.push(db);
  const store = createStores(db);
  const { mastodon, asked } = mastodonApi(options);
  const handlers = createHandlers(store, () => {}, undefined, undefined, { mastodon });
  const stored = async (id: string) => (await store.loadRoundup((await store.currentRoundup()).id)).posts.find((p) => p.id === id);
  return { store, handlers, asked, stored };
}

describe('"Clip this post" on a link to a Mastodon status, on any page', () => {
  it('reads it whole from the instance and stores it: its words, links, card, author user@host, id mastodon:<address>', async () => {
    const { handlers, stored, asked } = await setUp();
    const reply = await handlers.clipLink({ url: KOCHER_LINK, pageUrl: 'https://news.example/today' }, {});
    expect(reply).toMatchObject({ added: true, postId: `mastodon:${KOCHER_LINK}` });
    const post = (await stored(reply.postId))!;
    expect(post).toMatchObject({
      id: `mastodon:${KOCHER_LINK}`,
      site: 'mastodon',
      url: KOCHER_LINK,
      instance: 'mastodon.social',
      pageUrl: 'https://news.example/today',
      capturedAt: T,
      createdAt: '2022-11-06T03:24:27.042Z',
      author: { name: 'Austin Kocher, PhD 🌎', handle: 'austinkocher@mastodon.social', profileUrl: 'https://mastodon.social/@austinkocher' },
      card: { url: 'https://github.com/mastodon/mastodon/releases/tag/v4.0.0rc1' },
    });
    expect(post.partial).toBeUndefined();
    expect(post.text).toMatch(/^Mastodon will update to 4\.0 soon!/);
    expect(post.segments).toContainEqual({ kind: 'mention', text: '@Gargron', href: 'https://mastodon.social/@Gargron' });
    expect(post.segments.some((s) => s.kind === 'hashtag')).toBe(true);
    expect(asked).toEqual(['https://mastodon.social/api/v2/instance', `https://mastodon.social/api/v1/statuses/${KOCHER_ID}`]);
    // Exactly what the pure reader gives for the same answer.
    const direct = readStatus(json(`rtoot/mastodon.social-status-${KOCHER_ID}.json`), {
      capturedAt: T, pageUrl: 'https://news.example/today', instance: 'mastodon.social', parse: (h) => new DOMParser().parseFromString(h, 'text/html'),
    });
    expect(direct.ok && direct.post).toEqual(post);
  });

  it('keeps a content warning, and the pictures with their alt text (a 4.6 test server, over http on this machine)', async () => {
    const { handlers, stored } = await setUp();
    const cw = await handlers.clipLink({ url: `http://localhost:3000/@mastodonpy_test/${CW_ID}`, pageUrl: 'https://news.example/' }, {});
    expect(await stored(cw.postId)).toMatchObject({
      id: `mastodon:http://localhost:3000/@mastodonpy_test/${CW_ID}`,
      contentWarning: 'Content warning',
      text: 'Toot!',
      author: { name: 'John Lennon', handle: 'mastodonpy_test' }, // a host with a port: the handle stays bare
      instance: 'localhost:3000',
    });
    // Its ActivityPub address (Mastodon 4.5+) names the same status.
    const images = await handlers.clipLink({ url: `http://localhost:3000/ap/users/117020565966271181/statuses/${IMAGES_ID}` }, {});
    const post = (await stored(images.postId))!;
    expect(post.id).toBe(`mastodon:http://localhost:3000/@mastodonpy_test/${IMAGES_ID}`);
    expect(post.contentWarning).toBe(SENSITIVE_MEDIA); // marked sensitive, with no words of warning
    expect(post.media.map((m) => [m.kind, m.alt])).toEqual([
      ['image', 'John Lennon doing a funny walk'],
      ['image', 'hololives #1 detective, watson ameliachan'],
    ]);
  });

  it('a second link on the same host asks the instance once; another host is asked its own', async () => {
    const { handlers, asked } = await setUp();
    await handlers.clipLink({ url: KOCHER_LINK }, {});
    await handlers.clipLink({ url: `https://mastodon.social/@Gargron/${GARGRON_ID}` }, {});
    await handlers.clipLink({ url: `http://localhost:3000/@mastodonpy_test/${CW_ID}` }, {});
    expect(asked).toEqual([
      'https://mastodon.social/api/v2/instance',
      `https://mastodon.social/api/v1/statuses/${KOCHER_ID}`,
      `https://mastodon.social/api/v1/statuses/${GARGRON_ID}`,
      'http://localhost:3000/api/v2/instance',
      `http://localhost:3000/api/v1/statuses/${CW_ID}`,
    ]);
  });

  it('two links clipped at once still check the instance once', async () => {
    const { mastodon, asked } = mastodonApi();
    const [a, b] = await Promise.all([
      mastodon.postOfLink(KOCHER_LINK, ''),
      mastodon.postOfLink(`https://mastodon.social/@Gargron/${GARGRON_ID}`, ''),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(asked.filter((u) => u.endsWith('/instance'))).toEqual(['https://mastodon.social/api/v2/instance']);
  });

  it('an instance from before Mastodon 4.0 (no v2 answer) is known by its v1 answer', async () => {
    const { handlers, asked, stored } = await setUp({ old: true });
    const reply = await handlers.clipLink({ url: `http://localhost:3000/@mastodonpy_test/${CW_ID}` }, {});
    expect(await stored(reply.postId)).toMatchObject({ contentWarning: 'Content warning' });
    expect(asked).toEqual(['http://localhost:3000/api/v2/instance', 'http://localhost:3000/api/v1/instance', `http://localhost:3000/api/v1/statuses/${CW_ID}`]);
  });

  it('a host that is not Mastodon is named, and its status address is never asked', async () => {
    const { handlers, asked, store } = await setUp();
    await expect(handlers.clipLink({ url: 'https://example.com/@someone/12345' }, {})).rejects.toThrow(
      /^This Mastodon post could not be read: example\.com is not a Mastodon server/,
    );
    await expect(handlers.clipLink({ url: 'https://blog.example/@someone/12345' }, {})).rejects.toThrow(/blog\.example is not a Mastodon server/);
    expect(asked).toEqual([
      'https://example.com/api/v2/instance', 'https://example.com/api/v1/instance',
      'https://blog.example/api/v2/instance', 'https://blog.example/api/v1/instance',
    ]);
    expect((await store.currentRoundup()).items).toEqual([]);
  });

  it('a status the instance does not show (404): deleted or not public', async () => {
    const { handlers } = await setUp();
    await expect(handlers.clipLink({ url: 'https://mastodon.social/@someone/404' }, {})).rejects.toThrow(
      /^This Mastodon post could not be read: Mastodon could not find this post\. It may have been deleted, or it is not public/,
    );
    await expect(handlers.clipLink({ url: 'http://localhost:3000/@mastodonpy_test/0' }, {})).rejects.toThrow(/could not find this post/);
  });

  it('an instance that lets only signed-in users read its API (401)', async () => {
    const { handlers } = await setUp();
    await expect(handlers.clipLink({ url: 'https://mastodon.social/@someone/401' }, {})).rejects.toThrow(/lets only signed-in users read posts/);
  });

  it('an instance limiting requests (429) says when to try again', async () => {
    const { handlers } = await setUp();
    await expect(handlers.clipLink({ url: 'https://mastodon.social/@someone/429' }, {})).rejects.toThrow(
      /^This Mastodon post could not be read: The Mastodon server is limiting requests right now\. Try again in 2 minutes\.$/,
    );
  });

  it('a host that cannot be reached is named, and asked again next time', async () => {
    const { handlers, asked } = await setUp();
    const link = 'https://down.example/@someone/12345';
    await expect(handlers.clipLink({ url: link }, {})).rejects.toThrow(
      /^This Mastodon post could not be read: down\.example could not be reached \(Failed to fetch\)\. It may be down, or not a Mastodon server\.$/,
    );
    await expect(handlers.clipLink({ url: link }, {})).rejects.toThrow(/could not be reached/);
    expect(asked).toEqual(['https://down.example/api/v2/instance', 'https://down.example/api/v2/instance']);
  });

  it('the instance answers, then the status cannot be reached', async () => {
    const { get } = servers();
    let calls = 0;
    const flaky = async (url: string) => {
      if (++calls === 2) throw new ApiUnreachable('no answer within 20 s');
      return get(url);
    };
    const mastodon = createMastodon({ get: flaky, readStatusFromJson: statusReader(), now: () => T });
    expect(await mastodon.postOfLink(KOCHER_LINK, '')).toEqual({ ok: false, error: 'The Mastodon server mastodon.social could not be reached (no answer within 20 s).' });
  });

  it('a link that is no status address is refused before anything is asked', async () => {
    const { mastodon, asked } = mastodonApi();
    for (const url of ['https://mastodon.social/@Gargron', 'https://medium.com/@someone/an-article-3f2a1b', `https://mastodon.social/@Gargron/${GARGRON_ID}/embed`]) {
      expect((await mastodon.postOfLink(url, '')).ok).toBe(false);
    }
    expect(asked).toEqual([]);
  });

  it('without the Mastodon API (none wired), the writer is told', async () => {
    const db = await openRoundupDb(`mastodon-${++n}-${Date.now()}`);
    open.push(db);
    const handlers = createHandlers(createStores(db), () => {});
    await expect(handlers.clipLink({ url: KOCHER_LINK }, {})).rejects.toThrow(/^This Mastodon post could not be read: Mastodon cannot be asked from here\.$/);
  });
});

describe('the context menu', () => {
  const menu = () => ({ clipLink: vi.fn(async () => ({})), clipOnPage: vi.fn(async () => true) });

  it('sends a Mastodon status link to be read from its instance, on any page', async () => {
    for (const url of [
      KOCHER_LINK,
      'https://fosstodon.org/@unijena@mastodon.social/114868870403381728',
      'https://mastodon.social/users/Gargron/statuses/103270115826048975',
      'https://mastodon.social/deck/@Gargron/103270115826048975',
    ]) {
      const deps = menu();
      expect(await clipFromMenu(deps, { linkUrl: url, pageUrl: 'https://news.example/' }, 3)).toBe('link');
      expect(deps.clipLink).toHaveBeenCalledWith(url, 'https://news.example/');
      expect(deps.clipOnPage).not.toHaveBeenCalled();
    }
  });

  it('ignores links its patterns match that are no status (a blog post under /@author/…)', async () => {
    const deps = menu();
    expect(await clipFromMenu(deps, { linkUrl: 'https://medium.com/@someone/an-article-3f2a1b', pageUrl: 'https://news.example/' }, 3)).toBe('not-a-post');
    expect(await clipFromMenu(deps, { linkUrl: 'https://mastodon.social/@Gargron', pageUrl: 'https://news.example/' }, 3)).toBe('not-a-post');
    expect(deps.clipLink).not.toHaveBeenCalled();
  });

  it('still clips an X link from the X page it is on', async () => {
    const deps = menu();
    expect(await clipFromMenu(deps, { linkUrl: 'https://x.com/jack/status/20', pageUrl: 'https://x.com/home', frameId: 0 }, 3)).toBe('page');
    expect(deps.clipLink).not.toHaveBeenCalled();
  });

  /** A match pattern (developer.chrome.com "Match patterns"; MDN the same) as a RegExp. */
  function matcher(pattern: string): RegExp {
    const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
    if (!m) throw new Error(`not a match pattern: ${pattern}`);
    const scheme = m[1] === '*' ? 'https?' : m[1];
    const host = m[2] === '*' ? '[^/]+' : m[2]!.replace(/^\*\./, '(?:[^/]+\\.)?').replace(/\./g, '\\.');
    const path = m[3]!.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${scheme}://${host}${path}$`);
  }

  it('shows on every status address form, on any host (valid match patterns)', () => {
    const patterns = MASTODON_STATUS_LINK_PATTERNS.map(matcher);
    for (const url of [
      KOCHER_LINK,
      'https://fosstodon.org/@unijena@mastodon.social/114868870403381728',
      'https://mastodon.social/users/Gargron/statuses/103270115826048975',
      'https://mastodon.social/ap/users/117020565966271181/statuses/117020586000687987',
      'https://mastodon.social/deck/@Gargron/103270115826048975',
      'https://mastodon.social/statuses/103270115826048975',
      'https://mastodon.social/deck/statuses/103270115826048975',
      'http://localhost:3000/@mastodonpy_test/117020586000687987',
    ]) {
      expect(mastodonStatusLink(url), url).not.toBeNull();
      expect(patterns.some((p) => p.test(url)), url).toBe(true);
    }
  });
});

// ---- reading a status's HTML without a DOM in the background (Chrome) ----

const AT: StatusReadAt = { capturedAt: T, pageUrl: 'https://news.example/', instance: 'mastodon.social' };
const EXTENSION_ID = 'roundup-extension-id';
const fromBackground = { id: EXTENSION_ID };

describe('the offscreen page reads a status sent to it', () => {
  it('answers the status JSON with the Post, as readStatus gives it', () => {
    const status = json(`rtoot/mastodon.social-status-${KOCHER_ID}.json`);
    const answer = answerOffscreenMessage({ target: OFFSCREEN_TARGET, type: 'readMastodonStatus', status, at: AT }, fromBackground, EXTENSION_ID);
    const direct = readStatus(status, { ...AT, parse: (h) => new DOMParser().parseFromString(h, 'text/html') });
    expect(answer).toEqual(direct.ok && { ok: true, post: direct.post });
    // Plain JSON: it crosses a message as it is.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
  });

  it('hostile HTML stays text: nothing in it runs, and no markup survives', () => {
    const status = json(`rtoot/mastodon.social-status-${KOCHER_ID}.json`);
    status.content =
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; hi</p><img src="x" onerror="globalThis.__roundupPwned=1">' +
      '<script>globalThis.__roundupPwned=2</script><p><a href="javascript:globalThis.__roundupPwned=3">click</a> <iframe src="https://evil.example/"></iframe></p>';
    const answer = answerOffscreenMessage({ target: OFFSCREEN_TARGET, type: 'readMastodonStatus', status, at: AT }, fromBackground, EXTENSION_ID);
    if (!answer?.ok) throw new Error('expected a post');
    expect(answer.post.text).toBe('<script>alert(1)</script> hi\n\nclick');
    expect(answer.post.segments).toEqual([{ kind: 'text', text: '<script>alert(1)</script> hi\n\nclick' }]);
    expect((globalThis as { __roundupPwned?: number }).__roundupPwned).toBeUndefined();
  });

  it('stays silent on messages not for it, and answers only the extension\'s background', () => {
    const message = { target: OFFSCREEN_TARGET, type: 'readMastodonStatus', status: json('docs/entities-Status-example.json'), at: AT };
    expect(answerOffscreenMessage({ type: 'clipPost' }, fromBackground, EXTENSION_ID)).toBeUndefined();
    expect(answerOffscreenMessage(null, fromBackground, EXTENSION_ID)).toBeUndefined();
    expect(answerOffscreenMessage(message, { id: EXTENSION_ID, tab: { id: 3 } }, EXTENSION_ID)).toMatchObject({ ok: false });
    expect(answerOffscreenMessage(message, { id: 'another-extension' }, EXTENSION_ID)).toMatchObject({ ok: false });
    expect(answerOffscreenMessage({ ...message, type: 'eval' }, fromBackground, EXTENSION_ID)).toMatchObject({ ok: false, error: 'Unknown request "eval".' });
    expect(answerOffscreenMessage({ ...message, at: { capturedAt: T } }, fromBackground, EXTENSION_ID)).toMatchObject({ ok: false });
    expect(answerOffscreenMessage({ ...message, status: 'no status' }, fromBackground, EXTENSION_ID)).toMatchObject({ ok: false });
  });
});

/** Chrome's offscreen API and runtime, the page answering with answerOffscreenMessage. */
function fakeChrome(page: (message: unknown) => unknown = (m) => answerOffscreenMessage(m, fromBackground, EXTENSION_ID)) {
  let open = false;
  const log: string[] = [];
  const offscreen = {
    createDocument: vi.fn(async (params: { url: string; reasons: string[]; justification: string }) => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      await new Promise((r) => setTimeout(r, 5));
      open = true;
      log.push(`create ${params.url} ${params.reasons.join()}`);
    }),
    closeDocument: vi.fn(async () => {
      if (!open) throw new Error('No current offscreen document.');
      open = false;
      log.push('close');
    }),
  };
  const runtime = {
    getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`,
    getContexts: vi.fn(async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
    sendMessage: vi.fn(async (message: unknown) => {
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      log.push('read');
      // Messages cross as JSON.
      return JSON.parse(JSON.stringify(page(JSON.parse(JSON.stringify(message))) ?? null));
    }),
  };
  return { offscreen, runtime, log, isOpen: () => open, close: () => void (open = false) };
}

describe('Chrome: the service worker reads a status through its offscreen document', () => {
  const deps = (chrome: ReturnType<typeof fakeChrome>, more: Partial<OffscreenDeps> = {}): OffscreenDeps => ({ offscreen: chrome.offscreen, runtime: chrome.runtime, idleMs: 20, ...more });

  it('opens one document for reads at once, and closes it when idle', async () => {
    const chrome = fakeChrome();
    const reader = createOffscreenReader(deps(chrome));
    const status = json(`rtoot/mastodon.social-status-${KOCHER_ID}.json`);
    const reads = await Promise.all([reader.read(status, AT), reader.read(json('docs/entities-Status-example.json'), AT), reader.read(status, AT)]);
    expect(reads.map((r) => r.ok && r.post.author.handle)).toEqual(['austinkocher@mastodon.social', 'Gargron@mastodon.social', 'austinkocher@mastodon.social']);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledWith({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Read a Mastodon status’s HTML into words and links' });
    await vi.waitFor(() => expect(chrome.isOpen()).toBe(false));
    // The next read opens it again.
    expect((await reader.read(status, AT)).ok).toBe(true);
    expect(chrome.log).toEqual(['create offscreen.html DOM_PARSER', 'read', 'read', 'read', 'close', 'create offscreen.html DOM_PARSER', 'read']);
  });

  it('uses a document an earlier worker left open, and opens it again if it was closed behind its back', async () => {
    const chrome = fakeChrome();
    await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: '' });
    const reader = createOffscreenReader(deps(chrome, { idleMs: 60_000 }));
    const status = json('docs/entities-Status-example.json');
    expect((await reader.read(status, AT)).ok).toBe(true);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(1); // only the earlier worker's
    chrome.close();
    expect((await reader.read(status, AT)).ok).toBe(true);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(2);
  });

  it('trusts no answer: a post that does not pass parsePost, or no answer at all, is an error', async () => {
    const forged = { ...(readStatus(json('docs/entities-Status-example.json'), { ...AT, parse: (h) => new DOMParser().parseFromString(h, 'text/html') }) as { post: object }).post, url: 'javascript:alert(1)' };
    for (const [answer, error] of [
      [{ ok: true, post: forged }, /^The post could not be kept: /],
      [{ ok: true, post: 'a post' }, /^The post could not be kept: /],
      [null, /could not be read \(no answer\)/],
      [{ ok: false, error: '  The status is\n not an object.  ' }, /^The status is not an object\.$/],
      [{ ok: false }, /could not be read\.$/],
    ] as const) {
      const reader = createOffscreenReader(deps(fakeChrome(() => answer)));
      const read = await reader.read({}, AT);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.error).toMatch(error);
    }
  });

  it('a page that never answers is given up', async () => {
    const chrome = fakeChrome();
    chrome.runtime.sendMessage.mockImplementation(() => new Promise(() => {}));
    const reader = createOffscreenReader(deps(chrome, { answerMs: 10 }));
    expect(await reader.read({}, AT)).toEqual({ ok: false, error: 'The post’s words could not be read (the page that reads it did not answer).' });
  });

  it('statusReader: DOMParser where there is one (Firefox\'s background page); the offscreen document where there is none', async () => {
    const status = json(`rtoot/mastodon.social-status-${KOCHER_ID}.json`);
    const here = await statusReader()(status, AT);
    expect(here.ok && parsePost(here.post).ok).toBe(true);

    const RealParser = DOMParser;
    const chrome = fakeChrome();
    vi.stubGlobal('DOMParser', undefined);
    vi.stubGlobal('chrome', { offscreen: chrome.offscreen, runtime: chrome.runtime });
    // The page has its own DOMParser: the fake page parses with happy-dom's window.
    const parse = (h: string) => new RealParser().parseFromString(h, 'text/html');
    chrome.runtime.sendMessage.mockImplementation(async (m: unknown) => JSON.parse(JSON.stringify(answerOffscreenMessage(JSON.parse(JSON.stringify(m)), fromBackground, EXTENSION_ID, parse))));
    chrome.runtime.getContexts.mockImplementation(async () => [{ contextType: 'OFFSCREEN_DOCUMENT' }]); // open already
    const there = await statusReader()(status, AT);
    expect(there).toEqual(here);
    expect(chrome.runtime.sendMessage).toHaveBeenCalledTimes(1);

    vi.stubGlobal('chrome', {});
    expect(await statusReader()(status, AT)).toMatchObject({ ok: false });
  });
});

describe('what the page a "Clip this post" came from is told', () => {
  it('a link clipped, or why not, in the writer\'s words; nothing where the page says it itself', async () => {
    const { handlers } = await setUp();
    expect(menuNotice({ how: 'link' })).toBe('Clipped to your roundup.');
    expect(menuNotice({ how: 'page' })).toBeNull(); // X's page shows its own notice
    expect(menuNotice({ how: 'not-a-post' })).toBeNull();
    const down = await handlers.clipLink({ url: 'https://down.example/@a/1', pageUrl: 'https://news.example/' }, {}).catch((error: unknown) => menuNotice({ error }));
    expect(down).toBe('Roundup could not clip this post: This Mastodon post could not be read: down.example could not be reached (Failed to fetch). It may be down, or not a Mastodon server.');
    expect(menuNotice({ error: null })).toBe('Roundup could not clip this post: it could not be read.');
  });
});
