// The export module's one entry point: the list of formats the editor offers and a single
// `renderExport(format, input)`. Every renderer is pure: input in, string out.
import type { ExportInput } from './types';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderWordPress } from './wordpress';
import { renderText } from './text';
import { renderRoundupBackup } from './backup';
import { fileName } from './filename';

export type { ExportInput, ExportSettings } from './types';
export { DEFAULT_EXPORT_SETTINGS } from './types';
export { renderBackup, type BackupData, type BackupSettings } from './backup';

import type { ExportFormatId } from '../model/settings';
export type { ExportFormatId };

export interface ExportFormat {
  id: ExportFormatId;
  /** What the "Export format" select shows (CONTRACT.md names these exactly). */
  label: string;
  extension: string;
  mime: string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'html', label: 'HTML', extension: 'html', mime: 'text/html' },
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
  // Its own extension so it never overwrites the HTML export of the same roundup.
  { id: 'wordpress', label: 'WordPress', extension: 'wp.html', mime: 'text/html' },
  { id: 'text', label: 'Plain text', extension: 'txt', mime: 'text/plain' },
  { id: 'json', label: 'JSON backup', extension: 'json', mime: 'application/json' },
];

const RENDERERS: Record<ExportFormatId, (input: ExportInput) => string> = {
  html: renderHtml,
  markdown: renderMarkdown,
  wordpress: renderWordPress,
  text: renderText,
  json: renderRoundupBackup,
};

export function isExportFormat(id: string): id is ExportFormatId {
  return Object.hasOwn(RENDERERS, id);
}

export function renderExport(format: ExportFormatId, input: ExportInput): string {
  return RENDERERS[format](input);
}

/** `healthcare-social-media-hcsm.md`; `roundup.html` when the title has no letters. */
export function exportFileName(title: string, format: ExportFormatId): string {
  const extension = EXPORT_FORMATS.find((f) => f.id === format)?.extension ?? 'txt';
  return fileName(title, extension);
}
