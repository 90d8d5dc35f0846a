// Enabling Roundup on a Mastodon instance: the editor asks whether its tab's page is one (the
// server's API says so, never its name), and, once the writer granted the host permission
// from a click there, lists it so its content script runs (platform/instances.ts). No browser
// API here: what the platform does is passed in, so the rules are unit-tested.
import type { Handlers } from './router';
import type { Mastodon } from './mastodon';
import type { MastodonTab } from '../messages';
import { possibleInstance } from '../model/networks';
import { t } from '../platform/i18n';

export interface InstanceDeps {
  /** The enabled instances' origins (listed and granted). */
  enabled(): Promise<string[]>;
  mayRunOn(origin: string): Promise<boolean>;
  /** Lists the origin and starts the content script there, in open tabs too. */
  add(origin: string): Promise<void>;
  /** Takes the origin off the list, gives its permission back, and stops registering the script there. */
  remove(origin: string): Promise<void>;
}

/** A request refused as it is (the router marks it so: sending it again cannot help). */
class Refused extends Error {
  readonly permanent = true;
}

const NONE: MastodonTab = { origin: '', host: '', mastodon: false, enabled: false };

export function createInstanceHandlers(deps: InstanceDeps | undefined, mastodon: Mastodon | undefined): Pick<Handlers, 'mastodonTab' | 'enableMastodon' | 'listMastodon' | 'disableMastodon'> {
  return {
    async mastodonTab({ url }) {
      const page = possibleInstance(url);
      if (!page || !deps || !mastodon) return NONE;
      if ((await deps.enabled()).includes(page.origin)) return { ...page, mastodon: true, enabled: true };
      const check = await mastodon.instance(page.origin);
      return { ...page, mastodon: check.ok, enabled: false };
    },
    async enableMastodon({ origin }) {
      const page = possibleInstance(origin);
      if (!page || page.origin !== origin) throw new Refused(t('notAServerOrigin', origin.slice(0, 100)));
      if (!deps || !mastodon) throw new Refused(t('noMastodonHere'));
      if (!(await deps.mayRunOn(origin))) throw new Refused(t('notAllowedOn', page.host));
      const check = await mastodon.instance(origin);
      if (!check.ok) throw new Refused(check.error);
      await deps.add(origin);
      return { ...page, mastodon: true, enabled: true };
    },
    async listMastodon() {
      return { origins: deps ? await deps.enabled() : [] };
    },
    async disableMastodon({ origin }) {
      if (!deps) return { origins: [] };
      await deps.remove(origin);
      return { origins: await deps.enabled() };
    },
  };
}
