// A status's post id on a Mastodon instance's pages. The web app names each status by its id on
// the instance the writer is reading (`/@user@other.host/<local id>`), but a post's id in
// Roundup is its address on its HOME instance (model/networks.ts), which the page shows only
// for the instance's own accounts. For the others the instance's API says it (the status's
// `url`): asked a batch at a time (`GET /api/v1/statuses?id[]=…`, Mastodon 4.3 and later; one
// by one before that), remembered for the page's life. The page's own origin answers (no
// cookies), so no permission beyond running here is needed.
import { mastodonPostId } from '../model/networks';
import type { ApiAnswer } from '../platform/api-fetch';

/** Ids in one request: no more than a page of statuses (20), which any instance with the route answers. */
const BATCH = 20;
/** Statuses asked one by one at once, where the batch route is missing. */
const ONE_BY_ONE = 4;
/** An id the instance could not resolve is asked again after this long (deleted, private, or the server busy). */
const RETRY_MS = 60_000;

export interface MastodonIds {
  /** The status's address on its home instance, once known. */
  known(localId: string): string | undefined;
  /** Asks for the status's address; `then` runs once it is known (never, if it cannot be). */
  resolve(localId: string, then: () => void): void;
}

export function createMastodonIds(origin: string, get: (url: string) => Promise<ApiAnswer>, now: () => number = Date.now): MastodonIds {
  const urls = new Map<string, string>();
  const waiting = new Map<string, Array<() => void>>();
  const failedAt = new Map<string, number>();
  let queued: string[] = [];
  let scheduled = false;
  /** Whether the instance has the batch route; learnt from its first answer. */
  let batch = true;
  /** Until when the instance asked us to wait (429). */
  let pausedUntil = 0;

  function learn(status: unknown): string | null {
    if (typeof status !== 'object' || status === null) return null;
    const { id, url } = status as { id?: unknown; url?: unknown };
    if (typeof id !== 'string' || typeof url !== 'string' || !mastodonPostId(url)) return null;
    urls.set(id, url);
    const callbacks = waiting.get(id) ?? [];
    waiting.delete(id);
    for (const then of callbacks) then();
    return id;
  }

  function fail(ids: string[], answer?: ApiAnswer): void {
    if (answer?.status === 429) {
      const seconds = Number(answer.retryAfter);
      pausedUntil = now() + (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 900) * 1000 : RETRY_MS);
    }
    for (const id of ids) {
      failedAt.set(id, now());
      waiting.delete(id);
    }
  }

  async function askBatch(ids: string[]): Promise<void> {
    const query = ids.map((id) => `id[]=${encodeURIComponent(id)}`).join('&');
    const answer = await get(`${origin}/api/v1/statuses?${query}`);
    if (answer.status === 200) {
      let list: unknown;
      try {
        list = JSON.parse(answer.body);
      } catch {
        list = null;
      }
      if (Array.isArray(list)) {
        const found = new Set(list.map(learn));
        fail(ids.filter((id) => !found.has(id)));
        return;
      }
    }
    if (answer.status === 429) return fail(ids, answer);
    // No batch route (before 4.3 the path is another route's, or unknown): one by one from now on.
    batch = false;
    await askEach(ids);
  }

  async function askEach(ids: string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        if (now() < pausedUntil) return fail([id]);
        const answer = await get(`${origin}/api/v1/statuses/${encodeURIComponent(id)}`);
        let status: unknown = null;
        if (answer.status === 200) {
          try {
            status = JSON.parse(answer.body);
          } catch {
            status = null;
          }
        }
        if (!learn(status)) fail([id], answer);
      }
    };
    await Promise.all(Array.from({ length: Math.min(ONE_BY_ONE, ids.length) }, worker));
  }

  function flush(): void {
    scheduled = false;
    const ids = queued;
    queued = [];
    if (now() < pausedUntil) return fail(ids);
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      (batch ? askBatch(chunk) : askEach(chunk)).catch(() => fail(chunk));
    }
  }

  return {
    known: (localId) => urls.get(localId),
    resolve(localId, then) {
      if (urls.has(localId)) return then();
      const failed = failedAt.get(localId);
      if (failed !== undefined && now() - failed < RETRY_MS) return;
      const callbacks = waiting.get(localId);
      if (callbacks) return void callbacks.push(then);
      waiting.set(localId, [then]);
      queued.push(localId);
      // The statuses a timeline adds in one go are asked together.
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    },
  };
}
