// When the editor opens over a Mastodon instance's page that Roundup does not run on yet, it
// offers to: "Clip posts on <host>" asks the browser for that server alone (an optional host
// permission, asked straight from the click), then the background lists it and starts the
// content script there, in the open tab too. Only a page that looks like Mastodon's web app
// (browser-host.ts) is asked about, and then the server's API says whether it is one
// (background/instances.ts), never its name: opening the popup over any other site asks that
// site nothing.
import { useEffect, useState } from 'preact/hooks';
import type { MastodonTab } from '../messages';
import type { Connection } from './connection';
import type { Host } from './host';
import { t } from '../platform/i18n';

export function MastodonOffer({ connection, host }: { connection: Connection; host: Host }) {
  const [tab, setTab] = useState<MastodonTab | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!host.mastodonPage || !host.runOn) return;
    let live = true;
    host.mastodonPage()
      .then((url) => (url ? connection.request('mastodonTab', { url }) : null))
      .then((t) => live && t && setTab(t), () => {}); // no offer is the quiet answer to any failure
    return () => {
      live = false;
    };
  }, [connection, host]);
  if (!tab?.mastodon || (tab.enabled && !note)) return null;
  const enable = () => {
    const granted = host.runOn!(tab.origin); // before any await: the browser asks only from a click
    setNote(t('askingToRunOn', tab.host));
    granted
      .then(async (ok) => {
        if (!ok) return setNote(t('notAllowedStaysOff', tab.host));
        setTab(await connection.request('enableMastodon', { origin: tab.origin }));
        setNote(t('runsOnNow', tab.host));
      })
      .catch((e: Error) => setNote(t('couldNotStartOn', tab.host, e.message)));
  };
  return (
    <div class="instance-offer" role="status">
      {!tab.enabled && (
        <>
          <p>{t('mastodonOffer', tab.host)}</p>
          <button type="button" onClick={enable}>
            {t('clipPostsOn', tab.host)}
          </button>
        </>
      )}
      {note && <p class="hint">{note}</p>}
    </div>
  );
}
