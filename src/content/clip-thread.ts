// "Clip thread": on a post's own page, a button beside the post's "Clip post" that clips its
// author's self-thread, in order, as consecutive items. On X the thread is read from the page
// (capture/x-self-thread.ts) — what X shows; the writer is told when X has not loaded the
// rest. On Bluesky and Mastodon the background reads the thread from the network's API (a
// Mastodon status's home instance), which has all of it.
// One feature, one file: it asks the page's adapter where the post's button goes, and is
// wired in start.ts.
import { capturePosts } from '../capture';
import { selfThread } from '../capture/x-self-thread';
import { blueskyIdParts } from '../model/networks';
import { send } from '../platform/messaging';
import { OWN_ATTRIBUTE } from './attributes';
import type { NetworkAdapter } from './network';
import { plural, sentences, t, uiDirection, uiLanguage } from '../platform/i18n';

export const THREAD_ATTRIBUTE = 'data-roundup-thread';

/** Its look, for the page stylesheet: a small pill in the post's action row. */
export const THREAD_BUTTON_CSS = `
button[${THREAD_ATTRIBUTE}] {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; height: 28px; padding: 0 10px; margin: 3px 0; margin-inline-start: 4px;
  border: 1px solid var(--roundup-line, rgb(207, 217, 222)); border-radius: 9999px; cursor: pointer; white-space: nowrap;
  font: 600 13px/1 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--roundup-fg, rgb(15, 20, 25));
}
button[${THREAD_ATTRIBUTE}]:hover { color: var(--roundup-accent, rgb(29, 155, 240)); border-color: var(--roundup-accent, rgb(29, 155, 240)); }
button[${THREAD_ATTRIBUTE}]:focus-visible { outline: 2px solid var(--roundup-accent, rgb(29, 155, 240)); outline-offset: 1px; }
button[${THREAD_ATTRIBUTE}][aria-busy="true"] { opacity: .5; cursor: progress; }`;

/** The post this page is about, from its address: `x:<id>` on X, the record key on Bluesky; elsewhere the adapter says. */
function pagePost(site: NetworkAdapter['site'], url: URL): { postId?: string; rkey?: string; adapter?: true } | null {
  if (site === 'x') {
    const m = /^\/[A-Za-z0-9_]{1,50}\/status\/(\d{1,25})(?:\/|$)/.exec(url.pathname);
    return m ? { postId: `x:${m[1]}` } : null;
  }
  if (site === 'bluesky') {
    const m = /^\/profile\/[^/]+\/post\/([A-Za-z0-9._~:-]{1,64})\/?$/.exec(url.pathname);
    return m ? { rkey: m[1] } : null;
  }
  return { adapter: true };
}

export type Say = (text: string, options?: { ms?: number }) => void;

/** The button's work: the thread to the background, and what happened, said on the page. */
async function clipThread(site: NetworkAdapter['site'], postId: string, say: Say): Promise<void> {
  if (site === 'x') {
    const thread = selfThread(capturePosts(document, location.href), postId);
    if (!thread) return say(t('threadUnreadable'));
    const { added } = await send('clipThread', { posts: thread.posts });
    const n = thread.posts.length;
    const done = n === 1 ? t('threadSingle')
      : added === 0 ? plural('threadAllThere', n)
      : added < n ? plural('threadClippedSome', n, added)
      : plural('threadClipped', n);
    return say(sentences(done, thread.more && t('threadMore')), { ms: 6000 });
  }
  const { added, count } = await send('clipThreadOf', { postId });
  say(added === 0 ? plural('threadAlreadyThere', count) : plural('threadAdded', added), { ms: 6000 });
}

/**
 * Gives the page's own post its "Clip thread" button, when `post` is it. Called for every
 * post the tracker finds, so cheap for all the others: one comparison of ids.
 */
export function createThreadButton(network: NetworkAdapter, say: Say) {
  // Hot path (every post of an endless timeline): the address is read again only when it changed.
  let href = '';
  let here: ReturnType<typeof pagePost> = null;
  return function consider(post: Element, postId: string): void {
    if (location.href !== href) {
      href = location.href;
      here = pagePost(network.site, new URL(href));
    }
    if (!here) return;
    const mine = here.postId ? here.postId === postId
      : here.rkey ? blueskyIdParts(postId)?.rkey === here.rkey
      : network.isPagePost?.(post, href) === true;
    if (!mine || post.querySelector(`button[${THREAD_ATTRIBUTE}]`)) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('clipThread');
    button.lang = uiLanguage();
    button.dir = uiDirection();
    button.setAttribute(THREAD_ATTRIBUTE, postId);
    button.setAttribute(OWN_ATTRIBUTE, 'thread');
    button.title = t('clipThreadHint');
    button.addEventListener('click', (event) => {
      // The post around it is a link on some sites: the click is ours alone.
      event.preventDefault();
      event.stopPropagation();
      if (button.getAttribute('aria-busy') === 'true') return;
      button.setAttribute('aria-busy', 'true');
      clipThread(network.site, postId, say)
        .catch((e: Error) => say(t('threadFailed', e.message)))
        .finally(() => button.removeAttribute('aria-busy'));
    });
    network.buttonPlace(post).append(button);
  };
}
