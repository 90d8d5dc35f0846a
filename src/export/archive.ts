// "Archive (.zip)": the roundup with its pictures as files, for a site of one's own or to keep.
//   index.html    the self-contained page's document, its pictures as `media/<name>`
//   roundup.md    the Markdown export, its pictures as `media/<name>`
//   roundup.json  the roundup's JSON backup (renderRoundupBackup)
//   media/        each kept picture the roundup shows, once, named by mediaFileName
// A picture with no copy shows as words in both, so every picture they name is in the zip.
// Pictures are stored as they are (already compressed), the text deflated. Pure: the files'
// dates are the export's own (exportedAt, else the roundup's last edit), not the clock.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { PictureBytes } from '../model/media';
import type { ExportInput } from './types';
import { renderRoundupBackup } from './backup';
import { renderMarkdown } from './markdown';
import { ARCHIVE_CSP, pageDocument } from './page';
import { filesSource, roundupPictureUrls } from './pictures';
import { zipDate } from './zip-date';

export const ARCHIVE_FILES = { page: 'index.html', markdown: 'roundup.md', json: 'roundup.json', media: 'media/' } as const;

/** Every file of the archive, by path (`media/…` for the pictures), before zipping. */
export function archiveFiles(input: ExportInput, pictures: PictureBytes): Map<string, Uint8Array> {
  const src = filesSource(pictures);
  const files = new Map<string, Uint8Array>();
  files.set(ARCHIVE_FILES.page, strToU8(pageDocument(input, src, ARCHIVE_CSP)));
  const withFiles: ExportInput = { ...input, settings: { ...input.settings, pictures: 'files' }, pictures };
  files.set(ARCHIVE_FILES.markdown, strToU8(renderMarkdown(withFiles)));
  files.set(ARCHIVE_FILES.json, strToU8(renderRoundupBackup(input)));
  for (const url of roundupPictureUrls(input)) {
    const path = src(url);
    if (path && !files.has(path)) files.set(path, pictures.get(url)!.bytes);
  }
  return files;
}

export function renderArchive(input: ExportInput, pictures: PictureBytes): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, bytes] of archiveFiles(input, pictures)) {
    zippable[path] = path.startsWith(ARCHIVE_FILES.media) ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(zippable, { level: 6, mtime: zipDate(input.exportedAt ?? input.roundup.updatedAt) });
}
