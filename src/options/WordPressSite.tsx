// "WordPress site": the one site "Send to WordPress" sends to. The writer types its address, their
// user name and an application password; "Check connection" asks the site who that is, "Save site"
// does the same and keeps it (replacing the site saved before). Before either, the browser is asked
// to let Roundup reach that site alone (an optional host permission), so nothing else is reachable.
// The password goes to the background and is never read back: the page only ever sees a SiteSummary.
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../popup/connection';
import type { SiteForm, SiteSummary } from '../publish/types';
import { siteAddress } from '../publish/wordpress';
import { ELEMENT, withElement } from '../popup/with-element';
import { sentences, t, uiLanguage, type MessageKey } from '../platform/i18n';

/** The host permission for the writer's site (platform/site-permissions.ts in the browser). */
export interface SiteAccess {
  /** Asks the user to let Roundup reach this site; call it straight from their click. True when granted. */
  request(siteUrl: string): Promise<boolean>;
  /** Gives the site's permission back. */
  remove(siteUrl: string): Promise<void>;
}

type Action = 'check' | 'save';
type Said = { text: string; error: boolean } | null;

const WAITING: Record<Action | 'remove', MessageKey> = { check: 'checking', save: 'saving', remove: 'removing' };
const ADDRESS_HINT = 'wp-address-hint';
const PASSWORD_HINT = 'wp-password-hint';

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
};

/** The pattern the browser grants is the scheme and host (site-permissions.ts): another one means another permission. */
const reach = (siteUrl: string) => {
  const u = new URL(siteUrl);
  return `${u.protocol}//${u.hostname}`;
};

/** What the form lacks, said before the browser is asked about a site the request could not use. */
function missing(form: SiteForm): string {
  if (!form.user.trim()) return t('missingUser');
  if (!form.applicationPassword.trim()) return t('missingPassword');
  return '';
}

export function WordPressSite({ connection, access }: { connection: Connection; access: SiteAccess }) {
  const [site, setSite] = useState<SiteSummary | null>(null);
  const [form, setForm] = useState<SiteForm>({ url: '', user: '', applicationPassword: '' });
  const [busy, setBusy] = useState<Action | 'remove' | null>(null);
  const [said, setSaid] = useState<Said>(null);

  useEffect(() => {
    let live = true;
    connection.request('getPublishState', {}).then(
      (state) => {
        if (!live || !state.site) return;
        const saved = state.site;
        setSite(saved);
        // The saved address and user, so a new password is all a revoked one needs; never over what was typed.
        setForm((f) => (f.url || f.user ? f : { ...f, url: saved.url, user: saved.user }));
      },
      (e: Error) => live && setSaid({ text: t('savedSiteUnreadable', e.message), error: true }),
    );
    return () => {
      live = false;
    };
  }, [connection]);

  const field = (key: keyof SiteForm) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setForm((f) => ({ ...f, [key]: value }));
  };

  const run = (action: Action) => {
    if (busy) return;
    const address = siteAddress(form.url);
    const problem = address.ok ? missing(form) : address.error;
    if (!address.ok || problem) return setSaid({ text: problem, error: true });
    const url = address.url;
    const sent = { ...form };
    let asked: Promise<boolean>;
    try {
      // Before any await: the browser asks only while it is handling the user's click.
      asked = access.request(url);
    } catch (e) {
      asked = Promise.reject(e);
    }
    setBusy(action);
    setSaid(null);
    // The answer and the end of "busy" land together: the buttons come back with the message.
    const finish = (text: string, error: boolean) => {
      setBusy(null);
      setSaid({ text, error });
    };
    void (async () => {
      let granted: boolean;
      try {
        granted = await asked;
      } catch (e) {
        return finish(t(action === 'save' ? 'askFailedSave' : 'askFailedCheck', url, (e as Error).message), true);
      }
      if (!granted) return finish(t(action === 'save' ? 'notAllowedSave' : 'notAllowedCheck', url), true);
      try {
        if (action === 'check') {
          const found = await connection.request('checkWordPressSite', sent);
          const who = found.name || sent.user.trim();
          return finish(sentences(t('connectedAs', found.url, who), !found.canUpload && t('cannotUpload', who)), false);
        }
        const saved = await connection.request('saveWordPressSite', sent);
        // The site saved before, elsewhere, is no longer reached: its permission goes back.
        if (site && reach(site.url) !== reach(saved.url)) void access.remove(site.url).catch(() => {});
        setSite(saved);
        // Kept only in the background; a password typed again meanwhile is the writer's to keep.
        setForm((f) => (f.applicationPassword === sent.applicationPassword ? { ...f, applicationPassword: '' } : f));
        finish(t('siteSaved', saved.url), false);
      } catch (e) {
        finish((e as Error).message, true);
      }
    })();
  };

  const remove = () => {
    if (busy || !site) return;
    const url = site.url;
    setBusy('remove');
    setSaid(null);
    connection.request('removeWordPressSite', {}).then(
      async () => {
        setSite(null);
        await access.remove(url).catch(() => {});
        setBusy(null);
        setSaid({ text: t('siteRemoved', url), error: false });
      },
      (e: Error) => {
        setBusy(null);
        setSaid({ text: t('siteNotRemoved', e.message), error: true });
      },
    );
  };

  return (
    <fieldset>
      <legend>{t('wordPressSite')}</legend>
      <p class="hint">{t('wordPressSiteHint')}</p>
      {site && (
        <div class="saved-site">
          <p>
            {withElement(
              site.name && site.name !== site.user
                ? t('sendsToSiteNamed', ELEMENT, site.user, site.name, when(site.savedAt))
                : t('sendsToSite', ELEMENT, site.user, when(site.savedAt)),
              <a href={site.url} target="_blank" rel="noopener noreferrer">{site.url}</a>,
            )}
          </p>
          <p class="hint">{t('siteReplaced')}</p>
          <button type="button" class="danger" disabled={busy !== null} onClick={remove}>
            {t('removeSite')}
          </button>
        </div>
      )}
      <label class="field__label" for="wp-url">{t('siteAddress')}</label>
      <input
        id="wp-url"
        class="field__box"
        type="url"
        autocomplete="url"
        placeholder="https://example.org"
        value={form.url}
        aria-describedby={ADDRESS_HINT}
        onInput={field('url')}
      />
      <p class="hint field__hint" id={ADDRESS_HINT}>
        {t('siteAddressHint')}
      </p>
      <label class="field__label" for="wp-user">{t('userName')}</label>
      <input id="wp-user" class="field__box" type="text" autocomplete="username" value={form.user} onInput={field('user')} />
      <label class="field__label" for="wp-password">{t('applicationPassword')}</label>
      <input
        id="wp-password"
        class="field__box"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={form.applicationPassword}
        aria-describedby={PASSWORD_HINT}
        onInput={field('applicationPassword')}
      />
      <p class="hint field__hint" id={PASSWORD_HINT}>
        {t('applicationPasswordHint')}
      </p>
      <button type="button" disabled={busy !== null} onClick={() => run('check')}>
        {t('checkConnection')}
      </button>{' '}
      <button type="button" class="primary" disabled={busy !== null} onClick={() => run('save')}>
        {t('saveSite')}
      </button>
      <p class="hint" role="status">
        {busy ? t(WAITING[busy]) : said && !said.error ? said.text : ''}
      </p>
      <p class="field__problem-text" role="alert">
        {said?.error ? said.text : ''}
      </p>
    </fieldset>
  );
}
