// Export: pick a format, see the generated text, copy it or download it as a file. Rendering
// happens only while the panel is open, so typing in a long roundup stays cheap.
import { useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMATS,
  exportFileName,
  isExportFormat,
  renderExport,
  type ExportFormatId,
  type ExportInput,
} from '../export';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
}

async function copy(format: ExportFormatId, output: string, input: ExportInput): Promise<void> {
  const formatted = format === 'html' || format === 'wordpress';
  if (formatted && typeof ClipboardItem !== 'undefined') {
    // Both flavours: a visual editor keeps the formatting, a plain one gets readable text.
    const plain = renderExport('text', input);
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([output], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(output);
}

function download(format: ExportFormatId, output: string, title: string): string {
  const name = exportFileName(title, format);
  const mime = EXPORT_FORMATS.find((f) => f.id === format)?.mime ?? 'text/plain';
  const url = URL.createObjectURL(new Blob([output], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function ExportPanel({ roundup, posts }: Props) {
  const [format, setFormat] = useState<ExportFormatId>('html');
  const [message, setMessage] = useState('');
  const input: ExportInput = useMemo(() => ({ roundup, posts, settings: DEFAULT_EXPORT_SETTINGS }), [roundup, posts]);
  const output = useMemo(() => renderExport(format, input), [format, input]);

  const onCopy = () =>
    copy(format, output, input).then(
      () => setMessage('Copied to the clipboard.'),
      (e: Error) => setMessage(`Could not copy: ${e.message}. Select the text above and copy it by hand.`),
    );
  const onDownload = () => {
    try {
      setMessage(`Downloaded ${download(format, output, roundup.title)}.`);
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
            if (isExportFormat(id)) setFormat(id);
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
      <div class="field">
        <label for="export-output">Export output</label>
        <textarea id="export-output" class="export__output" readOnly rows={10} value={output} />
      </div>
      <div class="export__actions">
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <button type="button" onClick={onDownload}>
          Download
        </button>
        <p class="export__message" role="status">
          {message}
        </p>
      </div>
    </section>
  );
}
