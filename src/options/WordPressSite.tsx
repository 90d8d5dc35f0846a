// "WordPress site": the one site "Send to WordPress" sends to. The writer types its address, their
// user name and an application password; "Check connection" asks the site who that is, "Save site"
// does the same and keeps it (replacing the site saved before). Before either, the browser is asked
// to let Roundup reach that site alone (an optional host permission), so nothing else is reachable.
// The password goes to the background and is never read back: the page only ever sees a SiteSummary.
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../popup/connection';
import type { SiteForm, SiteSummary } from '../publish/types';
import { siteAddress } from '../publish/wordpress';

/** The host permission for the writer's site (platform/site-permissions.ts in the browser). */
export interface SiteAccess {
  /** Asks the user to let Roundup reach this site; call it straight from their click. True when granted. */
  request(siteUrl: string): Promise<boolean>;
  /** Gives the site's permission back. */
  remove(siteUrl: string): Promise<void>;
}

type Action = 'check' | 'save';
type Said = { text: string; error: boolean } | null;

const WAITING: Record<Action | 'remove', string> = { check: 'Checking…', save: 'Saving…', remove: 'Removing…' };
const ADDRESS_HINT = 'wp-address-hint';
const PASSWORD_HINT = 'wp-password-hint';

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** The pattern the browser grants is the scheme and host (site-permissions.ts): another one means another permission. */
const reach = (siteUrl: string) => {
  const u = new URL(siteUrl);
  return `${u.protocol}//${u.hostname}`;
};

/** What the form lacks, said before the browser is asked about a site the request could not use. */
function missing(form: SiteForm): string {
  if (!form.user.trim()) return 'Give the user name you sign in to WordPress with.';
  if (!form.applicationPassword.trim()) return 'Give an application password (WordPress: Users → Profile → Application Passwords).';
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
      (e: Error) => live && setSaid({ text: `The saved site could not be read: ${e.message}`, error: true }),
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
    const nothing = action === 'save' ? 'nothing was saved' : 'nothing was checked';
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
        return finish(`Your browser could not ask whether Roundup may reach ${url} (${(e as Error).message}) — ${nothing}.`, true);
      }
      const again = action === 'save' ? 'Save site' : 'Check connection';
      if (!granted) return finish(`Roundup may not reach ${url} — ${nothing}. Press “${again}” again and allow it when your browser asks.`, true);
      try {
        if (action === 'check') {
          const found = await connection.request('checkWordPressSite', sent);
          const who = found.name || sent.user.trim();
          const upload = found.canUpload ? '' : ` ${who} may not upload pictures there, so the pictures in a sent roundup will link to X.`;
          return finish(`Connected to ${found.url} as ${who}.${upload}`, false);
        }
        const saved = await connection.request('saveWordPressSite', sent);
        // The site saved before, elsewhere, is no longer reached: its permission goes back.
        if (site && reach(site.url) !== reach(saved.url)) void access.remove(site.url).catch(() => {});
        setSite(saved);
        // Kept only in the background; a password typed again meanwhile is the writer's to keep.
        setForm((f) => (f.applicationPassword === sent.applicationPassword ? { ...f, applicationPassword: '' } : f));
        finish(`Saved. “Send to WordPress” in the editor now sends to ${saved.url}.`, false);
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
        setSaid({ text: `Removed ${url}: Roundup no longer sends there, nor may it reach the site. The drafts and pictures already sent stay on the site.`, error: false });
      },
      (e: Error) => {
        setBusy(null);
        setSaid({ text: `The site could not be removed: ${e.message}`, error: true });
      },
    );
  };

  return (
    <fieldset>
      <legend>WordPress site</legend>
      <p class="hint">“Send to WordPress” in the editor sends a roundup to this site as a draft, with its pictures.</p>
      {site && (
        <div class="saved-site">
          <p>
            Sends to <a href={site.url} target="_blank" rel="noopener noreferrer">{site.url}</a> as {site.user}
            {site.name && site.name !== site.user ? ` (${site.name})` : ''}, saved {when(site.savedAt)}.
          </p>
          <p class="hint">Saving a site below replaces this one.</p>
          <button type="button" class="danger" disabled={busy !== null} onClick={remove}>
            Remove site
          </button>
        </div>
      )}
      <label class="field__label" for="wp-url">Site address</label>
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
        Your site’s address, with its path if WordPress lives in one (https://example.org/blog). It needs https://
        unless the site is on this computer. Roundup asks your browser for permission to reach this site alone.
      </p>
      <label class="field__label" for="wp-user">User name</label>
      <input id="wp-user" class="field__box" type="text" autocomplete="username" value={form.user} onInput={field('user')} />
      <label class="field__label" for="wp-password">Application password</label>
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
        Not the password you sign in with: that does not work here. WordPress makes an application password for one
        app alone (WordPress 5.6 or later): in WordPress, open Users → Profile → Application Passwords, name it
        “Roundup”, and paste the password it shows. You can revoke it there at any time.
      </p>
      <button type="button" disabled={busy !== null} onClick={() => run('check')}>
        Check connection
      </button>{' '}
      <button type="button" class="primary" disabled={busy !== null} onClick={() => run('save')}>
        Save site
      </button>
      <p class="hint" role="status">
        {busy ? WAITING[busy] : said && !said.error ? said.text : ''}
      </p>
      <p class="field__problem-text" role="alert">
        {said?.error ? said.text : ''}
      </p>
    </fieldset>
  );
}
