// A backup with the kept copies of pictures: a zip of
//   backup.json   the JSON backup (backup.ts), as it is
//   media.json    the index: each picture file's name, the URL it is the copy of, its type
//   media/<name>  the pictures' bytes, stored as they are (already compressed)
// unpackBackupZip is its strict reader. A zip is untrusted input, so it is refused whole, with
// the reason, when it holds anything else: an entry the index does not list, a path that
// climbs out (`..`) or starts at the root, a type that is not a raster image, more files or
// bytes than any real backup — sizes are checked from the zip's directory before anything is
// inflated (a zip bomb declares small and inflates huge: no more than declared is ever
// inflated, and a mismatch refuses the file). The JSON inside is checked by parseBackup, as
// a .json backup is. Pure.
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MAX_COPY_BYTES, type PictureBytes } from '../model/media';
import { MAX_URL, webUrl } from '../model/validate';
import { MAX_BACKUP_CHARS } from './backup-limits';
import { imageType, mediaFileName } from './pictures';
import { zipDate } from './zip-date';
import { t } from '../platform/i18n';

export const BACKUP_ZIP_FILES = { json: 'backup.json', index: 'media.json', media: 'media/' } as const;
export const MEDIA_INDEX_FORMAT = 'roundup-media';

/** Ceilings far above any real backup, against absurd or hostile zips. */
export const BACKUP_ZIP_LIMITS = {
  /** Entries in the zip, pictures and the two JSON files. */
  files: 20_002,
  /** All entries inflated, together. */
  totalBytes: 2 * 1024 ** 3,
  /** One picture: as the background keeps them. */
  pictureBytes: MAX_COPY_BYTES,
  /** backup.json: at most 3 bytes of UTF-8 per character of the backup's own ceiling. */
  jsonBytes: MAX_BACKUP_CHARS * 3,
  indexBytes: 16 * 1024 * 1024,
};
export type BackupZipLimits = typeof BACKUP_ZIP_LIMITS;

export interface MediaIndexEntry {
  /** The file's name in `media/`. */
  name: string;
  /** The URL the posts hold: the copy's key. */
  url: string;
  type: string;
}

export interface MediaIndex {
  format: typeof MEDIA_INDEX_FORMAT;
  version: 1;
  files: MediaIndexEntry[];
}

export type Copies = Map<string, { type: string; bytes: Uint8Array }>;
export type UnpackResult = { json: string; copies: Copies } | { error: string };

// What mediaFileName makes (and, when two URLs' names meet, `-2`, `-3`… before the dot).
const SAFE_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.[a-z0-9]{2,5}$/;

/** The copies a backup can carry: an http(s) URL, a raster image type, a size the background would keep. */
function packable(url: string, copy: { type: string; bytes: Uint8Array }): string | null {
  const type = imageType(copy.type);
  return type && webUrl(url) === url && url.length <= MAX_URL && copy.bytes.length > 0 && copy.bytes.length <= MAX_COPY_BYTES ? type : null;
}

/**
 * The zip of a JSON backup and the kept copies. A copy the reader would refuse (not an image,
 * not an http(s) URL, empty or too big) is left out, so every zip made here is read back.
 */
export function packBackupZip(json: string, copies: PictureBytes): Uint8Array {
  const files: MediaIndexEntry[] = [];
  const zippable: Zippable = { [BACKUP_ZIP_FILES.json]: strToU8(json) };
  const taken = new Set<string>();
  for (const [url, copy] of copies) {
    const type = packable(url, copy);
    if (!type) continue;
    let name = mediaFileName(url, type);
    for (let n = 2; taken.has(name); n++) name = mediaFileName(url, type).replace(/\.(?=[a-z0-9]+$)/, `-${n}.`);
    taken.add(name);
    files.push({ name, url, type });
    zippable[BACKUP_ZIP_FILES.media + name] = [copy.bytes, { level: 0 }];
  }
  const index: MediaIndex = { format: MEDIA_INDEX_FORMAT, version: 1, files };
  zippable[BACKUP_ZIP_FILES.index] = strToU8(JSON.stringify(index, null, 2) + '\n');
  // The files' date is the backup's own, read from its head (renderBackup writes it third).
  const exportedAt = /"exportedAt":\s*"([^"]{10,40})"/.exec(json.slice(0, 1000))?.[1];
  return zipSync(zippable, { level: 6, mtime: zipDate(exportedAt) });
}

/**
 * Why a zip is refused: a detail of the files it holds, in English after "backup zip" (like the
 * backup's own field checks, model/validate.ts), or `whole`, a sentence in the writer's language.
 */
class Refused extends Error {
  constructor(why: string, readonly whole = false) {
    super(why);
  }
}
const refuse = (why: string): never => {
  throw new Refused(why);
};
/** A refusal the writer can act on (not a zip of a backup at all, too large): in their language. */
const refuseSaying = (said: string): never => {
  throw new Refused(said, true);
};

/** A path that could land outside the folder it is unpacked into, or name something odd. */
function unsafePath(name: string): boolean {
  return (
    name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || name.split('/').some((part) => part === '..' || part === '.') ||
    /[\u0000-\u001f\u007f]/.test(name)
  );
}

const mb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function readIndex(bytes: Uint8Array, limits: BackupZipLimits): Map<string, MediaIndexEntry> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return refuse(`${BACKUP_ZIP_FILES.index} is not valid JSON (${(error as Error).message})`);
  }
  const index = raw as Partial<MediaIndex> | null;
  if (typeof index !== 'object' || index === null || index.format !== MEDIA_INDEX_FORMAT) {
    return refuse(`${BACKUP_ZIP_FILES.index} is not a Roundup media index (format is not "${MEDIA_INDEX_FORMAT}")`);
  }
  if (index.version !== 1) refuse(`${BACKUP_ZIP_FILES.index} has version ${JSON.stringify(index.version)}; this version reads 1`);
  if (!Array.isArray(index.files)) return refuse(`${BACKUP_ZIP_FILES.index}.files is not a list`);
  if (index.files.length > limits.files) refuse(`${BACKUP_ZIP_FILES.index} lists more than ${limits.files} files`);
  const byName = new Map<string, MediaIndexEntry>();
  const urls = new Set<string>();
  index.files.forEach((entry: unknown, i) => {
    const at = `${BACKUP_ZIP_FILES.index}.files[${i}]`;
    const { name, url, type } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !SAFE_NAME.test(name)) refuse(`${at}.name is not a picture file name (${JSON.stringify(name)})`);
    if (typeof url !== 'string' || url.length > MAX_URL || webUrl(url) !== url) refuse(`${at}.url is not an http(s) URL`);
    if (typeof type !== 'string' || imageType(type) !== type) refuse(`${at}.type ${JSON.stringify(type)} is not a picture type (JPEG, PNG, GIF, WebP, AVIF)`);
    if (byName.has(name as string)) refuse(`${at}.name repeats ${JSON.stringify(name)}`);
    if (urls.has(url as string)) refuse(`${at}.url repeats an earlier entry's`);
    urls.add(url as string);
    byName.set(name as string, { name: name as string, url: url as string, type: type as string });
  });
  return byName;
}

function unpack(bytes: Uint8Array, limits: BackupZipLimits): { json: string; copies: Copies } {
  // First pass: the directory only, and the two JSON files (nothing else is inflated).
  const seen = new Map<string, number>();
  let total = 0;
  const head = unzipSync(bytes, {
    filter({ name, originalSize }) {
      if (seen.has(name)) refuse(`holds "${name}" twice`);
      if (seen.size >= limits.files) refuse(`holds more than ${limits.files} files`);
      if (unsafePath(name)) refuse(`holds an entry with an unsafe path: ${JSON.stringify(name)}`);
      seen.set(name, originalSize);
      total += originalSize;
      if (total > limits.totalBytes) refuseSaying(t('backupZipTooLarge', mb(limits.totalBytes)));
      if (name === BACKUP_ZIP_FILES.json) {
        if (originalSize > limits.jsonBytes) refuse(`${name} is larger than ${mb(limits.jsonBytes)}`);
        return true;
      }
      if (name === BACKUP_ZIP_FILES.index) {
        if (originalSize > limits.indexBytes) refuse(`${name} is larger than ${mb(limits.indexBytes)}`);
        return true;
      }
      if (name === BACKUP_ZIP_FILES.media) return false; // the folder itself, as some zip tools add it
      if (!name.startsWith(BACKUP_ZIP_FILES.media)) refuseSaying(t('backupZipForeign', name));
      if (originalSize > limits.pictureBytes) refuse(`${name} is larger than ${mb(limits.pictureBytes)}, more than any picture kept`);
      return false;
    },
  });
  const jsonBytes = head[BACKUP_ZIP_FILES.json];
  if (!jsonBytes) return refuseSaying(t('backupZipLacks', BACKUP_ZIP_FILES.json));
  const indexBytes = head[BACKUP_ZIP_FILES.index];
  if (!indexBytes) return refuseSaying(t('backupZipLacks', BACKUP_ZIP_FILES.index));
  for (const name of [BACKUP_ZIP_FILES.json, BACKUP_ZIP_FILES.index]) {
    if (head[name]!.length !== seen.get(name)) refuse(`${name} does not unpack to the size the zip declares`);
  }
  const index = readIndex(indexBytes, limits);
  for (const name of seen.keys()) {
    if (!name.startsWith(BACKUP_ZIP_FILES.media) || name === BACKUP_ZIP_FILES.media) continue;
    if (!index.has(name.slice(BACKUP_ZIP_FILES.media.length))) refuse(`holds "${name}", which ${BACKUP_ZIP_FILES.index} does not list`);
  }
  for (const name of index.keys()) {
    if (!seen.has(BACKUP_ZIP_FILES.media + name)) refuse(`${BACKUP_ZIP_FILES.index} lists "${name}", which the zip does not hold`);
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes);
  } catch {
    return refuse(`${BACKUP_ZIP_FILES.json} is not UTF-8 text`);
  }
  // Second pass: the pictures, every one already checked against the index and the ceilings.
  const media = unzipSync(bytes, { filter: ({ name }) => name.startsWith(BACKUP_ZIP_FILES.media) && name !== BACKUP_ZIP_FILES.media });
  const copies: Copies = new Map();
  for (const entry of index.values()) {
    const path = BACKUP_ZIP_FILES.media + entry.name;
    const data = media[path];
    if (!data || data.length !== seen.get(path)) refuse(`${path} does not unpack to the size the zip declares`);
    copies.set(entry.url, { type: entry.type, bytes: data! });
  }
  return { json, copies };
}

/** The JSON backup and the kept copies (by URL) of a backup zip, or why it is refused (nothing of it is to be used). */
export function unpackBackupZip(bytes: Uint8Array, limits: BackupZipLimits = BACKUP_ZIP_LIMITS): UnpackResult {
  try {
    return unpack(bytes, limits);
  } catch (error) {
    if (error instanceof Refused) return { error: error.whole ? error.message : `backup zip ${error.message}` };
    // fflate's own errors: not a zip, a cut-short or corrupt one, an unknown compression.
    return { error: t('backupZipUnreadable', (error as Error).message) };
  }
}
