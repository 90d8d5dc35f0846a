// "Import backup": pick a JSON backup file, or a .zip backup that also holds copies of the
// pictures; the background checks all of the backup before writing anything, then says what it
// did, or what is wrong with the file and that nothing changed. A zip is read here first
// (export-files.js, strictly) and its pictures are kept once its backup is imported.
import { useState } from 'preact/hooks';
import { MAX_BACKUP_CHARS } from '../../export/backup-limits';
import type { Ask } from './ask';
import { importMessage } from './import-message';
import type { FilesModule } from './use-export-file';
import { plural, sentences, t } from '../../platform/i18n';

type Result = { kind: 'idle' | 'busy' | 'done' | 'failed'; text: string };

interface Props {
  ask: Ask;
  /**
   * Given in the toolbar popup: a file chooser takes the focus, which closes the popup (and
   * the chosen file with it) in Chrome and Firefox, so there the import opens a tab instead.
   */
  openInTab?: () => void;
  /** The export code (it reads zips), once loaded; a zip chosen before then waits for it. */
  files: () => Promise<FilesModule>;
}

/** A zip starts with a local file header, `PK\x03\x04`. */
const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

export function ImportBackup({ ask, openInTab, files }: Props) {
  const [result, setResult] = useState<Result>({ kind: 'idle', text: '' });

  if (openInTab) {
    return (
      <div class="field export__import">
        <button type="button" onClick={openInTab}>
          {t('importBackup')}
        </button>
        <p class="hint">{t('importOpensTab')}</p>
      </div>
    );
  }

  const onChange = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again is a new import
    if (!file) return;
    setResult({ kind: 'busy', text: t('importing', file.name) });
    try {
      const zip = isZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
      // A character is at most 4 bytes of UTF-8, so a JSON file over this is surely over the
      // limit (the background checks the exact length); a zip's own reader has its ceilings.
      if (!zip && file.size > MAX_BACKUP_CHARS * 4) {
        setResult({ kind: 'failed', text: t('importTooLarge', file.name) });
        return;
      }
      if (!zip) {
        const summary = await ask('importBackup', { text: await file.text() });
        setResult({ kind: 'done', text: importMessage(summary) });
        return;
      }
      const module = await files();
      const unpacked = module.unpackBackupZip(new Uint8Array(await file.arrayBuffer()));
      if ('error' in unpacked) {
        setResult({ kind: 'failed', text: t('importFailed', unpacked.error) });
        return;
      }
      const summary = await ask('importBackup', { text: unpacked.json });
      const kept = await module.keepImportedCopies(unpacked.copies);
      setResult({ kind: 'done', text: sentences(importMessage(summary), plural('picturesRestored', kept)) });
    } catch (error) {
      setResult({ kind: 'failed', text: (error as Error).message });
    }
  };

  return (
    <div class="field export__import">
      <label for="import-backup">{t('importBackup')}</label>
      <input id="import-backup" type="file" accept=".json,.zip,application/json,application/zip" disabled={result.kind === 'busy'} onChange={onChange} />
      <p class={`export__message${result.kind === 'failed' ? ' export__message--error' : ''}`} role={result.kind === 'failed' ? 'alert' : 'status'}>
        {result.text}
      </p>
    </div>
  );
}
