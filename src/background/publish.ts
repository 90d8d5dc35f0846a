// Publishing to the writer's WordPress site: what each publishing message does, in terms of the
// store and src/publish. No browser APIs here (the caller passes the fetch and the permission
// check), so it is unit-tested like handlers.ts. The application password is read from the
// store for the requests and never returned: views get a SiteSummary.
import type { Handlers } from './router';
import type { Stores } from '../store';
import { siteSummary } from '../store';
import { checkSite, type Call } from '../publish/connect';
import { sendRoundup } from '../publish/send';
import { siteAddress } from '../publish/wordpress';
import type { SendReport } from '../publish/types';
import { isMediaHost, MAX_COPY_BYTES } from '../model/media';
import { t } from '../platform/i18n';

export type PublishType = 'checkWordPressSite' | 'saveWordPressSite' | 'removeWordPressSite' | 'getPublishState' | 'sendToWordPress';
export type PublishHandlers = Pick<Handlers, PublishType>;

/** A request refused as it is: sending it again would not help (the router marks it so). */
class Refused extends Error {
  readonly permanent = true;
}

export interface PublishDeps {
  /** One request to the site (platform/site-fetch.ts); throws when the site cannot be reached. */
  call: Call;
  /** A picture from its network's media host, when no copy is kept (platform/fetch-picture.ts). */
  fetchPicture(url: string): Promise<Response>;
  /** Whether the browser lets Roundup reach the site (its optional host permission). */
  maySendTo(siteUrl: string): Promise<boolean>;
  now(): string;
}

/** Where no network is wired (unit tests of the other handlers): every site is out of reach. */
export const OFFLINE: PublishDeps = {
  call: () => Promise.reject(new Error('no network here')),
  fetchPicture: () => Promise.reject(new Error('no network here')),
  maySendTo: async () => false,
  now: () => new Date().toISOString(),
};

const notAllowed = (url: string) => t('mayNotReachYet', new URL(url).origin);

export function createPublishHandlers(store: Stores, deps: PublishDeps): PublishHandlers {
  // One send per roundup at a time: a second press (or a second editor) waits for the first,
  // so two drafts are never made of one roundup.
  const sending = new Map<string, Promise<SendReport>>();

  const checked = async (form: { url: string; user: string; applicationPassword: string }) => {
    const address = siteAddress(form.url);
    if (!address.ok) throw new Refused(address.error);
    if (!(await deps.maySendTo(address.url))) throw new Refused(notAllowed(address.url));
    const result = await checkSite(form, deps.call);
    if (!result.ok) throw new Refused(result.error);
    return result;
  };

  const picture = async (url: string) => {
    const kept = await store.keptCopy(url);
    if (kept) return { type: kept.type, bytes: new Uint8Array(await kept.bytes.arrayBuffer()) };
    if (!isMediaHost(url)) return { missing: t('pictureNotOnMediaHost') };
    try {
      const response = await deps.fetchPicture(url);
      if (!response.ok) return { missing: t('pictureHttp', new URL(url).hostname, response.status) };
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length === 0 || bytes.length > MAX_COPY_BYTES) return { missing: t('pictureUnusable') };
      return { type: response.headers.get('content-type') ?? '', bytes };
    } catch (e) {
      return { missing: t('pictureUnfetched', (e as Error).message) };
    }
  };

  async function send(request: Parameters<PublishHandlers['sendToWordPress']>[0]): Promise<SendReport> {
    const site = await store.savedSite();
    if (!site) throw new Refused(t('noSiteSendAgain'));
    if (!(await deps.maySendTo(site.url))) throw new Refused(notAllowed(site.url));
    const outcome = await sendRoundup(site, request, {
      call: deps.call,
      picture,
      uploads: {
        get: (url) => store.uploadedPicture(site.url, url),
        put: (url, uploaded) => store.rememberUpload(site.url, url, uploaded),
        forget: (url) => store.forgetUpload(site.url, url),
      },
      previous: await store.sentDraft(site.url, request.roundupId),
      now: deps.now,
    });
    if (!outcome.ok) throw new Refused(outcome.error);
    await store.rememberDraft(outcome.report.draft);
    return outcome.report;
  }

  return {
    async checkWordPressSite(form) {
      const { site, writer } = await checked(form);
      return { url: site.url, name: writer.name, canUpload: writer.canUpload };
    },
    async saveWordPressSite(form) {
      const { site, writer } = await checked(form);
      const saved = { ...site, name: writer.name, savedAt: deps.now() };
      await store.saveSite(saved);
      return siteSummary(saved);
    },
    async removeWordPressSite() {
      return { removed: await store.removeSite() };
    },
    async getPublishState({ roundupId }) {
      const site = await store.savedSite();
      if (!site) return { site: null, draft: null };
      const draft = roundupId === undefined ? undefined : await store.sentDraft(site.url, roundupId);
      return { site: siteSummary(site), draft: draft ?? null };
    },
    sendToWordPress(request) {
      const running = sending.get(request.roundupId);
      if (running) return running;
      const started = send(request).finally(() => sending.delete(request.roundupId));
      sending.set(request.roundupId, started);
      return started;
    },
  };
}
