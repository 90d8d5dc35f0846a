// Bluesky's public AppView (no sign-in): the post a writer clips, read whole — its exact text
// and facets, its pictures with their alt text, its quote, and the CID Bluesky's embed needs.
// The page gives a partial read at once (content script); this fills it in. A link clipped
// from any page is read here too. The fetch is the platform's; reading the JSON is
// capture/bluesky-api.ts's. Errors come back as sentences for the writer.
import type { Post } from '../model/post';
import { BLUESKY_API, blueskyPostIdFor, blueskyPostLink, blueskyPostUrl } from '../model/networks';
import { readApiError, readGetPosts, readThread } from '../capture/bluesky-api';
import { linkOnlyPost } from '../capture/link-post';
import { t } from '../platform/i18n';

export interface ApiAnswer {
  status: number;
  body: string;
  retryAfter?: string;
}

export interface BlueskyDeps {
  /** A GET on the public API (platform/api-fetch.ts); throws when it cannot be reached. */
  get(url: string): Promise<ApiAnswer>;
  now(): string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const xrpc = (method: string, params: Record<string, string>) => `${BLUESKY_API}/xrpc/${method}?${new URLSearchParams(params)}`;

export interface Bluesky {
  /** The post with this at:// URI, read from the API. */
  post(atUri: string, pageUrl: string): Promise<Result<Post>>;
  /** The post a bsky.app link names (its author by handle or DID). */
  postOfLink(url: string, pageUrl: string): Promise<Result<Post>>;
  /** The author's self-thread around the post, in order (getPostThread). */
  thread(atUri: string, pageUrl: string): Promise<Result<Post[]>>;
}

export function createBluesky(deps: BlueskyDeps): Bluesky {
  async function call(url: string): Promise<Result<unknown>> {
    let answer: ApiAnswer;
    try {
      answer = await deps.get(url);
    } catch (e) {
      return { ok: false, error: t('blueskyUnreachable', ((e as Error).message || t('noAnswer')).replace(/[.\s]+$/, '')) };
    }
    if (answer.status !== 200) return { ok: false, error: readApiError(answer.status, answer.body, answer.retryAfter) };
    try {
      return { ok: true, value: JSON.parse(answer.body) as unknown };
    } catch {
      return { ok: false, error: t('blueskyNotPostData') };
    }
  }

  async function post(atUri: string, pageUrl: string): Promise<Result<Post>> {
    const json = await call(xrpc('app.bsky.feed.getPosts', { uris: atUri }));
    if (!json.ok) return json;
    const { posts, errors } = readGetPosts(json.value, { capturedAt: deps.now(), pageUrl });
    const found = posts[0];
    if (found) return { ok: true, value: found };
    return { ok: false, error: errors[0] ?? t('blueskyPostGone') };
  }

  async function did(actor: string): Promise<Result<string>> {
    if (actor.startsWith('did:')) return { ok: true, value: actor };
    const json = await call(xrpc('com.atproto.identity.resolveHandle', { handle: actor }));
    if (!json.ok) return json;
    const value = (json.value as { did?: unknown } | null)?.did;
    return typeof value === 'string' && /^did:(?:plc|web):/.test(value) ? { ok: true, value } : { ok: false, error: t('blueskyUnknownHandle', actor) };
  }

  async function thread(atUri: string, pageUrl: string): Promise<Result<Post[]>> {
    const json = await call(xrpc('app.bsky.feed.getPostThread', { uri: atUri, depth: '100', parentHeight: '100' }));
    if (!json.ok) return json;
    const { posts, errors } = readThread(json.value, { capturedAt: deps.now(), pageUrl });
    return posts.length ? { ok: true, value: posts } : { ok: false, error: errors[0] ?? t('blueskyNoThread') };
  }

  return {
    post,
    thread,
    async postOfLink(url, pageUrl) {
      const link = blueskyPostLink(url);
      if (!link) return { ok: false, error: t('notABlueskyLink') };
      const author = await did(link.actor);
      if (!author.ok) return author;
      return post(`at://${author.value}/app.bsky.feed.post/${link.rkey}`, pageUrl);
    },
  };
}

/** A post known only from its link (the API could not be asked): its id needs the author's DID. */
export function blueskyPostFromLink(url: string, pageUrl: string, capturedAt: string): Post | null {
  const link = blueskyPostLink(url);
  const id = link && blueskyPostIdFor(link.actor, link.rkey);
  if (!link || !id) return null;
  return linkOnlyPost({ id, site: 'bluesky', url: blueskyPostUrl(link.actor, link.rkey), author: { name: '', handle: '' }, pageUrl, capturedAt });
}
