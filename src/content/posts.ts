// Finds the posts on the page, including those that arrive later (infinite scroll, navigation
// inside the site's single-page app). Hot path, so: mutations are gathered and handled once per
// animation frame; a node added inside a post costs one `closest` and one WeakMap lookup;
// each post is identified (id, ad or not) once and remembered in a WeakMap, which lets go of
// posts the site removes; nothing reads layout. What a post is, and its id, is the network's
// (network.ts): X's unless told otherwise.
import { OWN_ATTRIBUTE, POST_ATTRIBUTE } from './attributes';
import { X_ADAPTER, type NetworkAdapter } from './network';

/** Called for a new post, and again when something is added inside a known one. */
export type OnPost = (post: Element, postId: string) => void;

export interface PostTracker {
  /** The post (offered for clipping) that holds `node`, if any. */
  postOf(node: Element | null): Element | null;
  idOf(post: Element): string | null;
  /** The post elements on the page now showing this post. */
  elementsOf(postId: string): Element[];
}

export function trackPosts(signal: AbortSignal, onPost: OnPost, network: NetworkAdapter = X_ADAPTER): PostTracker {
  const POST = network.postSelector;
  const { postIdOf, isPromoted } = network;
  // Post element → its id, or null for one not offered (an ad, or the photo viewer's wrapper).
  const known = new WeakMap<Element, string | null>();

  function consider(el: Element): void {
    const seen = known.get(el);
    if (seen) {
      // Something was added inside a known post, or X reused its element for another post:
      // the id is read again (additions inside posts are few; new posts come as new cells).
      const now = postIdOf(el);
      if (now && now !== seen) {
        known.set(el, now);
        el.setAttribute(POST_ATTRIBUTE, now);
      }
      return onPost(el, now ?? seen);
    }
    if (seen === null) return;
    // X's photo viewer's div wraps articles: those are the posts.
    if (network.isWrapper(el)) return void known.set(el, null);
    const postId = postIdOf(el);
    // X fills a post in late: looked at again when its parts arrive. A Mastodon status of
    // another server's account is named once its instance says where it lives.
    if (!postId) return network.idLater?.(el, () => el.isConnected && consider(el));
    if (isPromoted(el)) return void known.set(el, null);
    known.set(el, postId);
    el.setAttribute(POST_ATTRIBUTE, postId);
    onPost(el, postId);
  }

  function scan(nodes: Element[]): void {
    const candidates = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      // Sites add whole timeline cells: the posts inside are found first, and only a node
      // holding none (a post itself, or a part of one) looks up through its ancestors.
      const inner = node.firstElementChild ? node.querySelectorAll(POST) : null;
      if (inner?.length) for (const p of inner) candidates.add(p);
      else {
        const inside = node.closest(POST);
        if (inside) candidates.add(inside);
      }
    }
    for (const el of candidates) consider(el);
  }

  let pending: Element[] = [];
  let frame = 0;
  const flush = () => {
    frame = 0;
    const batch = pending;
    pending = [];
    scan(batch);
    // The only mutations since the observer last ran are the buttons just added: dropping
    // their records spares a callback per batch that would only skip them.
    observer.takeRecords();
  };
  const observer = new MutationObserver((records) => {
    // Index loops: this runs for every mutation on the page, our own button insertions included.
    for (let r = 0; r < records.length; r++) {
      const added = records[r]!.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i]!;
        if (node.nodeType === 1 && !(node as Element).hasAttribute(OWN_ATTRIBUTE)) pending.push(node as Element);
      }
    }
    if (pending.length && !frame) frame = requestAnimationFrame(flush);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  for (const p of document.querySelectorAll(POST)) consider(p);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    pending = [];
    for (const el of document.querySelectorAll(`[${POST_ATTRIBUTE}]`)) el.removeAttribute(POST_ATTRIBUTE);
  });

  return {
    postOf(node) {
      const post = node?.closest(`[${POST_ATTRIBUTE}]`) ?? null;
      return post && known.get(post) ? post : null;
    },
    idOf: (post) => known.get(post) ?? null,
    elementsOf: (postId) => Array.from(document.querySelectorAll(`[${POST_ATTRIBUTE}="${CSS.escape(postId)}"]`)),
  };
}
