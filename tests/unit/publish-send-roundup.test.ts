// "Send to WordPress" (src/publish/send.ts) against an in-memory WordPress: a small fake that
// answers the requests the builders make (users/me, posts create/read/update, media upload and
// list) with bodies shaped from what a real WordPress 6.1.9 answered (tests/fixtures/wordpress).
// The roundup's content is the real WordPress export (src/export/wordpress.ts) with its pictures
// as `media/<name>`; what reaches the fake site is read back with WordPress's own block parser.
import { readFileSync } from 'node:fs';
import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it, vi } from 'vitest';
import type { SiteAnswer } from '../../src/publish/connect';
import { sendRoundup, type SendDeps } from '../../src/publish/send';
import type { PictureToSend, SavedSite, SendRequest, SentDraft } from '../../src/publish/types';
import { authorization, type Request, type UploadedPicture } from '../../src/publish/wordpress';
import { DEFAULT_EXPORT_SETTINGS } from '../../src/export';
import { renderWordPress } from '../../src/export/wordpress';
import { filesSource } from '../../src/export/pictures';
import type { Roundup } from '../../src/model/roundup';
import { makePost } from './helpers/posts';

// ---- Recorded answers, used as templates ----

function recordedBody(name: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(new URL(`../fixtures/wordpress/${name}.json`, import.meta.url), 'utf8')) as { response: { body: unknown } };
  return file.response.body as Record<string, unknown>;
}

const json = (status: number, body: unknown, url: string): SiteAnswer => ({ status, body: JSON.stringify(body), url });

// ---- The fake WordPress ----

interface FakePost {
  id: number;
  status: string;
  title: string;
  content: string;
  excerpt: string;
}
interface FakeMedia {
  id: number;
  url: string;
  fileName: string;
  type: string;
  bytes: Uint8Array;
}
interface Seen {
  method: string;
  route: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  url: string;
}

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

class FakeWordPress {
  readonly url = 'https://blog.example.org';
  readonly posts = new Map<number, FakePost>();
  readonly media = new Map<number, FakeMedia>();
  readonly seen: Seen[] = [];
  /** WordPress's users/me as recorded (an administrator), changeable per test. */
  readonly me = recordedBody('users-me');
  private nextId = 40;
  /** Throws (as fetch does for a site that is down) from this many uploads on; Infinity: never. */
  downAfterUploads = Infinity;
  down = false;
  /** A refusal of one upload, by its file name (a front-end server's 413, PHP's limit). */
  refuse: (fileName: string) => SiteAnswer | undefined = () => undefined;

  constructor(readonly password = PASSWORD) {}

  saved(over: Partial<SavedSite> = {}): SavedSite {
    return { url: this.url, user: 'roundup', name: 'roundup', savedAt: '2026-12-01T09:00:00.000Z', applicationPassword: this.password, pretty: false, ...over };
  }

  requests(method: string, route: string | RegExp): Seen[] {
    return this.seen.filter((s) => s.method === method && (typeof route === 'string' ? s.route === route : route.test(s.route)));
  }
  uploads(): Seen[] {
    return this.requests('POST', '/wp/v2/media');
  }
  writes(): Seen[] {
    return this.seen.filter((s) => s.method !== 'GET');
  }

  /** A post as if made in WordPress (or by an earlier send). */
  addPost(status: string): FakePost {
    const post = { id: this.nextId++, status, title: 'Earlier', content: '', excerpt: '' };
    this.posts.set(post.id, post);
    return post;
  }

  call = async (request: Request): Promise<SiteAnswer> => {
    const u = new URL(request.url);
    let route: string;
    const query = new URLSearchParams(u.search);
    if (u.pathname.startsWith('/wp-json/')) route = u.pathname.slice('/wp-json'.length);
    else {
      route = query.get('rest_route') ?? '';
      query.delete('rest_route');
    }
    const seen = { method: request.method, route, query, headers: request.headers, body: request.body, url: request.url };
    if (this.down) throw new TypeError('Failed to fetch');
    if (request.method === 'POST' && route === '/wp/v2/media' && this.uploads().length >= this.downAfterUploads) throw new TypeError('Failed to fetch');
    this.seen.push(seen);
    if (u.origin !== this.url) throw new TypeError(`no such host: ${u.origin}`);
    if (request.headers.Authorization !== authorization({ user: 'roundup', applicationPassword: this.password })) {
      return json(401, recordedBody('users-me-401'), request.url);
    }
    return this.answer(seen);
  };

  private answer({ method, route, query, headers, body, url }: Seen): SiteAnswer {
    const fields = (value: Record<string, unknown>) => {
      const only = query.get('_fields');
      return only ? Object.fromEntries(only.split(',').map((f) => [f, value[f]])) : value;
    };
    const postBody = (p: FakePost, template: string) => ({
      ...recordedBody(template),
      id: p.id,
      status: p.status,
      link: `${this.url}/?p=${p.id}`,
      title: { raw: p.title, rendered: p.title },
      content: { raw: p.content, rendered: p.content, protected: false, block_version: 1 },
      excerpt: { raw: p.excerpt, rendered: `<p>${p.excerpt}</p>\n`, protected: false },
    });
    if (method === 'GET' && route === '/wp/v2/users/me') return json(200, this.me, url);
    if (method === 'POST' && route === '/wp/v2/posts') {
      const sent = JSON.parse(body as string) as Partial<FakePost>;
      const post: FakePost = { id: this.nextId++, status: sent.status ?? 'draft', title: sent.title ?? '', content: sent.content ?? '', excerpt: sent.excerpt ?? '' };
      this.posts.set(post.id, post);
      return json(201, postBody(post, 'post-create-draft'), url);
    }
    const one = /^\/wp\/v2\/posts\/(\d+)$/.exec(route);
    if (one) {
      const post = this.posts.get(Number(one[1]));
      if (!post) return json(404, recordedBody(method === 'GET' ? 'post-get-404' : 'post-update-404'), url);
      if (method === 'GET') return json(200, fields(postBody(post, 'post-get')), url);
      if (method === 'POST') {
        const sent = JSON.parse(body as string) as Partial<FakePost>;
        Object.assign(post, sent);
        return json(200, postBody(post, 'post-update'), url);
      }
    }
    if (method === 'POST' && route === '/wp/v2/media') {
      const fileName = /filename="([^"]+)"/.exec(headers['Content-Disposition'] ?? '')?.[1];
      if (!fileName) return json(400, recordedBody('media-upload-no-filename'), url);
      const refused = this.refuse(fileName);
      if (refused) return refused;
      const taken = new Set([...this.media.values()].map((m) => m.fileName));
      let stored = fileName;
      for (let i = 1; taken.has(stored); i++) stored = fileName.replace(/(\.[a-z]+)$/, `-${i}$1`);
      const m: FakeMedia = { id: this.nextId++, url: `${this.url}/wp-content/uploads/2026/12/${stored}`, fileName: stored, type: headers['Content-Type']!, bytes: body as Uint8Array };
      this.media.set(m.id, m);
      return json(201, { ...recordedBody('media-upload'), id: m.id, source_url: m.url, slug: stored.replace(/\.[a-z]+$/, ''), mime_type: m.type }, url);
    }
    if (method === 'GET' && route === '/wp/v2/media') {
      const ids = (query.get('include') ?? '').split(',').filter(Boolean).map(Number);
      const found = ids.flatMap((id) => {
        const m = this.media.get(id);
        return m ? [fields({ ...recordedBody('media-upload'), id: m.id, source_url: m.url })] : [];
      });
      return json(200, found.slice(0, Number(query.get('per_page') ?? 10)), url);
    }
    return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } }, url);
  }
}

// ---- A roundup, exported as WordPress blocks with its pictures beside it ----

const A = 'https://pbs.twimg.com/media/GAlpha1?format=jpg&name=orig';
const B = 'https://pbs.twimg.com/media/GBravo2?format=png&name=orig';
const C = 'https://pbs.twimg.com/media/GCharlie3?format=jpg&name=orig';
const PICTURES = new Map<string, { type: string; bytes: Uint8Array }>([
  [A, { type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 1]) }],
  [B, { type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 2, 2]) }],
  [C, { type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 3, 3, 3]) }],
]);
const fileOf = (url: string) => filesSource(PICTURES)(url)!;

const ROUNDUP_ID = 'b9d7c0de-0000-4000-8000-000000000001';

function roundupRequest(over: Partial<SendRequest> = {}): SendRequest {
  const one = makePost(1, { media: [{ kind: 'image', url: A, alt: 'A "chart" & more' }, { kind: 'image', url: B, alt: '' }] });
  const two = makePost(2, { media: [{ kind: 'image', url: C, alt: 'A photo' }] });
  const roundup: Roundup = {
    id: ROUNDUP_ID,
    title: 'The week on X',
    intro: 'Three posts worth your time.',
    closing: 'See you next week.',
    items: [
      { postId: one.id, leadIn: 'First', commentary: `The files sit in media/alpha.jpg, says the post; <img src="${fileOf(A)}"> is just words.` },
      { postId: two.id, leadIn: '', commentary: 'Second' },
    ],
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:30:00.000Z',
  };
  const content = renderWordPress({ roundup, posts: { [one.id]: one, [two.id]: two }, settings: { ...DEFAULT_EXPORT_SETTINGS, pictures: 'files' }, pictures: PICTURES });
  const pictures: PictureToSend[] = [A, B, C].map((url) => ({ url, file: fileOf(url) }));
  return { roundupId: ROUNDUP_ID, title: roundup.title, content, excerpt: roundup.intro, pictures, ...over };
}

/** The deps the background passes, with the memory of uploads kept in `remembered` across sends. */
function depsFor(wp: FakeWordPress, remembered = new Map<string, UploadedPicture>(), over: Partial<SendDeps> = {}) {
  const progress = vi.fn<(done: number, total: number) => void>();
  const deps: SendDeps = {
    call: wp.call,
    picture: async (url) => PICTURES.get(url) ?? { missing: 'no copy is kept' },
    uploads: {
      get: async (url) => remembered.get(url),
      put: async (url, u) => void remembered.set(url, u),
      forget: async (url) => void remembered.delete(url),
    },
    previous: undefined,
    now: () => '2026-12-01T10:00:00.000Z',
    progress,
    ...over,
  };
  return { deps, remembered, progress };
}

async function send(wp: FakeWordPress, deps: SendDeps, request = roundupRequest(), saved = wp.saved()) {
  const outcome = await sendRoundup(saved, request, deps);
  if (!outcome.ok) throw new Error(`expected a draft, got: ${outcome.error}`);
  return outcome.report;
}

type Block = ReturnType<typeof parse>[number];
function blocksNamed(blocks: Block[], name: string): Block[] {
  return blocks.flatMap((b) => [...(b.blockName === name ? [b] : []), ...blocksNamed(b.innerBlocks, name)]);
}
function shape(blocks: Block[]): unknown[] {
  return blocks.filter((b) => b.blockName !== null).map((b) => [b.blockName, shape(b.innerBlocks)]);
}
/** The image blocks of the content as WordPress reads them: attachment id, src, class. */
function images(content: string) {
  return blocksNamed(parse(content), 'core/image').map((b) => ({
    id: (b.attrs as { id?: number } | null)?.id,
    src: /src="([^"]*)"/.exec(b.innerHTML)?.[1],
    className: /class="(wp-image-[^"]*)"/.exec(b.innerHTML)?.[1],
    alt: /alt="([^"]*)"/.exec(b.innerHTML)?.[1],
  }));
}
const libraryImage = (m: FakeMedia, alt: string) => ({ id: m.id, src: m.url, className: `wp-image-${m.id}`, alt });
const escaped = (url: string) => url.replace(/&/g, '&amp;');

describe('the first send', () => {
  it('uploads each picture, then makes one draft (status draft) whose image blocks are the media library\'s', async () => {
    const wp = new FakeWordPress();
    const { deps, remembered } = depsFor(wp);
    const request = roundupRequest();
    const report = await send(wp, deps, request);

    // Who we are first, the pictures next, the draft last.
    expect(wp.seen.map((s) => `${s.method} ${s.route}`)).toEqual(['GET /wp/v2/users/me', 'POST /wp/v2/media', 'POST /wp/v2/media', 'POST /wp/v2/media', 'POST /wp/v2/posts']);
    expect(wp.posts.size).toBe(1);
    const [post] = [...wp.posts.values()];
    expect(JSON.parse(wp.requests('POST', '/wp/v2/posts')[0]!.body as string)).toMatchObject({ status: 'draft', title: 'The week on X', excerpt: 'Three posts worth your time.' });
    expect(post).toMatchObject({ status: 'draft', title: 'The week on X', excerpt: 'Three posts worth your time.' });

    // Each picture went up as its kept bytes, typed, with a name WordPress keeps.
    const [a, b, c] = [...wp.media.values()];
    expect([a, b, c].map((m) => [m!.type, [...m!.bytes]])).toEqual([A, B, C].map((url) => [PICTURES.get(url)!.type, [...PICTURES.get(url)!.bytes]]));
    expect([a, b, c].map((m) => m!.fileName)).toEqual(['GAlpha1.jpg', 'GBravo2.png', 'GCharlie3.jpg']);
    expect(remembered).toEqual(new Map([[A, { id: a!.id, url: a!.url }], [B, { id: b!.id, url: b!.url }], [C, { id: c!.id, url: c!.url }]]));

    // WordPress reads the same blocks as were exported; the pictures are attachments.
    expect(shape(parse(post!.content))).toEqual(shape(parse(request.content)));
    expect(images(post!.content)).toEqual([libraryImage(a!, 'A &quot;chart&quot; &amp; more'), libraryImage(b!, ''), libraryImage(c!, 'A photo')]);
    expect(post!.content).not.toContain('pbs.twimg.com');
    expect(post!.content).not.toMatch(/<img src="media\//);
    // Words that merely mention media/… are the writer's, untouched.
    expect(post!.content).toContain(`The files sit in media/alpha.jpg, says the post; &lt;img src="${fileOf(A)}"&gt; is just words.`);

    expect(report).toEqual({
      made: 'created',
      uploaded: 3,
      reused: 0,
      notSent: [],
      draft: {
        site: wp.url,
        roundupId: ROUNDUP_ID,
        postId: post!.id,
        editUrl: `${wp.url}/wp-admin/post.php?post=${post!.id}&action=edit`,
        link: `${wp.url}/?p=${post!.id}`,
        sentAt: '2026-12-01T10:00:00.000Z',
      },
    });
  });

  it('reaches a site with pretty links at /wp-json, and one without by ?rest_route=', async () => {
    for (const pretty of [true, false]) {
      const wp = new FakeWordPress();
      await send(wp, depsFor(wp).deps, roundupRequest(), wp.saved({ pretty }));
      expect(wp.seen.every((s) => (pretty ? s.url.startsWith(`${wp.url}/wp-json/wp/v2/`) : s.url.startsWith(`${wp.url}/?rest_route=/wp/v2/`)))).toBe(true);
    }
  });

  it('tells how far it got after each picture', async () => {
    const wp = new FakeWordPress();
    const { deps, progress } = depsFor(wp);
    await send(wp, deps);
    expect(progress.mock.calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('uploads a picture the request names twice only once', async () => {
    const wp = new FakeWordPress();
    const { deps, progress } = depsFor(wp);
    const request = roundupRequest();
    const report = await send(wp, deps, { ...request, pictures: [...request.pictures, request.pictures[0]!, { ...request.pictures[1]! }] });
    expect(wp.uploads()).toHaveLength(3);
    expect(wp.media.size).toBe(3);
    expect(report.uploaded).toBe(3);
    expect(progress).toHaveBeenLastCalledWith(3, 3);
  });
});

describe('sending again', () => {
  it('updates the same draft (no status in the request) and reuses the pictures: nothing uploaded twice', async () => {
    const wp = new FakeWordPress();
    const { deps, remembered } = depsFor(wp);
    const first = await send(wp, deps);
    const mediaBefore = [...wp.media.values()];
    wp.seen.length = 0;

    const changed = roundupRequest({ title: 'The week on X (updated)' });
    const second = await send(wp, { ...deps, previous: first.draft }, changed);
    expect(second).toMatchObject({ made: 'updated', uploaded: 0, reused: 3, notSent: [], draft: { postId: first.draft.postId } });
    expect(wp.posts.size).toBe(1);
    expect(wp.uploads()).toHaveLength(0);
    expect(wp.media.size).toBe(3);
    // One look at the draft sent before, one look at the library for all remembered pictures, one update.
    expect(wp.seen.map((s) => `${s.method} ${s.route}`)).toEqual([
      'GET /wp/v2/users/me',
      `GET /wp/v2/posts/${first.draft.postId}`,
      'GET /wp/v2/media',
      `POST /wp/v2/posts/${first.draft.postId}`,
    ]);
    expect(wp.seen[1]!.query.get('_fields')).toBe('id,link,status');
    expect(wp.seen[1]!.query.get('context')).toBe('edit');
    expect(wp.seen[2]!.query.get('include')!.split(',').map(Number).sort()).toEqual(mediaBefore.map((m) => m.id).sort());
    const update = JSON.parse(wp.seen[3]!.body as string) as Record<string, unknown>;
    expect(update).not.toHaveProperty('status');
    expect(update).toMatchObject({ title: 'The week on X (updated)' });
    const post = wp.posts.get(first.draft.postId)!;
    expect(post.title).toBe('The week on X (updated)');
    expect(images(post.content)).toEqual([libraryImage(mediaBefore[0]!, 'A &quot;chart&quot; &amp; more'), libraryImage(mediaBefore[1]!, ''), libraryImage(mediaBefore[2]!, 'A photo')]);
    expect(remembered.size).toBe(3);
  });

  it('leaves a draft the writer marked "pending review" pending', async () => {
    const wp = new FakeWordPress();
    const { deps } = depsFor(wp);
    const first = await send(wp, deps);
    wp.posts.get(first.draft.postId)!.status = 'pending';
    await send(wp, { ...deps, previous: first.draft });
    expect(wp.posts.get(first.draft.postId)!.status).toBe('pending');
  });

  it('uploads again a picture deleted from the media library since, and points the draft at the new one', async () => {
    const wp = new FakeWordPress();
    const { deps, remembered } = depsFor(wp);
    const first = await send(wp, deps);
    const gone = remembered.get(B)!;
    wp.media.delete(gone.id);

    const second = await send(wp, { ...deps, previous: first.draft });
    expect(second).toMatchObject({ made: 'updated', uploaded: 1, reused: 2 });
    expect(wp.uploads()).toHaveLength(4);
    const again = remembered.get(B)!;
    expect(again.id).not.toBe(gone.id);
    expect(wp.media.get(again.id)).toMatchObject({ type: 'image/png' });
    const srcs = images(wp.posts.get(first.draft.postId)!.content);
    expect(srcs[1]).toEqual(libraryImage(wp.media.get(again.id)!, ''));
    expect(JSON.stringify(srcs)).not.toContain(`wp-image-${gone.id}`);
  });

  it('asks the library about remembered pictures 100 at a time', async () => {
    const wp = new FakeWordPress();
    const urls = Array.from({ length: 150 }, (_, i) => `https://pbs.twimg.com/media/G${i}?format=jpg&name=orig`);
    const pictures = urls.map((url, i) => ({ url, file: `media/g${i}-x.jpg` }));
    const content = pictures.map((p) => `<!-- wp:image -->\n<figure class="wp-block-image"><img src="${p.file}" alt=""/></figure>\n<!-- /wp:image -->`).join('\n\n');
    const remembered = new Map<string, UploadedPicture>();
    for (const url of urls) {
      const id = 1000 + remembered.size;
      const m: FakeMedia = { id, url: `${wp.url}/wp-content/uploads/g${id}.jpg`, fileName: `g${id}.jpg`, type: 'image/jpeg', bytes: new Uint8Array([1]) };
      wp.media.set(id, m);
      remembered.set(url, { id, url: m.url });
    }
    const report = await send(wp, depsFor(wp, remembered).deps, roundupRequest({ content, pictures }));
    const lists = wp.requests('GET', '/wp/v2/media');
    expect(lists.map((l) => l.query.get('include')!.split(',').length)).toEqual([100, 50]);
    expect(report).toMatchObject({ reused: 150, uploaded: 0 });
    expect(images(wp.posts.values().next().value!.content).map((i) => i.id)).toEqual(urls.map((_, i) => 1000 + i));
  });
});

describe('the draft sent before', () => {
  it.each([
    ['deleted for good (404)', (wp: FakeWordPress, id: number) => void wp.posts.delete(id)],
    ['in WordPress\'s trash', (wp: FakeWordPress, id: number) => void (wp.posts.get(id)!.status = 'trash')],
  ])('%s: a new draft is made, with the pictures already up', async (_name, remove) => {
    const wp = new FakeWordPress();
    const { deps } = depsFor(wp);
    const first = await send(wp, deps);
    remove(wp, first.draft.postId);
    wp.seen.length = 0;

    const second = await send(wp, { ...deps, previous: first.draft });
    expect(second).toMatchObject({ made: 'recreated', uploaded: 0, reused: 3 });
    expect(second.draft.postId).not.toBe(first.draft.postId);
    expect(second.draft.editUrl).toBe(`${wp.url}/wp-admin/post.php?post=${second.draft.postId}&action=edit`);
    const created = wp.requests('POST', '/wp/v2/posts');
    expect(created).toHaveLength(1);
    expect(JSON.parse(created[0]!.body as string)).toMatchObject({ status: 'draft' });
    expect(wp.requests('POST', /^\/wp\/v2\/posts\/\d+$/)).toHaveLength(0);
    expect(wp.posts.get(second.draft.postId)).toMatchObject({ status: 'draft', title: 'The week on X' });
  });

  it.each([
    ['publish', 'published'],
    ['future', 'scheduled'],
    ['private', 'published'],
  ])('%s: refused, saying so, and nothing on the site is written', async (status, word) => {
    const wp = new FakeWordPress();
    const post = wp.addPost(status);
    const previous: SentDraft = { site: wp.url, roundupId: ROUNDUP_ID, postId: post.id, editUrl: '', link: '', sentAt: '' };
    const { deps, remembered } = depsFor(wp, new Map(), { previous });
    const outcome = await sendRoundup(wp.saved(), roundupRequest(), deps);
    expect(outcome).toEqual({
      ok: false,
      error: `This roundup is already ${word} on ${wp.url} (post ${post.id}). Roundup does not change a post your readers can see: edit it in WordPress.`,
    });
    expect(wp.writes()).toEqual([]);
    expect(remembered.size).toBe(0);
    expect(wp.posts.get(post.id)).toMatchObject({ status, title: 'Earlier' });
  });

  it('deleted between the look and the update: made again rather than lost', async () => {
    const wp = new FakeWordPress();
    const { deps } = depsFor(wp);
    const first = await send(wp, deps);
    const call = deps.call;
    // The update finds it gone (404 rest_post_invalid_id), as if deleted a moment before.
    const racing: SendDeps['call'] = async (r) => {
      if (r.method === 'POST' && r.url.includes(`/wp/v2/posts/${first.draft.postId}`)) wp.posts.delete(first.draft.postId);
      return call(r);
    };
    const second = await send(wp, { ...deps, call: racing, previous: first.draft });
    expect(second.made).toBe('recreated');
    expect(wp.posts.size).toBe(1);
    expect(wp.posts.get(second.draft.postId)).toMatchObject({ status: 'draft' });
  });
});

describe('a send that cannot be done', () => {
  it('a wrong application password stops before anything is uploaded', async () => {
    const wp = new FakeWordPress();
    const { deps, remembered, progress } = depsFor(wp);
    const outcome = await sendRoundup(wp.saved({ applicationPassword: 'zzzz zzzz zzzz zzzz zzzz zzzz' }), roundupRequest(), deps);
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^Sending to WordPress: WordPress did not accept the user name and application password/) });
    expect(wp.seen.map((s) => s.route)).toEqual(['/wp/v2/users/me']);
    expect(wp.media.size + wp.posts.size + remembered.size).toBe(0);
    expect(progress).not.toHaveBeenCalled();
  });

  it('a user who may not write posts: refused before anything is uploaded', async () => {
    const wp = new FakeWordPress();
    wp.me.name = 'Sam';
    wp.me.capabilities = { read: true };
    const { deps } = depsFor(wp);
    expect(await sendRoundup(wp.saved(), roundupRequest(), deps)).toEqual({ ok: false, error: `Sending to WordPress: Sam may not write posts on ${wp.url}.` });
    expect(wp.writes()).toEqual([]);
  });

  it('a site down from the start: nothing sent, and says so', async () => {
    const wp = new FakeWordPress();
    wp.down = true;
    const outcome = await sendRoundup(wp.saved(), roundupRequest(), depsFor(wp).deps);
    expect(outcome).toEqual({ ok: false, error: `${wp.url} could not be reached (Failed to fetch). Nothing was sent: send again when the site is back.` });
  });

  it('a site that goes down after 1 of 3 uploads: keeps that one, makes no draft, and reuses it next time', async () => {
    const wp = new FakeWordPress();
    wp.downAfterUploads = 1;
    const { deps, remembered } = depsFor(wp);
    const outcome = await sendRoundup(wp.saved(), roundupRequest(), deps);
    expect(outcome.ok).toBe(false);
    const error = !outcome.ok ? outcome.error : '';
    expect(error).toMatch(/stopped answering while the pictures were uploaded \(Failed to fetch\)/);
    expect(error).toBe(
      `${wp.url} stopped answering while the pictures were uploaded (Failed to fetch). The 1 picture already uploaded stays in its media library and is reused next time. No draft was made or changed: send again when the site is back.`,
    );
    expect(wp.posts.size).toBe(0);
    expect(wp.media.size).toBe(1);
    const kept = [...wp.media.values()][0]!;
    expect(remembered).toEqual(new Map([[A, { id: kept.id, url: kept.url }]]));

    // Back up: the one already there is reused, the other two go up, one draft.
    wp.downAfterUploads = Infinity;
    const report = await send(wp, deps);
    expect(report).toMatchObject({ made: 'created', uploaded: 2, reused: 1 });
    expect(wp.media.size).toBe(3);
    expect(wp.uploads()).toHaveLength(3);
    expect(images([...wp.posts.values()][0]!.content)[0]).toEqual(libraryImage(kept, 'A &quot;chart&quot; &amp; more'));
  });

  it('a site that goes down as the draft is made: says so, and that the pictures stay', async () => {
    const wp = new FakeWordPress();
    const call = wp.call;
    const { deps, remembered } = depsFor(wp, new Map(), {
      call: async (r) => {
        if (r.method === 'POST' && /\/wp\/v2\/posts/.test(r.url)) throw new TypeError('Failed to fetch');
        return call(r);
      },
    });
    const outcome = await sendRoundup(wp.saved(), roundupRequest(), deps);
    expect(outcome).toEqual({
      ok: false,
      error: `${wp.url} stopped answering while the draft was being made (Failed to fetch). The 3 pictures already uploaded stay in its media library and are reused next time. WordPress may or may not have saved it: look in its Posts → Drafts before sending again.`,
    });
    expect(remembered.size).toBe(3);
  });

  it('a draft the site refuses after the pictures went up: the reason, and that the pictures stay', async () => {
    const wp = new FakeWordPress();
    const call = wp.call;
    const { deps } = depsFor(wp, new Map(), {
      call: async (r) => (r.method === 'POST' && /\/wp\/v2\/posts/.test(r.url) ? json(403, recordedBody('post-create-401'), r.url) : call(r)),
    });
    const outcome = await sendRoundup(wp.saved(), roundupRequest(), deps);
    expect(outcome).toEqual({
      ok: false,
      error: 'Sending to WordPress: this user may not write posts on the site. Use an author’s or editor’s account. The 3 pictures already uploaded stay in the media library and are reused next time. No draft was made.',
    });
  });
});

describe('a picture that cannot go up', () => {
  it('a 413 from the server in front of WordPress: the draft is made, that picture points at X, and the report names it', async () => {
    const wp = new FakeWordPress();
    wp.refuse = (name) =>
      name.startsWith('GBravo2') ? { status: 413, body: '<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>', url: `${wp.url}/?rest_route=/wp/v2/media` } : undefined;
    const { deps, remembered } = depsFor(wp);
    const report = await send(wp, deps);
    expect(report.made).toBe('created');
    expect(report.uploaded).toBe(2);
    expect(report.notSent).toEqual([{ url: B, reason: expect.stringMatching(/too large.*upload limit/) }]);
    expect(remembered.has(B)).toBe(false);
    const [a, c] = [...wp.media.values()];
    const content = [...wp.posts.values()][0]!.content;
    expect(images(content)).toEqual([
      libraryImage(a!, 'A &quot;chart&quot; &amp; more'),
      { id: undefined, src: escaped(B), className: undefined, alt: '' },
      libraryImage(c!, 'A photo'),
    ]);
    expect(content).not.toMatch(/<img src="media\//);
  });

  it('PHP\'s upload_max_filesize (500 rest_upload_unknown_error, as recorded): named as too large', async () => {
    const wp = new FakeWordPress();
    wp.refuse = (name) => (name.startsWith('GCharlie3') ? json(500, recordedBody('media-too-large-multipart'), `${wp.url}/?rest_route=/wp/v2/media`) : undefined);
    const report = await send(wp, depsFor(wp).deps);
    expect(report.notSent).toEqual([{ url: C, reason: expect.stringMatching(/refused a picture as too large.*upload_max_filesize/) }]);
    expect(images([...wp.posts.values()][0]!.content)[2]).toMatchObject({ id: undefined, src: escaped(C) });
  });

  it('a picture with no bytes to send: not sent, with the reason, and the others go up', async () => {
    const wp = new FakeWordPress();
    const { deps } = depsFor(wp, new Map(), {
      picture: async (url) => (url === A ? { missing: 'no copy is kept, and pbs.twimg.com answered HTTP 404' } : PICTURES.get(url)!),
    });
    const report = await send(wp, deps);
    expect(report.notSent).toEqual([{ url: A, reason: 'no copy is kept, and pbs.twimg.com answered HTTP 404' }]);
    expect(report.uploaded).toBe(2);
    expect(wp.uploads()).toHaveLength(2);
    expect(images([...wp.posts.values()][0]!.content)[0]).toMatchObject({ id: undefined, src: escaped(A) });
  });

  it('a copy that is not a picture WordPress takes (SVG) is not sent', async () => {
    const wp = new FakeWordPress();
    const { deps } = depsFor(wp, new Map(), {
      picture: async (url) => (url === B ? { type: 'image/svg+xml', bytes: new Uint8Array([60, 115, 118, 103]) } : PICTURES.get(url)!),
    });
    const report = await send(wp, deps);
    expect(report.notSent).toEqual([{ url: B, reason: expect.stringContaining('image/svg+xml') }]);
    expect([...wp.media.values()].map((m) => m.type)).toEqual(['image/jpeg', 'image/jpeg']);
  });

  it('a user who may not upload: nothing uploaded, every picture points at X, the draft is still made', async () => {
    const wp = new FakeWordPress();
    (wp.me.capabilities as Record<string, boolean>).upload_files = false;
    const { deps, progress } = depsFor(wp);
    const report = await send(wp, deps);
    expect(wp.uploads()).toHaveLength(0);
    expect(report).toMatchObject({ made: 'created', uploaded: 0, reused: 0 });
    expect(report.notSent).toEqual([A, B, C].map((url) => ({ url, reason: 'roundup may not upload pictures to the site' })));
    expect(images([...wp.posts.values()][0]!.content).map((i) => [i.id, i.src])).toEqual([A, B, C].map((url) => [undefined, escaped(url)]));
    expect(progress.mock.calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });
});
