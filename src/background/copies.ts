// Keeping copies of the pictures clipped posts show (model/media.ts), so a roundup keeps them
// when the posts are deleted. The background copies a post's pictures after the clip has
// answered (a copy never delays or fails a clip), a few at a time, each from a media host
// only. Nothing here is kept in memory that cannot be lost: a picture not copied yet has no
// record, or a `missing` one, and the next clip, the next worker start, a granted permission
// or the editor asking picks it up again (`resume`). What the fetch, the clock, the permission
// and the store are is passed in, so all of it runs in Node with a fake fetch.
import {
  fetchUrl, isHttps, MAX_COPY_BYTES, MEDIA_HOSTS, NOT_ALLOWED_REASON, sniffImageType, type CopyRecord, type KeptCopy, type MissingCopy, type Picture,
} from '../model/media';
import type { Settings } from '../model/settings';
import type { CopyStore, NotKept } from '../store/copies';
import { t } from '../platform/i18n';

/** A failed copy is tried again no sooner than this × 2^tries after its last try… */
export const RETRY_BASE_MS = 60_000;
/** …and at most this many times on its own (the editor asking tries it anyway). */
export const MAX_TRIES = 10;
/** Downloads at once. */
export const CONCURRENCY = 3;

const HOSTS = MEDIA_HOSTS.join(', ');
const MB = Math.round(MAX_COPY_BYTES / (1024 * 1024));

/** Why a picture has no kept copy, as the writer reads it. */
export const REASONS = {
  permission: NOT_ALLOWED_REASON,
  network: t('copyNetwork'),
  timeout: t('copyTimeout'),
  tooLarge: t('copyTooLarge', MB),
  notAnImage: t('copyNotAnImage'),
  diskFull: t('copyDiskFull'),
  notMediaHost: t('copyNotMediaHost', HOSTS),
  redirected: (host: string) => t('copyRedirected', host, HOSTS),
  http: (host: string, status: number) => t(status === 404 || status === 410 ? 'copyGone' : 'copyHttp', host, status),
  notPicture: (host: string, type: string) => (type ? t('copyNotPicture', host, type) : t('copyNoType', host)),
  notStored: (message: string) => t('copyNotStored', message),
};

/** What the copier needs of the store (store/copies.ts, and the settings). */
export type CopierStore = Pick<CopyStore, 'picturesNotKept' | 'keepCopy' | 'collectCopies'> & {
  getSettings(): Promise<Pick<Settings, 'keepCopies'>>;
};

export interface CopierDeps {
  /** The store, once the database is open (the worker opens it on wake). */
  store(): Promise<CopierStore>;
  /** One GET of a picture's URL (platform/fetch-picture.ts). */
  fetch(url: string): Promise<Response>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Whether the host permission for the media hosts is granted now (platform/permissions.ts). */
  mayFetch(): Promise<boolean>;
  /** After a run that stored (or collected) something: views showing pictures read them again. */
  onStored?(): void;
  concurrency?: number;
}

/** What the handlers ask of the copier; none of it waits for a download, and none of it throws. */
export interface CopyWork {
  /**
   * Copies the pictures these stored posts show that have no kept copy (and are due for a try);
   * then, unless that was done in the last minute, resumes (what a clip asks).
   */
  copyPosts(postIds: readonly string[]): Promise<number>;
  /**
   * Picks up what is not done: every picture a roundup shows without a kept copy, when due for
   * a try (`force`: now, however often it failed). Returns how many are being tried.
   */
  resume(options?: { force?: boolean }): Promise<number>;
  /** Deletes the copies nothing shows any more (store/copies.ts collectCopies). */
  collect(): Promise<number>;
}

const NO_WORK: CopyWork = {
  copyPosts: async () => 0,
  resume: async () => 0,
  collect: async () => 0,
};
/** For handlers made without a copier (tests of other things): copying does nothing. */
export const noCopies = (): CopyWork => NO_WORK;

/** Whether a failed copy may be tried again now: none yet, or its backoff has passed and tries are left. */
export function isDue(record: MissingCopy | undefined, now: number): boolean {
  if (!record) return true;
  if (record.tries >= MAX_TRIES) return false;
  const at = Date.parse(record.triedAt);
  return !Number.isFinite(at) || now >= at + RETRY_BASE_MS * 2 ** record.tries;
}

/** The host of an https address, or null. */
function httpsHost(url: string): string | null {
  return isHttps(url) ? new URL(url).hostname : null;
}

function mediaHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && MEDIA_HOSTS.includes(u.hostname) ? u.hostname : null;
  } catch {
    return null;
  }
}

/** The body, chunk by chunk, or null as soon as it passes `cap` bytes (never holding more). */
async function readCapped(response: Response, cap: number): Promise<Uint8Array[] | null> {
  if (!response.body) return [];
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
}

function firstBytes(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= n) break;
    const part = chunk.subarray(0, n - at);
    out.set(part, at);
    at += part.length;
  }
  return out.subarray(0, at);
}

const discard = (response: Response): void => void response.body?.cancel().catch(() => {});

/**
 * Fetches one picture and judges the answer: a kept copy, or why there is none. Never throws.
 * `previous`: the record of its last failed try, which this one counts on from.
 */
export async function copyPicture(
  picture: Picture,
  fetchPicture: (url: string) => Promise<Response>,
  now: number,
  previous?: MissingCopy,
): Promise<CopyRecord> {
  const at = new Date(now).toISOString();
  const missing = (reason: string): MissingCopy => ({
    url: picture.url, status: 'missing', reason, tries: (previous?.tries ?? 0) + 1, triedAt: at,
  });
  const url = fetchUrl(picture);
  // A Mastodon post's picture may be on any https host; every other one on a network's media host.
  const allowed = (u: string) => (picture.anyHost ? httpsHost(u) : mediaHost(u));
  const host = allowed(url);
  if (!host || !allowed(picture.url)) return missing(REASONS.notMediaHost);
  let response: Response;
  try {
    response = await fetchPicture(url);
  } catch (e) {
    return missing((e as { name?: unknown } | null)?.name === 'TimeoutError' ? REASONS.timeout : REASONS.network);
  }
  // Redirects are followed; where they ended is judged here (an opaque redirect names no host).
  if (response.type === 'opaqueredirect') {
    discard(response);
    return missing(REASONS.redirected('another site'));
  }
  if (response.url) {
    const landed = allowed(response.url);
    if (!landed) {
      discard(response);
      let elsewhere = 'another site';
      try {
        elsewhere = new URL(response.url).host || elsewhere;
      } catch {
        // Not a URL: "another site" says enough.
      }
      return missing(REASONS.redirected(elsewhere));
    }
  }
  if (!response.ok) {
    discard(response);
    return missing(REASONS.http(host, response.status));
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type.startsWith('image/')) {
    discard(response);
    return missing(REASONS.notPicture(host, type));
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_COPY_BYTES) {
    discard(response);
    return missing(REASONS.tooLarge);
  }
  let chunks: Uint8Array[] | null;
  try {
    chunks = await readCapped(response, MAX_COPY_BYTES);
  } catch (e) {
    return missing((e as { name?: unknown } | null)?.name === 'TimeoutError' ? REASONS.timeout : REASONS.network);
  }
  if (!chunks) return missing(REASONS.tooLarge);
  // The bytes say what the picture is (an SVG or a web page is never kept, whatever the header says).
  const sniffed = sniffImageType(firstBytes(chunks, 12));
  if (!sniffed) return missing(REASONS.notAnImage);
  const bytes = new Blob(chunks as BlobPart[], { type: sniffed });
  const kept: KeptCopy = { url: picture.url, status: 'kept', type: sniffed, size: bytes.size, bytes, keptAt: at };
  return kept;
}

const isQuotaError = (e: unknown): boolean => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';

/**
 * The copier: a queue of pictures to copy, `concurrency` at a time, each URL once however many
 * posts show it. Its memory (what is queued) dies with the worker; the store says what is left.
 */
export function createCopier(deps: CopierDeps): CopyWork & {
  /** Resolves once nothing is being read, queued, copied or collected. */
  idle(): Promise<void>;
} {
  const limit = deps.concurrency ?? CONCURRENCY;
  const queue = new Map<string, NotKept>();
  const running = new Set<string>();
  let busy = 0;
  let stored = false;
  let lastResume = -Infinity;
  let waiters: Array<() => void> = [];

  function settle(): void {
    if (busy > 0 || running.size > 0 || queue.size > 0) return;
    if (stored) {
      stored = false;
      try {
        deps.onStored?.();
      } catch (e) {
        console.warn('Roundup could not tell the views about new copies:', e);
      }
    }
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  /** Runs `job` counted as busy; its failure is logged, never thrown: copying never fails a clip. */
  async function track<T>(job: () => Promise<T>, fallback: T): Promise<T> {
    busy++;
    try {
      // After the request that asked has answered: its reply goes out before any copy work starts.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return await job();
    } catch (e) {
      console.warn('Roundup could not keep copies of pictures:', e);
      return fallback;
    } finally {
      busy--;
      settle();
    }
  }

  /** Stores the record; a kept copy the disk has no room for is stored as missing, with that reason. */
  async function write(store: CopierStore, record: CopyRecord, triesBefore: number): Promise<void> {
    try {
      await store.keepCopy(record);
    } catch (e) {
      if (record.status !== 'kept') throw e;
      const reason = isQuotaError(e) ? REASONS.diskFull : REASONS.notStored((e as Error)?.message ?? String(e));
      await store.keepCopy({ url: record.url, status: 'missing', reason, tries: triesBefore + 1, triedAt: record.keptAt });
    }
    stored = true;
  }

  async function copyOne(store: CopierStore, next: NotKept): Promise<void> {
    // Turned off while this one waited its turn: no new copy.
    if (!(await store.getSettings()).keepCopies) return;
    const record = await copyPicture(next.picture, deps.fetch, deps.now(), next.record);
    await write(store, record, next.record?.tries ?? 0);
  }

  function pump(store: CopierStore): void {
    while (running.size < limit && queue.size > 0) {
      const [url, next] = queue.entries().next().value as [string, NotKept];
      queue.delete(url);
      running.add(url);
      void copyOne(store, next)
        .catch((e: unknown) => console.warn('Roundup could not keep a copy of a picture:', e))
        .finally(() => {
          running.delete(url);
          pump(store);
          settle();
        });
    }
  }

  /** Queues what is due (or everything, forced), once the setting and the permission allow. */
  async function schedule(store: CopierStore, found: NotKept[], force: boolean): Promise<number> {
    if (!(await store.getSettings()).keepCopies) return 0;
    const now = deps.now();
    const due = found.filter(({ picture, record }) =>
      !queue.has(picture.url) && !running.has(picture.url) && (force || isDue(record, now)));
    if (due.length === 0) return 0;
    if (!(await deps.mayFetch())) {
      // Not a failure of the picture's: its tries are not counted, and a grant tries it at once.
      const triedAt = new Date(now).toISOString();
      for (const { picture, record } of due) {
        await write(store, { url: picture.url, status: 'missing', reason: REASONS.permission, tries: record?.tries ?? 0, triedAt }, 0);
      }
      return 0;
    }
    for (const item of due) queue.set(item.picture.url, item);
    pump(store);
    return due.length;
  }

  const work: CopyWork = {
    copyPosts(postIds) {
      return track(async () => {
        const store = await deps.store();
        let trying = postIds.length > 0 ? await schedule(store, await store.picturesNotKept(postIds), false) : 0;
        // What a stopped worker left, and failed copies now due: looked for at most once a minute.
        if (deps.now() - lastResume >= RETRY_BASE_MS) {
          lastResume = deps.now();
          trying += await schedule(store, await store.picturesNotKept(), false);
        }
        return trying;
      }, 0);
    },
    resume({ force = false } = {}) {
      lastResume = deps.now();
      return track(async () => {
        const store = await deps.store();
        return schedule(store, await store.picturesNotKept(), force);
      }, 0);
    },
    collect() {
      return track(async () => {
        const deleted = await (await deps.store()).collectCopies();
        if (deleted > 0) stored = true; // the space the copies take changed
        return deleted;
      }, 0);
    },
  };

  return {
    ...work,
    idle: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      settle();
    }),
  };
}
