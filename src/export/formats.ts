// The formats the editor offers, and their files' names: no renderer here, so the editor
// lists them (and names a download) without loading any export code (see index.ts).
import type { ExportFormatId, FileFormatId, TextFormatId } from '../model/settings';
import { fileName } from './filename';

export type { ExportFormatId, FileFormatId, TextFormatId };

/** A format's file. Its name, in the writer's language, is the catalogue's (popup/format-label.ts). */
export interface ExportFormat<Id extends ExportFormatId = ExportFormatId> {
  id: Id;
  extension: string;
  mime: string;
}

/** The formats whose output is text, shown in "Export output": what renderExport renders. */
export const EXPORT_FORMATS: readonly ExportFormat<TextFormatId>[] = [
  { id: 'html', extension: 'html', mime: 'text/html' },
  { id: 'markdown', extension: 'md', mime: 'text/markdown' },
  // Its own extension so it never overwrites the HTML export of the same roundup.
  { id: 'wordpress', extension: 'wp.html', mime: 'text/html' },
  { id: 'text', extension: 'txt', mime: 'text/plain' },
  { id: 'json', extension: 'json', mime: 'application/json' },
];

/** The formats that are files with the kept pictures inside (page.ts, archive.ts). */
export const FILE_FORMATS: readonly ExportFormat<FileFormatId>[] = [
  // `.page.html`, so it never overwrites the HTML export of the same roundup either.
  { id: 'page', extension: 'page.html', mime: 'text/html' },
  { id: 'zip', extension: 'zip', mime: 'application/zip' },
];

/** Every option of "Export format", in its order. */
export const ALL_FORMATS: readonly ExportFormat[] = [...EXPORT_FORMATS, ...FILE_FORMATS];

export function isExportFormat(id: string): id is ExportFormatId {
  return ALL_FORMATS.some((f) => f.id === id);
}

export function isFileFormat(id: ExportFormatId): id is FileFormatId {
  return id === 'page' || id === 'zip';
}

/** `healthcare-social-media-hcsm.md`; `roundup.html` when the title has no letters. */
export function exportFileName(title: string, format: ExportFormatId): string {
  const extension = ALL_FORMATS.find((f) => f.id === format)?.extension ?? 'txt';
  return fileName(title, extension);
}
