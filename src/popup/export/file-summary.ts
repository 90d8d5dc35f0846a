// What "Export output" says for the two file formats instead of showing the file: its size,
// how many pictures are inside it, and which have no copy (those show as words, or are left
// out). Pure.
import type { FileFormatId } from '../../model/settings';
import type { PictureBytes } from '../../model/media';
import type { ExportInput } from '../../export/types';
import { keptType, roundupPictures } from '../../export/pictures';
import { ARCHIVE_FILES } from '../../export/archive';
import { formatNumber, list, plural, sentences, t } from '../../platform/i18n';

/** `850 bytes`, `43 KB`, `1.2 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural('sizeBytes', bytes);
  if (bytes < 1024 * 1024) return t('sizeKb', formatNumber(Math.round(bytes / 1024)));
  return t('sizeMb', formatNumber(bytes / 1024 / 1024, 1));
}

/** At most this many missing pictures are named. */
const NAMED = 5;

export function fileSummary(format: FileFormatId, bytes: number, input: ExportInput, pictures: PictureBytes, problem = ''): string {
  const all = roundupPictures(input);
  const kept = all.filter((p) => keptType(pictures, p.url)).length;
  const missing = all.filter((p) => !keptType(pictures, p.url));
  const words = missing.filter((p) => p.role === 'photo' || p.role === 'poster');
  const leftOut = missing.length - words.length;
  const inside = kept === 0 ? t('noPictures') : plural('picturesInside', kept);
  const size = fileSize(bytes);
  const named = words.slice(0, NAMED).map((p) => {
    const kind = t(p.role === 'photo' ? 'mediaPhoto' : 'videoStill');
    const alt = p.alt?.trim();
    return alt ? t('pictureTagAlt', kind, alt) : t('pictureTag', kind);
  });
  const shown = words.length > NAMED ? plural('andMore', words.length - NAMED, list(named)) : list(named);
  return sentences(
    format === 'page'
      ? t('summaryPage', size, inside)
      : t('summaryZip', size, ARCHIVE_FILES.page, ARCHIVE_FILES.markdown, ARCHIVE_FILES.json, inside, ARCHIVE_FILES.media),
    problem && t('picturesUnreadable', problem),
    words.length > 0 && plural('picturesAsWords', words.length, shown),
    leftOut > 0 && plural('picturesLeftOut', leftOut),
    format === 'page' && all.length > 0 && t('pageOffline'),
  );
}
