// What a valid backup file holds, field by field. Its roundups, posts and Trash are checked
// by the model's one schema (model/post-schema.ts, model/roundup-schema.ts), the same the
// store's data comes through, so a backup is never stricter than what the store holds. Only
// the settings' shape and the file's own ceilings live here.
import { EXPORT_FORMAT_IDS, PICTURE_CHOICES, type Settings } from '../model/settings';
import { bool, object, oneOf, text, type Check } from '../model/validate';
import type { BackupSettings } from './backup';

/** How many of each a file may hold: ceilings against absurd files, far above any real one. */
export const BACKUP_LIMITS = {
  roundups: 100_000,
  posts: 1_000_000,
  trash: 100_000,
} as const;

/** The settings as a file holds them: files made before the picture choice have none. */
type FileSettings = Omit<BackupSettings, 'pictures'> & Partial<Pick<BackupSettings, 'pictures'>>;

// `bluesky` came after `x`: a file made before reads as its x.
const inlineButtonsAsFiled = object<{ x: boolean; bluesky?: boolean }>({ x: bool, bluesky: bool }, ['bluesky']);
const fileInlineButtons: Check<Settings['inlineButtons']> = (value, path) => {
  const read = inlineButtonsAsFiled(value, path);
  return { x: read.x, bluesky: read.bluesky ?? read.x };
};

// `keepCopies` (keep copies of pictures) may be in a file (optional); the import takes it like any other setting.
const fileSettings = object<FileSettings & Partial<Pick<Settings, 'keepCopies'>>>(
  {
    signature: text(1_000_000), includeEmbedScript: bool, doNotTrack: bool,
    theme: oneOf(['light', 'dark']), markdownFrontMatter: bool, markdownImages: bool,
    pictures: oneOf(PICTURE_CHOICES),
    defaultFormat: oneOf(EXPORT_FORMAT_IDS),
    inlineButtons: fileInlineButtons,
    keepCopies: bool,
  },
  ['pictures', 'defaultFormat', 'inlineButtons', 'keepCopies'],
);

/** A file without the picture choice was made when every picture linked to X: it reads as 'x'. */
export const settings: Check<BackupSettings> = (value, path) => {
  const read = fileSettings(value, path);
  return { ...read, pictures: read.pictures ?? 'x' };
};
