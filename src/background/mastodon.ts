// A link to a Mastodon status, on any page, read whole from the instance's public API (no
// sign-in): its words and links, content warning, pictures with their alt text, card, quote.
// Which host runs Mastodon is not known from a link (model/networks.ts `mastodonStatusLink`
// only knows the address forms): the host's instance answer says so, once per host for the
// worker's life. The fetch is the platform's (platform/api-fetch.ts); reading the JSON is
// capture/mastodon-api.ts's, its HTML parsed wherever this browser's background has a DOM
// (platform/read-status.ts). Errors come back as sentences for the writer.
//
// No host permission is needed, and none is asked: Mastodon's API answers any origin
// (`Access-Control-Allow-Origin: *` on /api/*), and the request carries no cookies. A host that
// does not answer so (most sites that are not Mastodon) fails as a fetch does, and is named.
import type { Post } from '../model/post';
import { mastodonStatusLink } from '../model/networks';
import { contextStatuses, readApiError, readInstance, readThreadStatuses } from '../capture/mastodon-api';
import type { ReadStatusFromJson } from '../platform/read-status';
import type { ApiAnswer } from './bluesky';
import { t } from '../platform/i18n';

export interface MastodonDeps {
  /** A GET on an instance's public API (platform/api-fetch.ts); throws when it cannot be reached. */
  get(url: string): Promise<ApiAnswer>;
  /** The status's JSON read into a Post (DOMParser here, or Chrome's offscreen document). */
  readStatusFromJson: ReadStatusFromJson;
  now(): string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What an instance said of itself (`GET /api/v2/instance`, or v1 before Mastodon 4.0). */
export interface InstanceInfo {
  /** Its accounts' `@domain`, which may differ from the host that answered. */
  domain: string;
  title: string;
  version: string;
}

export interface Mastodon {
  /** The status a link names (`https://<instance>/@user/<id>` and its other forms), read from that instance. */
  postOfLink(url: string, pageUrl: string): Promise<Result<Post>>;
  /**
   * The author's self-thread around the status at `url`, in order, read from the instance the
   * address is on (a post's id names its home instance, which has the whole thread).
   */
  thread(url: string, pageUrl: string): Promise<Result<Post[]>>;
  /** Whether the server at `origin` (`https://host`) answers as Mastodon's API does. */
  instance(origin: string): Promise<Result<InstanceInfo>>;
}

/** Hosts whose instance check is remembered; far beyond what a worker's life sees. */
const MAX_HOSTS = 200;
const LOOPBACK = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?$/;

export function createMastodon(deps: MastodonDeps): Mastodon {
  /** Each host's instance check: in flight or answered yes. A failed check is asked again next time. */
  const instances = new Map<string, Promise<Result<InstanceInfo>>>();

  const nowMs = () => {
    const ms = Date.parse(deps.now());
    return Number.isNaN(ms) ? Date.now() : ms;
  };

  async function get(url: string): Promise<Result<ApiAnswer>> {
    try {
      return { ok: true, value: await deps.get(url) };
    } catch (e) {
      return { ok: false, error: ((e as Error)?.message || t('noAnswer')).replace(/[.\s]+$/, '') };
    }
  }

  async function checkInstance(origin: string, host: string): Promise<Result<InstanceInfo>> {
    const notMastodon: Result<InstanceInfo> = {
      ok: false,
      error: t('notMastodonServer', host),
    };
    for (const version of ['v2', 'v1']) {
      const answer = await get(`${origin}/api/${version}/instance`);
      if (!answer.ok) {
        return { ok: false, error: t('mastodonHostUnreachable', host, answer.error) };
      }
      const { status, body, retryAfter } = answer.value;
      if (status === 401 || status === 403 || status === 429 || (status >= 500 && status <= 599)) {
        return { ok: false, error: readApiError(status, body, retryAfter, nowMs()) };
      }
      if (status === 200) {
        const read = readInstance(body);
        if (read.ok) return { ok: true, value: { domain: read.domain, title: read.title, version: read.version } };
      } else if (status !== 404) {
        return notMastodon;
      }
      // v2 unknown (Mastodon before 4.0, and some servers that speak its API): ask v1.
    }
    return notMastodon;
  }

  function instance(origin: string, host: string): Promise<Result<InstanceInfo>> {
    const known = instances.get(host);
    if (known) return known;
    const check = checkInstance(origin, host).then((r) => {
      if (!r.ok) instances.delete(host);
      return r;
    });
    if (instances.size >= MAX_HOSTS) instances.delete(instances.keys().next().value as string);
    instances.set(host, check);
    return check;
  }

  /** The JSON a GET on the instance's API answers, or why there is none, said for the writer. */
  async function getJson(url: string, host: string): Promise<Result<unknown>> {
    const answer = await get(url);
    if (!answer.ok) return { ok: false, error: t('mastodonUnreachable', host, answer.error) };
    const { status, body, retryAfter } = answer.value;
    if (status !== 200) return { ok: false, error: readApiError(status, body, retryAfter, nowMs()) };
    try {
      return { ok: true, value: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, error: t('mastodonNotPostData', host) };
    }
  }

  /** The instance a status link names, checked: its origin (https, but for a test server here over http) and host. */
  async function server(url: string): Promise<Result<{ origin: string; host: string; id: string }>> {
    const link = mastodonStatusLink(url);
    if (!link) return { ok: false, error: t('notAMastodonLink') };
    const origin = `${LOOPBACK.test(link.host) && url.startsWith('http:') ? 'http' : 'https'}://${link.host}`;
    const checked = await instance(origin, link.host);
    return checked.ok ? { ok: true, value: { origin, host: link.host, id: link.id } } : checked;
  }

  const readAt = (pageUrl: string, host: string) => ({ capturedAt: deps.now(), pageUrl, instance: host });

  return {
    instance: (origin) => {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        return Promise.resolve({ ok: false, error: t('notAWebAddress', origin) });
      }
      return instance(origin, host);
    },
    async postOfLink(url, pageUrl) {
      const at = await server(url);
      if (!at.ok) return at;
      const { origin, host, id } = at.value;
      const json = await getJson(`${origin}/api/v1/statuses/${id}`, host);
      if (!json.ok) return json;
      const read = await deps.readStatusFromJson(json.value, readAt(pageUrl, host));
      if (!read.ok) return { ok: false, error: read.error };
      if (read.post.site !== 'mastodon') return { ok: false, error: t('mastodonNotAPost', host) };
      return { ok: true, value: read.post };
    },
    async thread(url, pageUrl) {
      const at = await server(url);
      if (!at.ok) return at;
      const { origin, host, id } = at.value;
      const status = await getJson(`${origin}/api/v1/statuses/${id}`, host);
      if (!status.ok) return status;
      const context = await getJson(`${origin}/api/v1/statuses/${id}/context`, host);
      if (!context.ok) return context;
      const read = await readThreadStatuses(contextStatuses(context.value, status.value), (s) => deps.readStatusFromJson(s, readAt(pageUrl, host)));
      if (read.posts.length === 0) return { ok: false, error: read.errors[0] ?? t('mastodonNoPostInAnswer', host) };
      return { ok: true, value: read.posts };
    },
  };
}
