// Export: pick a format, see the generated text (and, for HTML and WordPress, a live preview),
// copy it or download it as a file; import a JSON backup. Settings come from the user's
// options (default format, signature, embed options). Rendering happens only while the
// panel is open, so typing in a long roundup stays cheap.
import { useMemo, useState } from 'preact/hooks';
import { EXPORT_FORMATS, exportFileName, isExportFormat, type ExportFormatId, type ExportInput } from '../export';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { Host } from './host';
import { askBackground, type Ask } from './export/ask';
import { copyExport, downloadExport } from './export/clipboard-file';
import { ExportPreview } from './export/ExportPreview';
import { ImportBackup } from './export/ImportBackup';
import { backupFileName, useExportOutput } from './export/use-export-output';
import { useExportSettings } from './export/use-export-settings';

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
  /** How to reach the background; tests pass a stand-in. */
  ask?: Ask;
  /** Where the editor runs: in the toolbar popup, "Import backup" opens a tab (see ImportBackup). */
  host?: Pick<Host, 'home' | 'openInTab'>;
}

/** The formats a browser can lay out; the others read as they are in "Export output". */
const previewed = (f: ExportFormatId): f is 'html' | 'wordpress' => f === 'html' || f === 'wordpress';

export function ExportPanel({ roundup, posts, ask = askBackground, host }: Props) {
  const { settings, problem: settingsProblem } = useExportSettings(ask);
  // The user's pick wins over their default format, which arrives a moment after opening.
  const [picked, setPicked] = useState<ExportFormatId | null>(null);
  const format = picked ?? settings.defaultFormat;
  const [message, setMessage] = useState('');
  const input: ExportInput = useMemo(() => ({ roundup, posts, settings }), [roundup, posts, settings]);
  const { output, problem } = useExportOutput(format, input, ask);
  const fileName = format === 'json' ? backupFileName(new Date()) : exportFileName(roundup.title, format);

  const onCopy = () =>
    copyExport(format, output).then(
      () => setMessage('Copied to the clipboard.'),
      (e: Error) => setMessage(`Could not copy: ${e.message}. Select the text above and copy it by hand.`),
    );
  const onDownload = () => {
    try {
      downloadExport(format, output, fileName);
      setMessage(`Downloaded ${fileName}.`);
    } catch (e) {
      setMessage(`Could not download: ${(e as Error).message}.`);
    }
  };

  return (
    <section class="export" id="export" aria-label="Export">
      <div class="field">
        <label for="export-format">Export format</label>
        <select
          id="export-format"
          value={format}
          onChange={(e) => {
            const id = (e.currentTarget as HTMLSelectElement).value;
            if (isExportFormat(id)) setPicked(id);
            setMessage('');
          }}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {previewed(format) && <ExportPreview format={format} input={input} />}
      <div class="field">
        <label for="export-output">Export output</label>
        <textarea id="export-output" class="export__output" readOnly rows={10} value={output} />
      </div>
      <div class="export__actions">
        <button type="button" onClick={onCopy} disabled={!output}>
          Copy
        </button>
        <button type="button" onClick={onDownload} disabled={!output}>
          Download
        </button>
        <p class="export__message" role="status">
          {message || problem || settingsProblem}
        </p>
      </div>
      <ImportBackup ask={ask} openInTab={host?.home === 'popup' ? () => void host.openInTab('') : undefined} />
    </section>
  );
}
