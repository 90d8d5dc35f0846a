// What publishing keeps and says, shared by the store, the background and the views. A view
// only ever sees a `SiteSummary`: the application password stays in the store (`SavedSite`).

/** The writer's WordPress site, as views see it: never the password. */
export interface SiteSummary {
  /** The site's address, normalised by `siteAddress` (no trailing slash; a path where WordPress lives in one). */
  url: string;
  user: string;
  /** WordPress's display name for that user (what "Check connection" found). */
  name: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

/** The site as the store keeps it. Nothing outside src/store and the background reads this. */
export interface SavedSite extends SiteSummary {
  applicationPassword: string;
  /** `/wp-json/…` answered (pretty permalinks on); otherwise every route goes through `?rest_route=`. */
  pretty: boolean;
}

/** The draft a roundup was last sent to, on one site. */
export interface SentDraft {
  site: string;
  roundupId: string;
  postId: number;
  /** WordPress's edit screen for it ("Open in WordPress"). */
  editUrl: string;
  /** The post's own address (a preview link while it is a draft). */
  link: string;
  sentAt: string;
}

/** A picture the content points at as `media/<name>` (the WordPress export with files beside it). */
export interface PictureToSend {
  /** As the post holds it: the key of its kept copy, and where it is fetched from when none is kept. */
  url: string;
  /** `media/<name>`, exactly as the content writes it. */
  file: string;
}

/** What "Send to WordPress" hands the background: the export made by the editor, and its pictures. */
export interface SendRequest {
  roundupId: string;
  title: string;
  /** The WordPress block export with `media/<name>` pictures. */
  content: string;
  /** The introduction, as plain text. */
  excerpt: string;
  pictures: PictureToSend[];
}

/** A picture that went out pointing at X instead of the site's media library, and why. */
export interface PictureNotSent {
  url: string;
  reason: string;
}

export interface SendReport {
  draft: SentDraft;
  /** `created`: a new draft; `updated`: the one sent before; `recreated`: a new one, because the one before was deleted in WordPress. */
  made: 'created' | 'updated' | 'recreated';
  /** Pictures uploaded by this send, and those already in the media library from an earlier one. */
  uploaded: number;
  reused: number;
  notSent: PictureNotSent[];
}

/** What the export view shows about publishing: the saved site (if any) and this roundup's draft on it. */
export interface PublishState {
  site: SiteSummary | null;
  draft: SentDraft | null;
}

/** The fields of the Settings form. */
export interface SiteForm {
  url: string;
  user: string;
  applicationPassword: string;
}
