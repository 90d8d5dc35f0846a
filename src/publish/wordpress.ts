// Publishing to the writer's own WordPress site, as pure request builders and response
// readers: what to send (method, address, headers, body) and what an answer means, in words a
// writer understands. The one fetch that sends them is the background's, through src/platform
// (platform/site-fetch.ts); connect.ts and send.ts put these steps together. Nothing here keeps
// or logs the application password: it goes into one header of one request.
//
// WordPress's REST API: https://developer.wordpress.org/rest-api/ — every route works as
// `<site>/?rest_route=/wp/v2/…` even where pretty permalinks are off; `<site>/wp-json/wp/v2/…`
// only where they are on. Application passwords (WordPress 5.6+) authenticate with HTTP basic
// auth; WordPress refuses them over plain HTTP unless the site is a local one.
//
// What an answer means is said in the writer's language (the interface's catalogue,
// src/platform/i18n.ts): a step's name (`wpCheckingConnection`…), then what went wrong.
import { t } from '../platform/i18n';

export interface Site {
  /** The site's address as the writer gave it, normalised: `https://example.org/blog` (no trailing slash). */
  url: string;
  user: string;
  /** As WordPress shows it ("abcd efgh …"); spaces are ignored by WordPress. */
  applicationPassword: string;
  /** Routes as `/wp-json/…` (pretty permalinks on); otherwise `?rest_route=…`, which works everywhere. */
  pretty?: boolean;
}

export interface Request {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The writer's site address, made into the base every route hangs from; an error in words otherwise. */
export function siteAddress(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, error: t('wpNotAWebAddress', trimmed) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: t('wpAddressNeedsHttps') };
  if (url.username || url.password) return { ok: false, error: t('wpAddressWithSignIn') };
  // The site's root, with its path (a WordPress in /blog), without query, fragment or a trailing slash.
  const path = url.pathname.replace(/\/(wp-admin|wp-json|wp-login\.php)(\/.*)?$/, '').replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** Basic auth with an application password (spaces as WordPress shows them are left out). */
export function authorization(site: Pick<Site, 'user' | 'applicationPassword'>): string {
  const password = site.applicationPassword.replace(/\s+/g, '');
  const bytes = new TextEncoder().encode(`${site.user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** A route's address: `?rest_route=` (works everywhere) or `/wp-json` (pretty permalinks). */
export function routeUrl(siteUrl: string, route: string, query: Record<string, string> = {}, pretty = false): string {
  const params = new URLSearchParams(query);
  if (pretty) {
    const q = params.toString();
    return `${siteUrl}/wp-json${route}${q ? `?${q}` : ''}`;
  }
  const q = params.toString();
  return `${siteUrl}/?rest_route=${encodeURIComponent(route).replace(/%2F/g, '/')}${q ? `&${q}` : ''}`;
}

const json = (site: Site) => ({ Authorization: authorization(site), Accept: 'application/json' });

const route = (site: Site, path: string, query: Record<string, string> = {}) => routeUrl(site.url, path, query, site.pretty === true);

/** "Check connection": who the password belongs to, and what they may do. */
export function whoAmI(site: Site): Request {
  return { method: 'GET', url: route(site, '/wp/v2/users/me', { context: 'edit' }), headers: json(site) };
}

export interface Draft {
  title: string;
  /** The WordPress block export of the roundup. */
  content: string;
  /** The introduction, as plain text. */
  excerpt: string;
}

/**
 * A new draft (`status: draft`: never published), or an update of the one sent before, which
 * names no status, so a draft the writer marked "pending review" in WordPress stays so.
 */
export function saveDraft(site: Site, draft: Draft, postId?: number): Request {
  const fields = { title: draft.title, content: draft.content, excerpt: draft.excerpt };
  return {
    method: 'POST',
    url: route(site, postId === undefined ? '/wp/v2/posts' : `/wp/v2/posts/${postId}`),
    headers: { ...json(site), 'Content-Type': 'application/json' },
    body: JSON.stringify(postId === undefined ? { ...fields, status: 'draft' } : fields),
  };
}

/** Whether the draft sent before is still there (a writer may have deleted it in WordPress). */
export function getPost(site: Site, postId: number): Request {
  return { method: 'GET', url: route(site, `/wp/v2/posts/${postId}`, { context: 'edit', _fields: 'id,link,status' }), headers: json(site) };
}

/** Which of these media ids are still in the library (at most 100: WordPress's page size). */
export function listMedia(site: Site, ids: readonly number[]): Request {
  const query = { include: ids.join(','), per_page: '100', context: 'edit', _fields: 'id,source_url' };
  return { method: 'GET', url: route(site, '/wp/v2/media', query), headers: json(site) };
}

/** A picture for the media library, its bytes as the body. */
export function uploadPicture(site: Site, picture: { fileName: string; type: string; bytes: Uint8Array }): Request {
  // A file name WordPress keeps as it is: letters, digits, dot, dash, underscore.
  const name = picture.fileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'picture';
  return {
    method: 'POST',
    url: route(site, '/wp/v2/media'),
    headers: { ...json(site), 'Content-Type': picture.type, 'Content-Disposition': `attachment; filename="${name}"` },
    body: picture.bytes,
  };
}

// ---- Answers ----

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string; status: number };

interface WpError {
  code?: unknown;
  message?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A step's name and what went wrong in it: "Checking the connection: …"; the reason alone without a step. */
export function said(doing: string | null, reason: string): string {
  return doing === null ? reason : t('wpStepFailed', doing, reason);
}

/** What a failed answer means, for a writer: by WordPress's own error code first, else by status. */
function reasonFor(status: number, body: string): string {
  const data = parse(body);
  const code = isRecord(data) ? String((data as WpError).code ?? '') : '';
  switch (code) {
    case 'incorrect_password':
    case 'invalid_username':
    case 'rest_not_logged_in':
      return t('wpPasswordRefused');
    case 'application_passwords_disabled':
    case 'application_passwords_disabled_for_user':
      return t('wpApplicationPasswordsOff');
    case 'rest_cannot_create':
    case 'rest_cannot_edit':
    case 'rest_cannot_create_post':
      return t('wpMayNotWrite');
    case 'rest_cannot_upload':
    case 'rest_upload_no_data':
      return t('wpMayNotUpload');
    case 'rest_post_invalid_id':
      return t('wpDraftGone');
    case 'rest_no_route':
    case 'rest_disabled':
    case 'rest_cannot_access':
      return t('wpRestApiOff');
    case 'rest_upload_unknown_error':
    case 'rest_upload_sideload_error':
      // PHP's own limit, said in PHP's words ("exceeds the upload_max_filesize directive").
      if (/exceeds|too large|upload_max_filesize|post_max_size/i.test(String((data as WpError).message ?? ''))) {
        return t('wpPictureTooLarge');
      }
      return t('wpPictureNotStored', (data as WpError).message == null ? t('wpNoReasonGiven') : String((data as WpError).message));
    default:
  }
  if (status === 401) return t('wpHttp401');
  if (status === 403) return t('wpHttp403');
  if (status === 404) return t('wpHttp404');
  if (status === 413) return t('wpHttp413');
  if (status >= 500) return t('wpHttp5xx', String(status));
  return isRecord(data) && typeof data.message === 'string' ? t('wpHttpOtherSaying', String(status), data.message) : t('wpHttpOther', String(status));
}

/** A failed answer, in words: `doing` (a step's name, e.g. `t('wpSendingToWordPress')`), then why; only why when null. */
export function failure(status: number, body: string, doing: string | null): { ok: false; error: string; status: number } {
  return { ok: false, error: said(doing, reasonFor(status, body)), status };
}

export interface Writer {
  id: number;
  name: string;
  /** May write posts (`edit_posts`) and upload pictures (`upload_files`). */
  canWrite: boolean;
  canUpload: boolean;
}

/** The answer to `whoAmI`; `doing` names the step in a failure's words. */
export function readWriter(status: number, body: string, doing: string | null = t('wpCheckingConnection')): Answer<Writer> {
  const data = parse(body);
  if (status !== 200 || !isRecord(data) || typeof data.id !== 'number') {
    if (status === 200) return { ok: false, error: said(doing, t('wpNotWordPressAnswer')), status };
    return failure(status, body, doing);
  }
  const caps = isRecord(data.capabilities) ? data.capabilities : {};
  return {
    ok: true,
    value: { id: data.id, name: typeof data.name === 'string' ? data.name : '', canWrite: caps.edit_posts === true, canUpload: caps.upload_files === true },
  };
}

export interface SavedDraft {
  id: number;
  /** The post's own address (a draft's preview link). */
  link: string;
  status: string;
}

/** The answer to `saveDraft` or `getPost`. */
export function readDraft(status: number, body: string, doing: string | null = t('wpSendingToWordPress')): Answer<SavedDraft> {
  const data = parse(body);
  if ((status !== 200 && status !== 201) || !isRecord(data) || typeof data.id !== 'number') {
    if (status === 200 || status === 201) return { ok: false, error: said(doing, t('wpNotWordPressAnswer')), status };
    return failure(status, body, doing);
  }
  return { ok: true, value: { id: data.id, link: typeof data.link === 'string' ? data.link : '', status: typeof data.status === 'string' ? data.status : '' } };
}

/** Where the writer edits the draft in WordPress. */
export function editLink(siteUrl: string, postId: number): string {
  return `${siteUrl}/wp-admin/post.php?post=${postId}&action=edit`;
}

export interface UploadedPicture {
  id: number;
  /** Where WordPress serves it: what the content then points at. */
  url: string;
}

/** The answer to `uploadPicture`; with `doing` null, a failure says only why (a picture's reason for not being sent). */
export function readUpload(status: number, body: string, doing: string | null = t('wpUploadingPicture')): Answer<UploadedPicture> {
  const data = parse(body);
  if (status !== 201 || !isRecord(data) || typeof data.id !== 'number' || typeof data.source_url !== 'string') {
    if (status === 201 || status === 200) return { ok: false, error: said(doing, t('wpNotWordPressAnswer')), status };
    return failure(status, body, doing);
  }
  return { ok: true, value: { id: data.id, url: data.source_url } };
}

/** The answer to `listMedia`: the ids found, with where WordPress serves each. */
export function readMediaList(status: number, body: string, doing: string | null = t('wpReadingMediaLibrary')): Answer<UploadedPicture[]> {
  const data = parse(body);
  if (status !== 200 || !Array.isArray(data)) {
    if (status === 200) return { ok: false, error: said(doing, t('wpNotWordPressAnswer')), status };
    return failure(status, body, doing);
  }
  const found = data.filter((m): m is { id: number; source_url: string } => isRecord(m) && typeof m.id === 'number' && typeof m.source_url === 'string');
  return { ok: true, value: found.map((m) => ({ id: m.id, url: m.source_url })) };
}

/** Where a picture of the content now points: the media library (with its attachment id), or elsewhere (X). */
export type PictureTarget = { url: string; id?: number };

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The block content with each `media/<name>` picture pointed at its target. An image block
 * whose picture is in the media library names the attachment as the block editor saves it
 * (`{"id":N}` and `class="wp-image-N"`), so WordPress treats it as its own (sizes, srcset).
 * Only the exact forms the WordPress export writes are rewritten: words that happen to say
 * "media/…" stay as they are.
 */
export function pointAtLibrary(content: string, targets: ReadonlyMap<string, PictureTarget>): string {
  const image = /<!-- wp:image -->\n<figure class="wp-block-image"><img src="([^"]*)" alt="([^"]*)"\/><\/figure>\n<!-- \/wp:image -->/g;
  const withIds = content.replace(image, (whole, src: string, alt: string) => {
    const target = targets.get(src);
    if (!target) return whole;
    if (target.id === undefined) return whole.replace(`src="${src}"`, `src="${escapeAttr(target.url)}"`);
    return `<!-- wp:image {"id":${target.id}} -->\n<figure class="wp-block-image"><img src="${escapeAttr(target.url)}" alt="${alt}" class="wp-image-${target.id}"/></figure>\n<!-- /wp:image -->`;
  });
  // Any other place a picture sits in an attribute (a link card's picture), inside a real tag
  // only: the writer's words have `<` escaped, so `src="media/…"` typed as words stays as it is.
  return withIds.replace(/<[a-z][a-z0-9]*\s[^<>]*>/gi, (tag) =>
    tag.replace(/\b(src|href)="(media\/[a-z0-9.-]+)"/g, (whole, name: string, file: string) => {
      const target = targets.get(file);
      return target ? `${name}="${escapeAttr(target.url)}"` : whole;
    }),
  );
}
