// The text of the chosen format (none for the two file formats: see use-export-file.ts), made
// by the export code once loaded (`files`; until then, none). The four post formats render the
// roundup being edited, at once. "JSON backup" is the whole database (every roundup, post and
// setting), read from the background; the roundup on screen replaces its stored copy, so
// words typed in the last moments before the debounced save are in the backup too.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackupData, ExportInput } from '../../export';
import { isFileFormat, type ExportFormatId } from '../../export/formats';
import type { Ask } from './ask';
import type { FilesModule } from './use-export-file';
import { t } from '../../platform/i18n';

export interface ExportOutput {
  output: string;
  /** Why the output could not be made, for the user; empty when it was. */
  problem: string;
}

function withOnScreen(data: BackupData, input: ExportInput): BackupData {
  // Only the words: the rest of the stored copy was made fit for a backup (store/backup.ts).
  const shown = input.roundup;
  const words = new Map(shown.items.map((i) => [i.postId, i]));
  const roundups = data.roundups.map((r) =>
    r.id !== shown.id
      ? r
      : {
          ...r,
          title: shown.title,
          intro: shown.intro,
          closing: shown.closing,
          items: r.items.map((i) => {
            const own = words.get(i.postId);
            return own ? { ...i, leadIn: own.leadIn, commentary: own.commentary } : i;
          }),
        },
  );
  return { ...data, roundups };
}

export function useExportOutput(format: ExportFormatId, input: ExportInput, ask: Ask, files: FilesModule | null): ExportOutput {
  const rendered = useMemo(
    () => (!files || format === 'json' || isFileFormat(format) ? '' : files.renderExport(format, input)),
    [format, input, files],
  );
  const [backup, setBackup] = useState<ExportOutput>({ output: '', problem: '' });

  useEffect(() => {
    if (format !== 'json' || !files) return;
    let live = true;
    ask('exportAll', {}).then(
      (data) => live && setBackup({ output: files.renderBackup(withOnScreen(data, input)), problem: '' }),
      (e: Error) => live && setBackup({ output: '', problem: t('backupUnreadable', e.message) }),
    );
    return () => {
      live = false;
    };
  }, [format, input, ask, files]);

  return format === 'json' ? backup : { output: rendered, problem: '' };
}

/** `roundup-backup-2026-11-26.json`: a backup is of everything, so it is named by its day. */
export function backupFileName(now: Date, extension: 'json' | 'zip' = 'json'): string {
  return `roundup-backup-${now.toISOString().slice(0, 10)}.${extension}`;
}
