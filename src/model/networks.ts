// The networks Roundup clips from, in one place: how each names its posts (the id scheme of
// `Post.id`), where its pages and pictures live, and how a link to one of its posts reads.
// Pure. Everything else asks here rather than writing a host name or an id pattern again.

export type Site = 'x' | 'bluesky' | 'mastodon';
export const SITES: readonly Site[] = ['x', 'bluesky', 'mastodon'];

/** The network's name as writers know it. */
export const NETWORK_NAMES: Readonly<Record<Site, string>> = { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon' };

/**
 * `Post.id` is `<scheme>:<the network's own name for the post>` (DESIGN.md):
 * - X: `x:<status id>`;
 * - Bluesky: `bsky:<the post record's at:// URI>`;
 * - Mastodon: `mastodon:<the status's web address on its home instance>` — the same whichever
 *   instance it was read from (a status's id is each instance's own; its address is not).
 */
export const POST_ID_PATTERNS: Readonly<Record<Site, RegExp>> = {
  x: /^x:\d{1,25}$/,
  bluesky: /^bsky:at:\/\/did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}\/app\.bsky\.feed\.post\/[A-Za-z0-9._~:-]{1,64}$/,
  mastodon: /^mastodon:https?:\/\/[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?\/[^\s"'<>\\]{1,2000}$/,
};

/** The longest post id the schemes allow (a Mastodon address). */
export const MAX_POST_ID = 2_300;

/** Any network's post id. */
export const POST_ID_PATTERN = new RegExp(Object.values(POST_ID_PATTERNS).map((p) => `(?:${p.source})`).join('|'));

/** The network a post id belongs to, or null when it is none of theirs. */
export function siteOfPostId(id: string): Site | null {
  for (const site of SITES) if (POST_ID_PATTERNS[site].test(id)) return site;
  return null;
}

// ---- X ----

/** Hosts whose pages run the content script. */
export const X_PAGE_HOSTS: readonly string[] = ['x.com', 'twitter.com', 'mobile.twitter.com'];
/** Every host an X permalink may name. */
export const X_PERMALINK_HOSTS: ReadonlySet<string> = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

// ---- Bluesky ----

/** The web app, whose pages run the content script. */
export const BLUESKY_PAGE_HOSTS: readonly string[] = ['bsky.app'];
/** Bluesky's public AppView: posts and threads without signing in. */
export const BLUESKY_API = 'https://public.api.bsky.app';

/** An at:// URI of a post record: `at://<did>/app.bsky.feed.post/<rkey>`. */
const AT_POST_URI = /^at:\/\/(did:(?:plc|web):[A-Za-z0-9._:%-]{1,200})\/app\.bsky\.feed\.post\/([A-Za-z0-9._~:-]{1,64})$/;

/** `bsky:<at:// URI>` of a post record's URI, or null when it names no post record. */
export function blueskyPostId(atUri: string): string | null {
  return AT_POST_URI.test(atUri) ? `bsky:${atUri}` : null;
}

/** The id of the post its author's DID and the record key name, or null. */
export function blueskyPostIdFor(did: string, rkey: string): string | null {
  return blueskyPostId(`at://${did}/app.bsky.feed.post/${rkey}`);
}

/** The post's at:// URI from its id (for the API), or null for another network's id. */
export function blueskyAtUri(postId: string): string | null {
  return POST_ID_PATTERNS.bluesky.test(postId) ? postId.slice('bsky:'.length) : null;
}

/** The author's DID and the record key a Bluesky post id names, or null for another network's id. */
export function blueskyIdParts(postId: string): { did: string; rkey: string } | null {
  const m = AT_POST_URI.exec(blueskyAtUri(postId) ?? '');
  return m ? { did: m[1]!, rkey: m[2]! } : null;
}

/**
 * A bsky.app post link, `https://bsky.app/profile/<handle or did>/post/<rkey>`: who (a handle
 * must be resolved to a DID by the API) and which record. Null for anything else.
 */
export function blueskyPostLink(url: string): { actor: string; rkey: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !BLUESKY_PAGE_HOSTS.includes(u.hostname)) return null;
  const m = /^\/profile\/([A-Za-z0-9._:%-]{1,253})\/post\/([A-Za-z0-9._~:-]{1,64})\/?$/.exec(u.pathname);
  return m ? { actor: decodeURIComponent(m[1]!), rkey: m[2]! } : null;
}

/** The web address of a Bluesky post, as its author's handle (or DID) and record key name it. */
export function blueskyPostUrl(actor: string, rkey: string): string {
  return `https://bsky.app/profile/${encodeURIComponent(actor).replace(/%3A/g, ':')}/post/${rkey}`;
}

// ---- Mastodon ----

/** An instance's host as a URL parser gives it (lower case), with a port on a test machine. */
const HOST_PORT = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;

/** A Mastodon status id as the instance's web addresses carry it (Mastodon's are numbers). */
const MASTODON_STATUS_ID = '(\\d{1,30})';
/** The forms of a status's address on a Mastodon instance (`/deck` is the advanced web UI's prefix). */
const MASTODON_STATUS_PATHS: readonly RegExp[] = [
  // `/@user/<id>`; `/@user@other.host/<id>`: a remote account's status as this instance shows it.
  new RegExp(`^(?:/deck)?/@[A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?)?/${MASTODON_STATUS_ID}/?$`),
  // `/users/user/statuses/<id>`: the ActivityPub id, which answers a browser with the status.
  new RegExp(`^/users/[A-Za-z0-9_.-]{1,64}/statuses/${MASTODON_STATUS_ID}/?$`),
  // `/ap/users/<account id>/statuses/<id>`: the ActivityPub id of Mastodon 4.5 and later.
  new RegExp(`^/ap/users/\\d{1,30}/statuses/${MASTODON_STATUS_ID}/?$`),
  // `/statuses/<id>`, `/deck/statuses/<id>`: the web app's own route.
  new RegExp(`^(?:/deck)?/statuses/${MASTODON_STATUS_ID}/?$`),
];

/**
 * A link to a status on a Mastodon instance: the instance's host (with a port, if the link
 * names one) and the status's id there. Null for anything else, including an account's page
 * (`/@user`, `/@user/media`) or a status's embed (`/@user/<id>/embed`). Which host runs
 * Mastodon is not known from the link: the instance's API answers that (capture/mastodon-api.ts).
 */
export function mastodonStatusLink(url: string): { host: string; id: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  for (const path of MASTODON_STATUS_PATHS) {
    const m = path.exec(u.pathname);
    if (m) return HOST_PORT.test(u.host) ? { host: u.host, id: m[1]! } : null;
  }
  return null;
}

/**
 * `mastodon:<status address>` of the status's web address on its home instance (as the API's
 * `url` gives it; host in lower case, no query or fragment), or null when it is no such address.
 */
export function mastodonPostId(statusUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(statusUrl);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  const postId = `mastodon:${u.protocol}//${u.host}${u.pathname}`;
  return POST_ID_PATTERNS.mastodon.test(postId) && postId.length <= MAX_POST_ID ? postId : null;
}

/** The status's address a Mastodon post id names, or null for another network's id. */
export function mastodonIdUrl(postId: string): string | null {
  return POST_ID_PATTERNS.mastodon.test(postId) ? postId.slice('mastodon:'.length) : null;
}

/**
 * `https://host` (and the host) of a page that may be a Mastodon instance's: any https page
 * but X's and Bluesky's, no credentials in it; else null. Which one runs Mastodon its API says.
 */
export function possibleInstance(url: string): { origin: string; host: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return null;
  if (X_PERMALINK_HOSTS.has(u.hostname) || BLUESKY_PAGE_HOSTS.includes(u.hostname)) return null;
  return { origin: u.origin, host: u.host };
}
