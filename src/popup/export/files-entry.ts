// The export code, a bundle of its own (export-files.js, see build.mjs) that the export view
// loads when it opens, so the editor opens without it: every renderer, the preview's document,
// and the two file formats, the self-contained page and the archive, with fflate.
import type { PictureBytes } from '../../model/media';
import type { FileFormatId } from '../../model/settings';
import type { ExportInput } from '../../export/types';
import { renderPage } from '../../export/page';
import { renderArchive } from '../../export/archive';
import { fileSummary } from './file-summary';

export { renderBackup, renderExport } from '../../export';
export { roundupPictureUrls } from '../../export/pictures';
export { previewDocument, previewHtml } from './preview-doc';

export interface MadeFile {
  blob: Blob;
  /** What "Export output" shows instead of the file. */
  summary: string;
}

/** The file of `format`, and its summary. `problem`: why the pictures could not be read, if so. */
export function makeFile(format: FileFormatId, input: ExportInput, pictures: PictureBytes, problem = ''): MadeFile {
  const blob =
    format === 'page'
      ? new Blob([renderPage(input, pictures)], { type: 'text/html;charset=utf-8' })
      : new Blob([renderArchive(input, pictures) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  return { blob, summary: fileSummary(format, blob.size, input, pictures, problem) };
}
