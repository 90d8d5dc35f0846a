// The settings page (also opened from the editor's "Settings"): every change is stored as it is
// made, the signature like any other text — debounced, and flushed when the page closes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { EXPORT_FORMAT_IDS, type ExportFormatId, type Settings } from '../model/settings';
import type { Connection } from '../popup/connection';
import { createSaver, type SaveStatus } from '../popup/saver';
import { TextField } from '../popup/TextField';
import { KeepCopies, type PictureAccess } from './KeepCopies';
import { WordPressSite, type SiteAccess } from './WordPressSite';
import { MastodonServers, type InstanceAccess } from './MastodonServers';

const FORMAT_LABELS: Record<ExportFormatId, string> = {
  html: 'HTML',
  markdown: 'Markdown',
  wordpress: 'WordPress',
  text: 'Plain text',
  json: 'JSON backup',
  page: 'Web page (self-contained)',
  zip: 'Archive (.zip)',
};

type Flag = 'includeEmbedScript' | 'doNotTrack' | 'markdownFrontMatter' | 'markdownImages';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      {label}
    </label>
  );
}

/** Where the browser is not wired (tests of other settings): every site is refused, and nothing is asked. */
const NO_SITES: SiteAccess = { request: async () => false, remove: async () => {} };

export function Options({ connection, pictureAccess, siteAccess = NO_SITES, instanceAccess }: {
  connection: Connection;
  pictureAccess?: PictureAccess;
  siteAccess?: SiteAccess;
  instanceAccess?: InstanceAccess;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [error, setError] = useState('');
  const saver = useMemo(() => createSaver(setStatus), []);
  useEffect(() => {
    connection.request('getSettings', {}).then(setSettings, (e: Error) => setError(e.message));
    return () => saver.dispose();
  }, [connection, saver]);

  if (!settings) return <main class="editor">{error ? <p role="alert">Settings could not be read: {error}</p> : <p class="loading">Reading your settings…</p>}</main>;

  const change = (patch: Partial<Settings>, now = true) => {
    setSettings({ ...settings, ...patch });
    saver.queue(Object.keys(patch).join(), () => connection.request('updateSettings', { patch }));
    if (now) saver.flush();
  };
  const flag = (key: Flag, label: string) => <Check label={label} checked={settings[key]} onChange={(v) => change({ [key]: v })} />;

  return (
    <main class="editor options">
      <header class="editor__header">
        <h1>Roundup settings</h1>
        <p class={`save save--${status.state}`} role={status.state === 'error' ? 'alert' : 'status'}>
          {status.state === 'error' ? status.message : status.state === 'saving' ? 'Saving…' : 'All changes stored'}
        </p>
      </header>
      <TextField
        label="Signature"
        multiline
        value={settings.signature}
        hint="Added after the closing of every export, e.g. an “About the author” note."
        onInput={(v) => change({ signature: v }, false)}
      />
      <div class="field">
        <label for="default-format">Default export format</label>
        <select
          id="default-format"
          value={settings.defaultFormat}
          onChange={(e) => change({ defaultFormat: (e.currentTarget as HTMLSelectElement).value as ExportFormatId })}
        >
          {EXPORT_FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {FORMAT_LABELS[id]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Embedded posts (HTML)</legend>
        {flag('includeEmbedScript', 'Include X’s embed script (off: a static card that needs no script)')}
        {flag('doNotTrack', 'Ask X not to personalise from the embed (do-not-track)')}
        <div class="choices" role="radiogroup" aria-label="Embed theme">
          {(['light', 'dark'] as const).map((theme) => (
            <label class="check" key={theme}>
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => change({ theme })} />
              {theme === 'light' ? 'Light embeds' : 'Dark embeds'}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Markdown</legend>
        {flag('markdownFrontMatter', 'Start with front matter (title and date) for static-site generators')}
        {flag('markdownImages', 'Show photos as images (off: links only)')}
      </fieldset>
      <fieldset>
        <legend>Pictures in HTML, Markdown and WordPress</legend>
        <label for="pictures">Pictures point to</label>
        <select id="pictures" value={settings.pictures} onChange={(e) => change({ pictures: (e.currentTarget as HTMLSelectElement).value === 'files' ? 'files' : 'x' })}>
          <option value="x">X's servers (gone when the post is deleted)</option>
          <option value="files">Files beside the export (media/…, as in the Archive)</option>
        </select>
        <p class="hint">The export view can switch this for one export. The web page and the archive always carry the kept copies.</p>
      </fieldset>
      <KeepCopies on={settings.keepCopies} onChange={(keepCopies) => change({ keepCopies })} connection={connection} access={pictureAccess} />
      <WordPressSite connection={connection} access={siteAccess} />
      <MastodonServers connection={connection} access={instanceAccess} />
      <fieldset>
        <legend>Clip buttons on pages</legend>
        <Check label="Show “Clip post” buttons on x.com" checked={settings.inlineButtons.x} onChange={(x) => change({ inlineButtons: { ...settings.inlineButtons, x } })} />
        <Check label="Show “Clip post” buttons on bsky.app" checked={settings.inlineButtons.bluesky} onChange={(bluesky) => change({ inlineButtons: { ...settings.inlineButtons, bluesky } })} />
        <p class="hint">On Mastodon servers the buttons follow x.com’s choice; the servers are listed above.</p>
        <p class="hint">Select mode, the context menu and the shortcut work either way.</p>
      </fieldset>
    </main>
  );
}
