// Export: pick a format, see the generated text (and, for HTML and WordPress, a live preview),
// copy it or download it as a file; import a JSON backup. Settings come from the user's
// options (default format, signature, embed options, where pictures point). Rendering happens
// only while the panel is open, and there once the writer pauses typing, so typing in a long
// roundup stays cheap; and the export code itself loads only when it opens
// (use-export-file.ts). The two file formats (a self-contained page, a zip) carry the kept
// pictures: "Export output" sums them up.
import { useMemo, useState } from 'preact/hooks';
import { useSettled } from './memo';
import type { ExportInput } from '../export';
import { ALL_FORMATS, exportFileName, isExportFormat, isFileFormat, type ExportFormatId } from '../export/formats';
import type { PictureChoice } from '../model/settings';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { Host } from './host';
import { askBackground, type Ask } from './export/ask';
import { copyExport, downloadExport } from './export/clipboard-file';
import { ExportPreview, type PreviewFollow } from './export/ExportPreview';
import { ImportBackup } from './export/ImportBackup';
import { RoundupLanguage } from './RoundupLanguage';
import { formatLabel } from './format-label';
import { t } from '../platform/i18n';
import { SendToWordPress, type SendAccess } from './export/SendToWordPress';
import { readPictures as readKept, type ReadPictures } from './export/read-pictures';
import { loadFiles, useExportFile, useFilesModule, useKeptPictures, type LoadFiles } from './export/use-export-file';
import { backupFileName, useExportOutput } from './export/use-export-output';
import { useExportSettings } from './export/use-export-settings';

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
  /** How to reach the background; tests pass a stand-in. */
  ask?: Ask;
  /** Where the editor runs: in the toolbar popup, "Import backup" opens a tab (see ImportBackup). */
  host?: Pick<Host, 'home' | 'openInTab'>;
  /** The kept copies of pictures, by URL (the editor reads its database); tests pass a stand-in. */
  readPictures?: ReadPictures;
  /** Loads the export code (export-files.js); tests pass its source module. */
  files?: LoadFiles;
  /** The WordPress site's permission; tests pass a stand-in. */
  siteAccess?: Promise<SendAccess>;
  /** The place being edited: the preview keeps it in view. */
  follow?: PreviewFollow;
}

/** The formats a browser can lay out; the others read as they are in "Export output". */
const previewed = (f: ExportFormatId): f is 'html' | 'wordpress' => f === 'html' || f === 'wordpress';

/** How long the writer pauses before the export (and its preview) follows the words. */
const EXPORT_PAUSE_MS = 300;

export function ExportPanel({ roundup: typed, posts, ask = askBackground, host, readPictures = readKept, files: load = loadFiles, siteAccess, follow }: Props) {
  // The roundup as it is when the panel opens; then, while the writer types, once they pause:
  // the export and its preview are not made again on every key.
  const roundup = useSettled(typed, EXPORT_PAUSE_MS);
  const { settings, problem: settingsProblem } = useExportSettings(ask);
  const { files, problem: loadProblem } = useFilesModule(load);
  // The user's picks win over their defaults, which arrive a moment after opening.
  const [picked, setPicked] = useState<ExportFormatId | null>(null);
  const format = picked ?? settings.defaultFormat;
  const [pickedPictures, setPictures] = useState<PictureChoice | null>(null);
  const pictures = pickedPictures ?? settings.pictures;
  const [message, setMessage] = useState('');
  // "JSON backup" as a .zip that also holds the kept pictures.
  const [withPictures, setWithPictures] = useState(false);
  const file = isFileFormat(format) ? format : null;
  // HTML, Markdown, WordPress: pictures linked to X, or files beside the export.
  const choosing = previewed(format) || format === 'markdown';
  const asFiles = choosing && pictures === 'files';
  const kept = useKeptPictures(file || asFiles ? files : null, { roundup, posts }, readPictures);
  const copies = asFiles ? kept?.pictures : undefined;
  const input: ExportInput = useMemo(
    () => ({ roundup, posts, settings: { ...settings, pictures }, ...(copies && { pictures: copies }) }),
    [roundup, posts, settings, pictures, copies],
  );
  const text = useExportOutput(format, input, ask, asFiles && !kept ? null : files);
  const made = useExportFile(file, input, kept, files);
  const output = file ? made.summary : text.output;
  // (A file's summary says itself when the pictures could not be read.)
  const problem = loadProblem || text.problem || (asFiles && kept?.problem ? t('picturesUnreadable', kept.problem) : '');
  const zipBackup = format === 'json' && withPictures;
  const fileName = format === 'json' ? backupFileName(new Date(), zipBackup ? 'zip' : 'json') : exportFileName(roundup.title, format);

  const onCopy = () =>
    copyExport(format, output).then(
      () => setMessage(t('copiedToClipboard')),
      (e: Error) => setMessage(t('couldNotCopyExport', e.message)),
    );
  const onDownload = async () => {
    try {
      let blob: string | Blob = file ? made.blob! : output;
      if (zipBackup) {
        const module = await load();
        const kept = await readPictures(module.backupPictureUrls(output));
        blob = new Blob([module.packBackupZip(output, kept) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
      }
      downloadExport(format, blob, fileName);
      setMessage(t('downloaded', fileName));
    } catch (e) {
      setMessage(t('couldNotDownload', (e as Error).message));
    }
  };

  return (
    <section class="export" id="export" aria-label={t('export')}>
      <div class="field">
        <label for="export-format">{t('exportFormat')}</label>
        <select
          id="export-format"
          value={format}
          onChange={(e) => {
            const id = (e.currentTarget as HTMLSelectElement).value;
            if (isExportFormat(id)) setPicked(id);
            setMessage('');
          }}
        >
          {ALL_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {formatLabel(f.id)}
            </option>
          ))}
        </select>
      </div>
      {format !== 'json' && (
        <div class="field">
          <RoundupLanguage
            value={typed.language}
            onChange={(language) => {
              setMessage('');
              ask('setRoundupLanguage', { roundupId: typed.id, language }).catch((e: Error) => setMessage(t('languageNotChanged', e.message)));
            }}
          />
        </div>
      )}
      {choosing && (
        <div class="field">
          <label for="export-pictures">{t('pictures')}</label>
          <select id="export-pictures" value={pictures} onChange={(e) => setPictures((e.currentTarget as HTMLSelectElement).value === 'files' ? 'files' : 'x')}>
            <option value="x">{t('picturesLinkToX')}</option>
            <option value="files">{t('picturesFilesBeside')}</option>
          </select>
          {asFiles && <p class="hint">{t('picturesFilesHint')}</p>}
        </div>
      )}
      {format === 'json' && (
        <div class="field">
          <label>
            <input type="checkbox" checked={withPictures} onChange={(e) => setWithPictures((e.currentTarget as HTMLInputElement).checked)} />{' '}
            {t('withPictureCopies')}
          </label>
          <p class="hint">{t('withPictureCopiesHint')}</p>
        </div>
      )}
      {previewed(format) && files && <ExportPreview format={format} input={input} files={files} follow={follow} />}
      <div class="field">
        <label for="export-output">{t('exportOutput')}</label>
        <textarea id="export-output" class="export__output" readOnly rows={10} value={output} />
      </div>
      <div class="export__actions">
        <button type="button" onClick={onCopy} disabled={!output || !!file}>
          {t('copy')}
        </button>
        <button type="button" onClick={() => void onDownload()} disabled={file ? !made.blob : !output}>
          {t('download')}
        </button>
        <p class="export__message" role="status">
          {message || problem || settingsProblem || (file ? t('copyIsForText') : '')}
        </p>
      </div>
      <SendToWordPress roundup={roundup} posts={posts} settings={settings} files={files} ask={ask} access={siteAccess} />
      <ImportBackup ask={ask} files={load} openInTab={host?.home === 'popup' ? () => void host.openInTab('') : undefined} />
    </section>
  );
}
