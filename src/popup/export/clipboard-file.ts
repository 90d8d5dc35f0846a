// Copy and Download. For the formats that are HTML, Copy puts the markup on the clipboard
// twice: as text/html, so a visual editor pastes it formatted, and as text/plain, so an
// HTML or Code view (a plain textarea) pastes exactly what "Export output" shows.
import { ALL_FORMATS, type ExportFormatId } from '../../export/formats';

export async function copyExport(format: ExportFormatId, output: string): Promise<void> {
  const formatted = format === 'html' || format === 'wordpress';
  if (formatted && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([output], { type: 'text/html' }),
        'text/plain': new Blob([output], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(output);
}

/**
 * Saves `output` as a file through the browser's own download (no permission needed): text
 * as UTF-8 of the format's type, a Blob (the page, the zip) as it is.
 */
export function downloadExport(format: ExportFormatId, output: string | Blob, name: string): void {
  const mime = ALL_FORMATS.find((f) => f.id === format)?.mime ?? 'text/plain';
  const blob = typeof output === 'string' ? new Blob([output], { type: `${mime};charset=utf-8` }) : output;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later, not now: the browser reads the blob after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
