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
import { formatLabel } from '../popup/format-label';
import { t } from '../platform/i18n';

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

  if (!settings) return <main class="editor">{error ? <p role="alert">{t('settingsUnreadable', error)}</p> : <p class="loading">{t('readingSettings')}</p>}</main>;

  const change = (patch: Partial<Settings>, now = true) => {
    setSettings({ ...settings, ...patch });
    saver.queue(Object.keys(patch).join(), () => connection.request('updateSettings', { patch }));
    if (now) saver.flush();
  };
  const flag = (key: Flag, label: string) => <Check label={label} checked={settings[key]} onChange={(v) => change({ [key]: v })} />;

  return (
    <main class="editor options">
      <header class="editor__header">
        <h1>{t('settingsTitle')}</h1>
        <p class={`save save--${status.state}`} role={status.state === 'error' ? 'alert' : 'status'}>
          {status.state === 'error' ? status.message : t(status.state === 'saving' ? 'saving' : 'allChangesStored')}
        </p>
      </header>
      <TextField
        label={t('signature')}
        multiline
        value={settings.signature}
        hint={t('signatureHint')}
        onInput={(v) => change({ signature: v }, false)}
      />
      <div class="field">
        <label for="default-format">{t('defaultFormat')}</label>
        <select
          id="default-format"
          value={settings.defaultFormat}
          onChange={(e) => change({ defaultFormat: (e.currentTarget as HTMLSelectElement).value as ExportFormatId })}
        >
          {EXPORT_FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {formatLabel(id)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('embeddedPosts')}</legend>
        {flag('includeEmbedScript', t('includeEmbedScript'))}
        {flag('doNotTrack', t('doNotTrack'))}
        <div class="choices" role="radiogroup" aria-label={t('embedTheme')}>
          {(['light', 'dark'] as const).map((theme) => (
            <label class="check" key={theme}>
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => change({ theme })} />
              {t(theme === 'light' ? 'lightEmbeds' : 'darkEmbeds')}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('formatMarkdown')}</legend>
        {flag('markdownFrontMatter', t('frontMatter'))}
        {flag('markdownImages', t('markdownImages'))}
      </fieldset>
      <fieldset>
        <legend>{t('picturesInExports')}</legend>
        <label for="pictures">{t('picturesPointTo')}</label>
        <select id="pictures" value={settings.pictures} onChange={(e) => change({ pictures: (e.currentTarget as HTMLSelectElement).value === 'files' ? 'files' : 'x' })}>
          <option value="x">{t('picturesOnX')}</option>
          <option value="files">{t('picturesAsFiles')}</option>
        </select>
        <p class="hint">{t('picturesChoiceHint')}</p>
      </fieldset>
      <KeepCopies on={settings.keepCopies} onChange={(keepCopies) => change({ keepCopies })} connection={connection} access={pictureAccess} />
      <WordPressSite connection={connection} access={siteAccess} />
      <MastodonServers connection={connection} access={instanceAccess} />
      <fieldset>
        <legend>{t('clipButtonsOnPages')}</legend>
        <Check label={t('showButtonsOnX')} checked={settings.inlineButtons.x} onChange={(x) => change({ inlineButtons: { ...settings.inlineButtons, x } })} />
        <Check label={t('showButtonsOnBluesky')} checked={settings.inlineButtons.bluesky} onChange={(bluesky) => change({ inlineButtons: { ...settings.inlineButtons, bluesky } })} />
        <p class="hint">{t('mastodonFollowsX')}</p>
        <p class="hint">{t('worksEitherWay')}</p>
      </fieldset>
    </main>
  );
}
