// Chrome's offscreen document as the background's DOM (a service worker has none): it is
// opened when a Mastodon status is to be read, asked to read it (src/offscreen: its own
// DOMParser, capture/mastodon-api.ts `readStatus`), and closed once idle. At most one is open
// (Chrome allows one per extension); concurrent reads share it. Its answer is checked as
// any post from outside is: `parsePost`, the pass every stored post takes.
//
// A worker stopped while the document is open loses its idle timer: the next worker finds the
// document (`runtime.getContexts`) and closes it after its own next read.
import type { ReadPost } from '../capture/mastodon-api';
import { parsePost } from '../model/parse-post';
import { isRecord } from '../model/validate';
import { OFFSCREEN_TARGET, type ReadStatusMessage, type StatusReadAt } from '../offscreen/protocol';
import { t } from './i18n';

export const OFFSCREEN_PAGE = 'offscreen.html';
const JUSTIFICATION = 'Read a Mastodon status’s HTML into words and links';
/** Closed this long after its last read; well within the worker's own idle time (30 s). */
const IDLE_MS = 10_000;
/** A read the page does not answer within this long is given up (it never takes more than a moment). */
const ANSWER_MS = 15_000;
/** What `runtime.sendMessage` rejects with when no page listens (the document is gone). */
const NO_LISTENER = /Receiving end does not exist|Could not establish connection|message port closed/i;

/** The parts of `chrome.offscreen` used. */
export interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** The parts of `chrome.runtime` used. */
export interface OffscreenRuntime {
  getURL(path: string): string;
  getContexts(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  sendMessage(message: unknown): Promise<unknown>;
}

export interface OffscreenDeps {
  offscreen: OffscreenApi;
  runtime: OffscreenRuntime;
  idleMs?: number;
  answerMs?: number;
}

export interface OffscreenReader {
  read(status: unknown, at: StatusReadAt): Promise<ReadPost>;
  /** Closes the document now if it is open and idle (tests; the idle timer does it otherwise). */
  closeIfIdle(): Promise<void>;
}

export function createOffscreenReader(deps: OffscreenDeps): OffscreenReader {
  const idleMs = deps.idleMs ?? IDLE_MS;
  const answerMs = deps.answerMs ?? ANSWER_MS;
  /** Settles once the document is open, as far as this worker knows; null when it may not be. */
  let ready: Promise<void> | null = null;
  let closing: Promise<void> | null = null;
  let busy = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function open(): Promise<void> {
    const url = deps.runtime.getURL(OFFSCREEN_PAGE);
    const found = await deps.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (found.length > 0) return; // left open by an earlier worker
    // Resolves once the page has loaded, its listener added.
    await deps.offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['DOM_PARSER'], justification: JUSTIFICATION });
  }

  async function ensure(): Promise<void> {
    while (closing) await closing;
    if (!ready) {
      const opening = open();
      ready = opening;
      opening.catch(() => {
        if (ready === opening) ready = null;
      });
    }
    await ready;
  }

  function close(): Promise<void> {
    if (busy > 0 || closing || !ready) return closing ?? Promise.resolve();
    ready = null;
    const done = deps.offscreen.closeDocument().catch(() => {}).finally(() => {
      if (closing === done) closing = null;
    });
    closing = done;
    return done;
  }

  async function ask(message: ReadStatusMessage): Promise<unknown> {
    let stop: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      stop = setTimeout(() => reject(new Error(t('readerDidNotAnswer'))), answerMs);
    });
    try {
      return await Promise.race([deps.runtime.sendMessage(message), late]);
    } finally {
      clearTimeout(stop);
    }
  }

  async function read(status: unknown, at: StatusReadAt): Promise<ReadPost> {
    busy++;
    clearTimeout(timer);
    const message: ReadStatusMessage = { target: OFFSCREEN_TARGET, type: 'readMastodonStatus', status, at };
    try {
      let answer: unknown;
      await ensure();
      try {
        answer = await ask(message);
      } catch (e) {
        if (!NO_LISTENER.test((e as Error)?.message ?? '')) throw e;
        // Closed behind this worker's back: open it again, once.
        ready = null;
        await ensure();
        answer = await ask(message);
      }
      return checked(answer);
    } catch (e) {
      return { ok: false, error: t('wordsUnreadableWhy', (e as Error)?.message || t('noDomToRead')) };
    } finally {
      busy--;
      if (busy === 0) timer = setTimeout(() => void close(), idleMs);
    }
  }

  return { read, closeIfIdle: close };
}

/** The offscreen page's answer, trusted no more than any message: a post must pass parsePost. */
function checked(answer: unknown): ReadPost {
  if (!isRecord(answer)) return { ok: false, error: t('wordsUnreadableWhy', t('noAnswer')) };
  if (answer.ok === true) {
    const post = parsePost(answer.post);
    return post.ok ? { ok: true, post: post.value } : { ok: false, error: t('postNotKept', post.error) };
  }
  const error = answer.ok === false && typeof answer.error === 'string' ? answer.error.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  return { ok: false, error: error || t('wordsUnreadable') };
}
