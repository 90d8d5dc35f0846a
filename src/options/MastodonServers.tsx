// "Mastodon servers": the instances Roundup puts its "Clip post" button on, and on no other
// site. The writer adds one by its address; the browser is asked for that server alone (an
// optional host permission, straight from the click), then the background checks that it
// answers as Mastodon's API does and starts there (platform/instances.ts). Each listed server
// can be turned off, which gives its permission back. The popup offers the same over an
// instance's page ("Clip posts on <host>").
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../popup/connection';
import { t } from '../platform/i18n';

/** The host permission for one server (platform/instances.ts in the browser). */
export interface InstanceAccess {
  /** Asks the user to let Roundup run on this server; call it straight from their click. True when granted. */
  request(origin: string): Promise<boolean>;
}

const HINT = 'mastodon-servers-hint';

/** `https://host` of what the writer typed (`mastodon.social`, a status's address…), or why not. */
export function serverOrigin(typed: string): { origin: string } | { error: string } {
  const text = typed.trim();
  if (!text) return { error: t('serverAddressNeeded') };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^@?[^@/]+@(?=[^@/]+$)/, '')}`);
  } catch {
    return { error: t('notAServerAddress', text.slice(0, 100)) };
  }
  if (u.protocol !== 'https:') return { error: t('httpsOnly') };
  if (u.username || u.password || !u.hostname.includes('.')) return { error: t('notAServerAddress', text.slice(0, 100)) };
  return { origin: u.origin };
}

const hostOf = (origin: string) => new URL(origin).host;

export function MastodonServers({ connection, access }: { connection: Connection; access?: InstanceAccess }) {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    connection.request('listMastodon', {}).then(
      (r) => live && setOrigins(r.origins),
      (e: Error) => live && setNote({ text: t('serversUnreadable', e.message), error: true }),
    );
    return () => {
      live = false;
    };
  }, [connection]);

  const add = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = serverOrigin(typed);
    if ('error' in parsed) return setNote({ text: parsed.error, error: true });
    if (!access) return setNote({ text: t('noWayToAskServer'), error: true });
    const { origin } = parsed;
    const granted = access.request(origin); // before any await: the browser asks only from a click
    setBusy(true);
    setNote({ text: t('askingToRunOn', hostOf(origin)), error: false });
    granted
      .then(async (ok) => {
        if (!ok) return setNote({ text: t('notAllowedStaysOff', hostOf(origin)), error: true });
        // Not Mastodon (or down): said, and nothing is listed. The permission is left as the
        // browser has it: it may be another feature's (the WordPress site's).
        await connection.request('enableMastodon', { origin });
        setOrigins((await connection.request('listMastodon', {})).origins);
        setTyped('');
        setNote({ text: t('runsOnNow', hostOf(origin)), error: false });
      })
      .catch((e: Error) => setNote({ text: t('couldNotStartOn', hostOf(origin), e.message), error: true }))
      .finally(() => setBusy(false));
  };

  const turnOff = (origin: string) => {
    setBusy(true);
    connection.request('disableMastodon', { origin })
      .then((r) => {
        setOrigins(r.origins);
        setNote({ text: t('noLongerRunsOn', hostOf(origin)), error: false });
      }, (e: Error) => setNote({ text: t('couldNotTurnOff', hostOf(origin), e.message), error: true }))
      .finally(() => setBusy(false));
  };

  return (
    <fieldset>
      <legend>{t('mastodonServers')}</legend>
      <p class="hint" id={HINT}>
        {t('mastodonServersHint')}
      </p>
      {origins && origins.length > 0 && (
        <ul aria-label={t('mastodonServers')}>
          {origins.map((origin) => (
            <li key={origin}>
              {hostOf(origin)}{' '}
              <button type="button" disabled={busy} onClick={() => turnOff(origin)}>
                {t('turnOffOn', hostOf(origin))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={add}>
        <label for="mastodon-server">{t('mastodonServer')}</label>
        <input id="mastodon-server" type="text" inputMode="url" autocomplete="url" placeholder="mastodon.social" aria-describedby={HINT}
          value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" disabled={busy}>
          {t('addServer')}
        </button>
      </form>
      {note && (
        <p class={note.error ? 'save save--error' : 'hint'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </fieldset>
  );
}
