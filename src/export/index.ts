// The export module's one entry point: the formats the editor offers (formats.ts) and a
// single `renderExport(format, input)` for the text ones. Every renderer is pure: input in,
// string out. The two file formats (a self-contained page, an archive) carry the pictures'
// bytes: page.ts and archive.ts. The editor loads all of it only to export (build.mjs builds
// it apart, as export-files.js: see src/popup/export/files-entry.ts).
import type { ExportInput } from './types';
import type { TextFormatId } from './formats';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderWordPress } from './wordpress';
import { renderText } from './text';
import { renderRoundupBackup } from './backup';

export type { ExportInput, ExportSettings } from './types';
export { DEFAULT_EXPORT_SETTINGS } from './types';
export { renderBackup, type BackupData, type BackupSettings } from './backup';
export * from './formats';

const RENDERERS: Record<TextFormatId, (input: ExportInput) => string> = {
  html: renderHtml,
  markdown: renderMarkdown,
  wordpress: renderWordPress,
  text: renderText,
  json: renderRoundupBackup,
};

export function renderExport(format: TextFormatId, input: ExportInput): string {
  return RENDERERS[format](input);
}
