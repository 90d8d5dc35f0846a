// The export code, a bundle of its own (export-files.js, see build.mjs) that the export view
// loads when it opens, so the editor opens without it: every renderer, the preview's document,
// and the two file formats, the self-contained page and the archive, with fflate.
import { isMediaHost, picturesOf, sniffImageType, type KeptCopy, type PictureBytes } from '../../model/media';
import type { Post } from '../../model/post';
import { openRoundupDb } from '../../store/db';
import { createCopyStore } from '../../store/copies';
import type { FileFormatId } from '../../model/settings';
import type { ExportInput } from '../../export/types';
import { renderPage } from '../../export/page';
import { renderArchive } from '../../export/archive';
import { fileSummary } from './file-summary';

export { renderBackup, renderExport } from '../../export';
export { roundupPictureUrls } from '../../export/pictures';
export { previewDocument, previewHtml } from './preview-doc';
export { wordPressDraft } from '../../publish/draft';
export { describeSend } from '../../publish/describe';

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

// ---- A backup with the kept pictures: a .zip (export/backup-zip.ts) ----

export { packBackupZip, unpackBackupZip } from '../../export/backup-zip';

/** Every picture address the posts of a JSON backup show (its roundups' published snapshots too). */
export function backupPictureUrls(json: string): string[] {
  const data = JSON.parse(json) as { posts?: Post[]; roundups?: Array<{ publishedPosts?: Post[] }> };
  const posts = [...(data.posts ?? []), ...(data.roundups ?? []).flatMap((r) => r.publishedPosts ?? [])];
  return [...new Set(posts.flatMap((p) => picturesOf(p).map((picture) => picture.url)))];
}

/**
 * Keeps the pictures a zip backup brought, after its JSON was imported: only copies of
 * pictures from the media hosts whose bytes really are the picture type they claim, and never
 * over a copy already kept here. Written by the store, in the editor's own origin: the bytes
 * are too large to send to the background as a message. Returns how many were kept.
 */
export async function keepImportedCopies(copies: ReadonlyMap<string, { type: string; bytes: Uint8Array }>, now = new Date().toISOString()): Promise<number> {
  const worthy: KeptCopy[] = [];
  for (const [url, { bytes }] of copies) {
    const type = sniffImageType(bytes);
    if (!isMediaHost(url) || !type) continue;
    worthy.push({ url, status: 'kept', type, size: bytes.byteLength, bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), keptAt: now });
  }
  if (worthy.length === 0) return 0;
  const db = await openRoundupDb();
  try {
    return await createCopyStore(db).putCopies(worthy);
  } finally {
    db.close();
  }
}
