// What "Export output" says for the two file formats instead of showing the file: its size,
// how many pictures are inside it, and which have no copy (those show as words, or are left
// out). Pure.
import type { FileFormatId } from '../../model/settings';
import type { PictureBytes } from '../../model/media';
import type { ExportInput } from '../../export/types';
import { keptType, roundupPictures } from '../../export/pictures';
import { ARCHIVE_FILES } from '../../export/archive';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `850 bytes`, `43 KB`, `1.2 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** At most this many missing pictures are named. */
const NAMED = 5;

export function fileSummary(format: FileFormatId, bytes: number, input: ExportInput, pictures: PictureBytes, problem = ''): string {
  const all = roundupPictures(input);
  const kept = all.filter((p) => keptType(pictures, p.url)).length;
  const missing = all.filter((p) => !keptType(pictures, p.url));
  const words = missing.filter((p) => p.role === 'photo' || p.role === 'poster');
  const leftOut = missing.length - words.length;
  const inside = kept === 0 ? 'no pictures' : count(kept, 'picture');
  const out = [
    format === 'page'
      ? `A web page of ${fileSize(bytes)} with ${inside} inside it.`
      : `A zip of ${fileSize(bytes)}: ${ARCHIVE_FILES.page} (the page), ${ARCHIVE_FILES.markdown}, ${ARCHIVE_FILES.json} and ${inside} in ${ARCHIVE_FILES.media}.`,
  ];
  if (problem) out.push(`The kept pictures could not be read (${problem}).`);
  if (words.length) {
    const named = words.slice(0, NAMED).map((p) => `[${p.role === 'photo' ? 'Photo' : 'Video still'}${p.alt?.trim() ? `: ${p.alt.trim()}` : ''}]`);
    const more = words.length > NAMED ? ` and ${words.length - NAMED} more` : '';
    const verb = words.length === 1 ? 'has no copy and shows' : 'have no copy and show';
    out.push(`${count(words.length, 'picture')} ${verb} as words: ${named.join(', ')}${more}.`);
  }
  if (leftOut) out.push(`${count(leftOut, 'avatar or link-card picture', 'avatars or link-card pictures')} with no copy ${leftOut === 1 ? 'is' : 'are'} left out.`);
  if (format === 'page' && all.length) out.push('It loads nothing from the network and opens offline in any browser.');
  return out.join(' ');
}
