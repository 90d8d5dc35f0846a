// The user's settings: one record, shared by the editor, the exports and the content script.
// Each is chosen on the options page and stored in the database's meta store.

/** The formats that are text (shown in "Export output"), and the two that are files with pictures inside. */
export type TextFormatId = 'html' | 'markdown' | 'wordpress' | 'text' | 'json';
export type FileFormatId = 'page' | 'zip';
export type ExportFormatId = TextFormatId | FileFormatId;
export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = ['html', 'markdown', 'wordpress', 'text', 'json', 'page', 'zip'];

/** Where the HTML, Markdown and WordPress exports point their pictures: X's servers, or `media/<name>` files beside the export. */
export type PictureChoice = 'x' | 'files';
export const PICTURE_CHOICES: readonly PictureChoice[] = ['x', 'files'];

export interface Settings {
  /** Appended after the closing of every export, e.g. an "About the author" bio. */
  signature: string;
  /** The format the export view opens with. */
  defaultFormat: ExportFormatId;
  /** HTML: add X's widgets.js once at the end; off = a static card that needs no script. */
  includeEmbedScript: boolean;
  /** `data-dnt="true"` on embeds: asks X not to use the embed for personalisation. */
  doNotTrack: boolean;
  theme: 'light' | 'dark';
  /** Markdown: YAML front matter (title, date) for static-site generators. */
  markdownFrontMatter: boolean;
  /** Markdown: photos as `![alt](url)`; off = links only. */
  markdownImages: boolean;
  /**
   * HTML, Markdown, WordPress: pictures linked to X (which deletes them with the post), or to
   * the kept copies as `media/<name>` files beside the export (the names the archive uses).
   */
  pictures: PictureChoice;
  /**
   * Keep a copy of each picture a clipped post shows (fetched from the networks' media hosts,
   * see model/media.ts), so a roundup keeps its pictures when the posts are deleted. Off: no new
   * copies are made; the kept ones stay.
   */
  keepCopies: boolean;
  /** Sites whose pages show the inline "Clip post" button (select mode and menus work anyway). */
  inlineButtons: { x: boolean; bluesky: boolean };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  signature: '',
  defaultFormat: 'html',
  includeEmbedScript: true,
  doNotTrack: true,
  theme: 'light',
  markdownFrontMatter: false,
  markdownImages: true,
  pictures: 'x',
  keepCopies: true,
  inlineButtons: Object.freeze({ x: true, bluesky: true }),
});

const MAX_SIGNATURE = 100_000;
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks a partial change of settings (from the options page or a backup); unknown keys are refused. */
export function parseSettingsPatch(value: unknown): Result<Partial<Settings>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'settings must be an object' };
  const out: Partial<Settings> = {};
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'signature':
        if (typeof v !== 'string' || v.length > MAX_SIGNATURE) return { ok: false, error: 'settings.signature must be text' };
        out.signature = v;
        break;
      case 'defaultFormat':
        if (!(EXPORT_FORMAT_IDS as readonly unknown[]).includes(v)) return { ok: false, error: `settings.defaultFormat must be one of ${EXPORT_FORMAT_IDS.join(', ')}` };
        out.defaultFormat = v as ExportFormatId;
        break;
      case 'theme':
        if (v !== 'light' && v !== 'dark') return { ok: false, error: 'settings.theme must be light or dark' };
        out.theme = v;
        break;
      case 'includeEmbedScript':
      case 'doNotTrack':
      case 'markdownFrontMatter':
      case 'markdownImages':
      case 'keepCopies':
        if (typeof v !== 'boolean') return { ok: false, error: `settings.${key} must be true or false` };
        out[key] = v;
        break;
      case 'pictures':
        if (!(PICTURE_CHOICES as readonly unknown[]).includes(v)) return { ok: false, error: `settings.pictures must be one of ${PICTURE_CHOICES.join(', ')}` };
        out.pictures = v as PictureChoice;
        break;
      case 'inlineButtons': {
        // Both sites at once (a settings record written before Bluesky has only x: Bluesky's then follows X's).
        const sites = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null) as { x?: unknown; bluesky?: unknown } | null;
        const keys = sites ? Object.keys(sites) : [];
        const x = sites?.x;
        const bluesky = sites?.bluesky ?? x;
        if (typeof x !== 'boolean' || typeof bluesky !== 'boolean' || keys.some((k) => k !== 'x' && k !== 'bluesky')) {
          return { ok: false, error: 'settings.inlineButtons must be { x: true | false, bluesky: true | false }' };
        }
        out.inlineButtons = { x, bluesky };
        break;
      }
      default:
        return { ok: false, error: `settings has no "${key}"` };
    }
  }
  return { ok: true, value: out };
}
