// The input every renderer takes. Pure data: the popup builds it from the store.
import type { PictureBytes } from '../model/media';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';

/** What the renderers read of the user's settings. */
export type ExportSettings = Pick<
  Settings,
  'signature' | 'includeEmbedScript' | 'doNotTrack' | 'theme' | 'markdownFrontMatter' | 'markdownImages' | 'pictures'
>;

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
  signature: DEFAULT_SETTINGS.signature,
  includeEmbedScript: DEFAULT_SETTINGS.includeEmbedScript,
  doNotTrack: DEFAULT_SETTINGS.doNotTrack,
  theme: DEFAULT_SETTINGS.theme,
  markdownFrontMatter: DEFAULT_SETTINGS.markdownFrontMatter,
  markdownImages: DEFAULT_SETTINGS.markdownImages,
  pictures: DEFAULT_SETTINGS.pictures,
});

export interface ExportInput {
  roundup: Roundup;
  /** By post id. An item whose post is absent still exports its own words. */
  posts: Record<string, Post>;
  settings: ExportSettings;
  /** JSON backup only: when it was made (renderers read no clock). Default: roundup.updatedAt. */
  exportedAt?: string;
  /**
   * The kept copies of pictures, for `settings.pictures: 'files'`: a picture with one points at
   * `media/<name>` (see pictures.ts), one without shows as words. Absent: every picture is
   * taken as kept, its type read from its URL. The links-to-X choice never reads it.
   */
  pictures?: PictureBytes;
}
