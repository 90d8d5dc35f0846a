// The export formats' names, as the writer reads them: "Export format" and the settings'
// "Default export format" show the same ones.
import type { ExportFormatId } from '../model/settings';
import { t, type MessageKey } from '../platform/i18n';

const FORMAT_KEYS: Record<ExportFormatId, MessageKey> = {
  html: 'formatHtml',
  markdown: 'formatMarkdown',
  wordpress: 'formatWordpress',
  text: 'formatText',
  json: 'formatJson',
  page: 'formatPage',
  zip: 'formatZip',
};

/** "Plain text", "Archive (.zip)"… in the writer's language. */
export function formatLabel(id: ExportFormatId): string {
  return t(FORMAT_KEYS[id]);
}
