// The content script's adapter for a Mastodon instance's pages (content/mastodon.ts's).
import {
  MASTODON_POST_SELECTOR, captureMastodonPost, isQuotedStatus, mastodonButtonPlace, mastodonPagePost, mastodonPostIdOnPage, mastodonStatusOnPage,
} from '../capture/mastodon-page';
import { getApi } from '../platform/api-fetch';
import { createMastodonIds } from './mastodon-ids';
import type { NetworkAdapter } from './network';

/**
 * A Mastodon instance's pages (the writer enabled Roundup there: platform/instances.ts). A
 * status of this instance's own account is named from the page; another server's once this
 * instance's API says where it lives (mastodon-ids.ts). What is clipped is what the page
 * shows, partial: the background reads it whole from the status's home instance.
 */
export function mastodonAdapter(origin: string, get = getApi): NetworkAdapter {
  const ids = createMastodonIds(origin, get);
  // The status the page's address is about, read again only when the address changes: asked
  // for every post of an endless timeline ("Clip thread"), where it is nearly always none.
  let page = { url: '', status: null as ReturnType<typeof mastodonPagePost> };
  const pageStatus = (url: string) => {
    if (url !== page.url) page = { url, status: mastodonPagePost(url) };
    return page.status;
  };
  const statusUrl = (post: Element): string | undefined => {
    const on = mastodonStatusOnPage(post, location.href);
    return on ? (on.statusUrl ?? ids.known(on.localId)) : undefined;
  };
  return {
    site: 'mastodon',
    postSelector: MASTODON_POST_SELECTOR,
    postIdOf: (post) => mastodonPostIdOnPage(post, location.href, ids.known),
    isPromoted: () => false,
    isWrapper: isQuotedStatus,
    capturePost(post, pageUrl) {
      const url = statusUrl(post);
      return url ? captureMastodonPost(post, pageUrl, new Date().toISOString(), url) : null;
    },
    buttonPlace: mastodonButtonPlace,
    isPagePost(post, url) {
      const here = pageStatus(url);
      return here !== null && mastodonStatusOnPage(post, url)?.localId === here.localId;
    },
    idLater(post, then) {
      const on = mastodonStatusOnPage(post, location.href);
      if (on) ids.resolve(on.localId, then);
    },
  };
}

