// "Import backup": pick a JSON backup file; the background checks all of it before writing
// anything, then says what it did, or what is wrong with the file and that nothing changed.
import { useState } from 'preact/hooks';
import { MAX_BACKUP_CHARS } from '../../export/backup-limits';
import type { Ask } from './ask';
import { importMessage } from './import-message';

type Result = { kind: 'idle' | 'busy' | 'done' | 'failed'; text: string };

interface Props {
  ask: Ask;
  /**
   * Given in the toolbar popup: a file chooser takes the focus, which closes the popup (and
   * the chosen file with it) in Chrome and Firefox, so there the import opens a tab instead.
   */
  openInTab?: () => void;
}

export function ImportBackup({ ask, openInTab }: Props) {
  const [result, setResult] = useState<Result>({ kind: 'idle', text: '' });

  if (openInTab) {
    return (
      <div class="field export__import">
        <button type="button" onClick={openInTab}>
          Import backup
        </button>
        <p class="hint">Opens Roundup in a tab: choosing a file would close this popup.</p>
      </div>
    );
  }

  const onChange = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again is a new import
    if (!file) return;
    // A character is at most 4 bytes of UTF-8, so this file is surely over the limit; the
    // background checks the exact length of the rest.
    if (file.size > MAX_BACKUP_CHARS * 4) {
      setResult({ kind: 'failed', text: `${file.name} cannot be imported: it is far larger than any Roundup backup. Nothing was changed.` });
      return;
    }
    setResult({ kind: 'busy', text: `Importing ${file.name}…` });
    try {
      const summary = await ask('importBackup', { text: await file.text() });
      setResult({ kind: 'done', text: importMessage(summary) });
    } catch (error) {
      setResult({ kind: 'failed', text: (error as Error).message });
    }
  };

  return (
    <div class="field export__import">
      <label for="import-backup">Import backup</label>
      <input id="import-backup" type="file" accept=".json,application/json" disabled={result.kind === 'busy'} onChange={onChange} />
      <p class={`export__message${result.kind === 'failed' ? ' export__message--error' : ''}`} role={result.kind === 'failed' ? 'alert' : 'status'}>
        {result.text}
      </p>
    </div>
  );
}
