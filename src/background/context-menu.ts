// "Clip this post" on any link to a post on x.com, twitter.com or bsky.app, or to a status on a
// Mastodon server, on any page.
// The background cannot see a page's DOM. On an X page the tab's content script holds the post
// (when it is on screen) and clips it with every field; anywhere else — or when the post is not
// on the page — the link itself is stored as a minimal post marked partial (id, permalink and
// handle from the URL), which the editor shows as partly read. Bluesky and Mastodon posts are
// read whole from their network's public API (background/bluesky.ts, mastodon.ts).
import { browser, type Menus, type Tabs } from '../platform';
import { postIdOfLink, X_POST_LINK_PATTERNS } from '../capture';
import type { ContentMessage, ContentReply } from '../messages';
import type { Handlers } from './router';
import { blueskyPostLink, mastodonStatusLink, possibleInstance } from '../model/networks';
import { askedInstances, askToRunOn, enabledInstances, markAsked } from '../platform/instances';
import { sayOnPage } from '../platform/page-notice';
import { t } from '../platform/i18n';
import { contextMenusApi, type ContextMenusApi } from '../platform/optional-apis';

/** Link patterns (`targetUrlPatterns`) of Bluesky post links. */
const BLUESKY_POST_LINK_PATTERNS = ['https://bsky.app/profile/*/post/*'];

/**
 * Link patterns of a Mastodon status's address, on any host (any server may run Mastodon):
 * `/@user/<id>` (also `/@user@other.host/<id>`), `/users/user/statuses/<id>`, Mastodon 4.5's
 * `/ap/users/<n>/statuses/<id>`, and the web app's `/deck/@…`, `/statuses/<id>`. A match
 * pattern cannot ask for digits, so the menu also shows on links such as a blog's
 * `/@author/an-article`: a click there does nothing (`mastodonStatusLink` is strict).
 */
export const MASTODON_STATUS_LINK_PATTERNS = [
  '*://*/@*/*',
  '*://*/users/*/statuses/*',
  '*://*/ap/users/*/statuses/*',
  '*://*/deck/@*/*',
  '*://*/statuses/*',
  '*://*/deck/statuses/*',
];

export const CLIP_LINK_MENU = 'roundup-clip-post-link';

/** What a menu click needs, injected so the choice can be tested without a browser. */
export interface MenuDeps {
  /** Asks the content script of that tab and frame to clip the post; true when it did. */
  clipOnPage(tabId: number, frameId: number, postId: string): Promise<boolean>;
  clipLink(url: string, pageUrl: string | undefined): Promise<unknown>;
}

const X_PAGE = /^https:\/\/(?:x\.com|twitter\.com|mobile\.twitter\.com)\//;

/** Clips the linked post, richly from the page when it can; returns how. */
export async function clipFromMenu(
  deps: MenuDeps,
  click: { linkUrl?: string; pageUrl?: string; frameId?: number },
  tabId: number | undefined,
): Promise<'page' | 'link' | 'not-a-post'> {
  const url = click.linkUrl ?? '';
  // A Bluesky post is read whole from Bluesky's API, wherever its link is.
  if (blueskyPostLink(url)) {
    await deps.clipLink(url, click.pageUrl);
    return 'link';
  }
  const postId = postIdOfLink(url);
  if (!postId) {
    // A Mastodon status is read whole from the instance its link names, wherever the link is.
    if (!mastodonStatusLink(url)) return 'not-a-post';
    await deps.clipLink(url, click.pageUrl);
    return 'link';
  }
  if (tabId !== undefined && tabId >= 0 && X_PAGE.test(click.pageUrl ?? '')) {
    // The content script may be missing (page loaded before the extension) or the post may
    // have scrolled away: the link is clipped all the same.
    const done = await deps.clipOnPage(tabId, click.frameId ?? 0, postId).catch(() => false);
    if (done) return 'page';
  }
  await deps.clipLink(url, click.pageUrl);
  return 'link';
}

/**
 * What the page the click came from is told: a link clipped, or why not. A post clipped on X's
 * own page says so there itself (the content script); a link that leads to no post says nothing
 * (the menu shows on some links it cannot know are not posts).
 */
export function menuNotice(outcome: { how: 'page' | 'link' | 'not-a-post' } | { error: unknown }): string | null {
  if ('error' in outcome) {
    const reason = ((outcome.error as Error | null)?.message || t('itCouldNotBeRead')).replace(/\.$/, '');
    return t('menuCouldNotClip', reason);
  }
  return outcome.how === 'link' ? t('clippedToRoundup') : null;
}

function browserDeps(handlers: Handlers): MenuDeps {
  return {
    async clipOnPage(tabId, frameId, postId) {
      const message: ContentMessage<'clipPostById'> = { type: 'clipPostById', postId };
      const reply = (await browser.tabs.sendMessage(tabId, message, { frameId })) as ContentReply<'clipPostById'> | undefined;
      return reply?.ok === true && reply.value.found;
    },
    clipLink: (url, pageUrl) => handlers.clipLink(pageUrl === undefined ? { url } : { url, pageUrl }, {}),
  };
}

function createMenu(menus: ContextMenusApi): void {
  // Menus outlive a stopped worker but not a browser restart in every browser: start clean.
  void menus.removeAll().then(() => {
    menus.create({
      id: CLIP_LINK_MENU,
      title: t('clipThisPost'),
      contexts: ['link'],
      targetUrlPatterns: [...X_POST_LINK_PATTERNS, ...BLUESKY_POST_LINK_PATTERNS, ...MASTODON_STATUS_LINK_PATTERNS],
    });
  });
}

/**
 * The first "Clip this post" on a link to a status on a server Roundup does not run on yet asks
 * the writer to let it run there (Roundup then clips posts on that server's own pages). Asked
 * in the click's own task — browsers ask only from a user's action — so from what is known in
 * memory: the servers enabled or asked before, read when the menu starts.
 */
function instanceOffer(): (linkUrl: string | undefined) => { origin: string; granted: Promise<boolean> } | null {
  const known = new Set<string>();
  void Promise.all([enabledInstances(), askedInstances()]).then(([a, b]) => [...a, ...b].forEach((o) => known.add(o)), () => {});
  return (linkUrl) => {
    const page = linkUrl && mastodonStatusLink(linkUrl) ? possibleInstance(linkUrl) : null;
    if (!page || known.has(page.origin)) return null;
    known.add(page.origin);
    void markAsked(page.origin).catch(() => {});
    return { origin: page.origin, granted: askToRunOn(page.origin).catch(() => false) };
  };
}

/** Makes the menu and listens for its clicks; where the browser has none (Firefox for Android), does nothing. */
export function startContextMenu(handlers: Handlers): void {
  const menus = contextMenusApi();
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => createMenu(menus));
  browser.runtime.onStartup.addListener(() => createMenu(menus));
  const deps = browserDeps(handlers);
  const offer = instanceOffer();
  menus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId !== CLIP_LINK_MENU) return;
    const asked = offer(info.linkUrl);
    const say = (text: string | null) => (text && tab?.id !== undefined && tab.id >= 0 ? sayOnPage(tab.id, text, info.frameId ?? 0) : undefined);
    clipFromMenu(deps, info, tab?.id)
      .then(async (how) => {
        await say(menuNotice({ how }));
        // Granted, and the link was read as a Mastodon status: the server is Mastodon's, enable it.
        if (asked && how === 'link' && (await asked.granted)) await handlers.enableMastodon({ origin: asked.origin }, {});
      }, (error: unknown) => say(menuNotice({ error })))
      .catch((e: unknown) => console.warn('Roundup could not clip the link:', e));
  });
}
