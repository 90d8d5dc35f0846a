// The background's copy work without a browser: the real store on fake-indexeddb, the real
// handlers, the real copier, and a fake fetch that answers with real Response objects.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { createCopier, type CopierStore } from '../../../src/background/copies';
import { createHandlers } from '../../../src/background/handlers';
import type { Post } from '../../../src/model/post';
import { createStores, openRoundupDb, type Db, type Stores } from '../../../src/store';
import { makePost } from './posts';

/** The first bytes of each kind of picture, padded: enough for the copier's sniffing. */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 2, 3]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 9, 9]);

/** An answer as pbs.twimg.com gives one: the bytes, with their type and length. */
export function picture(bytes: Uint8Array<ArrayBuffer> = JPEG, type = 'image/jpeg', headers: Record<string, string> = {}): Response {
  return new Response(bytes, { status: 200, headers: { 'content-type': type, 'content-length': String(bytes.length), ...headers } });
}

/** A Response whose `url` says where redirects ended (a constructed Response has none). */
export function landedAt(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

type Answer = Response | Error | (() => Response | Promise<Response>);

/**
 * A fetch that answers each URL as `routes` says (a Response, a thrown Error, or a function);
 * anything else is a 404. Answers are made fresh per call (a body is read once).
 */
export function fakeFetch(routes: Record<string, Answer> = {}, fallback: (url: string) => Response = () => picture()) {
  return vi.fn(async (url: string): Promise<Response> => {
    const answer = routes[url];
    if (answer === undefined) return fallback(url);
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer();
    return answer.clone();
  });
}

export const AVATAR = 'https://pbs.twimg.com/profile_images/1111/avatar_normal.jpg';
export const PHOTO = 'https://pbs.twimg.com/media/GPhoto1?format=jpg&name=orig';
export const PHOTO_LARGE = 'https://pbs.twimg.com/media/GPhoto1?format=jpg&name=large';
export const POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/2222/pu/img/still.jpg';
export const CARD = 'https://pbs.twimg.com/card_img/3333/card?format=jpg&name=600x314';
export const QUOTED_AVATAR = 'https://pbs.twimg.com/profile_images/4444/quoted_normal.jpg';
export const QUOTED_PHOTO = 'https://pbs.twimg.com/media/GQuoted?format=png&name=orig';
export const QUOTED_PHOTO_LARGE = 'https://pbs.twimg.com/media/GQuoted?format=png&name=large';

/** A post that shows every kind of picture: avatar, photo, video still, card, and a quoted post's avatar and photo. */
export function richPost(n = 1, overrides: Partial<Post> = {}): Post {
  return makePost(n, {
    author: { name: `Author ${n}`, handle: `author${n}`, avatarUrl: AVATAR },
    media: [
      { kind: 'image', url: PHOTO, alt: 'A chart' },
      { kind: 'video', url: 'https://video.twimg.com/ext_tw_video/2222/pu/vid/720x720/v.mp4', posterUrl: POSTER },
    ],
    card: { url: 'https://t.co/abc', title: 'A page', image: { url: CARD } },
    quoted: makePost(90 + n, {
      author: { name: 'Quoted', handle: 'quoted', avatarUrl: QUOTED_AVATAR },
      media: [{ kind: 'image', url: QUOTED_PHOTO }],
    }),
    ...overrides,
  });
}

/** A post with just an avatar at `url`. */
export function postWithAvatar(n: number, url: string): Post {
  return makePost(n, { author: { name: `Author ${n}`, handle: `author${n}`, avatarUrl: url } });
}

let counter = 0;
const open: Db[] = [];

export function closeAll(): void {
  for (const db of open.splice(0)) db.close();
}

export interface CopyRig {
  db: Db;
  store: Stores;
  handlers: ReturnType<typeof createHandlers>;
  copier: ReturnType<typeof createCopier>;
  fetch: ReturnType<typeof fakeFetch>;
  /** The copier's clock, in ms: move it to make retries due. */
  clock: { now: number };
  /** Whether the media hosts' permission is granted. */
  permission: { granted: boolean };
  /** How often the copier told the views it stored something. */
  stored: { count: number };
  /** Waits until every copy started is done. */
  settled(): Promise<void>;
}

/**
 * A store, handlers and a copier over one fresh database. `copierStore` changes what the copier
 * writes with (a full disk); `db` reuses a database (a worker started again).
 */
export async function rig(options: {
  fetch?: ReturnType<typeof fakeFetch>;
  copierStore?: (store: Stores) => CopierStore;
  db?: Db;
  start?: number;
} = {}): Promise<CopyRig> {
  const db = options.db ?? (await openRoundupDb(`copies-${++counter}`));
  if (!options.db) open.push(db);
  const clock = { now: options.start ?? Date.UTC(2026, 2, 1, 12) };
  const store = createStores(db, { now: () => new Date(clock.now).toISOString() });
  const fetch = options.fetch ?? fakeFetch();
  const permission = { granted: true };
  const stored = { count: 0 };
  const copierStore = options.copierStore ? options.copierStore(store) : store;
  const copier = createCopier({
    store: async () => copierStore,
    fetch,
    now: () => clock.now,
    mayFetch: async () => permission.granted,
    onStored: () => void stored.count++,
  });
  const handlers = createHandlers(store, () => {}, copier);
  return { db, store, handlers, copier, fetch, clock, permission, stored, settled: () => copier.idle() };
}

/** The URLs the fake fetch was asked for, in order. */
export const fetched = (f: ReturnType<typeof fakeFetch>): string[] => f.mock.calls.map(([url]) => url);
