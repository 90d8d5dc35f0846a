// "Check connection": from what the writer typed in Settings to a site Roundup can send to, or
// a message that says what is wrong. Pure: the one request goes through `call` (the background
// passes platform/site-fetch.ts). WordPress is asked at `/wp-json/…` first; where pretty links
// are off that address is not WordPress's, and `?rest_route=…` (which always works) is used.
// Its words are the writer's language's (src/platform/i18n.ts).
import type { SiteForm } from './types';
import { readWriter, said, siteAddress, whoAmI, type Request, type Site, type Writer } from './wordpress';
import { sentences, t } from '../platform/i18n';

export interface SiteAnswer {
  status: number;
  body: string;
  /** Where the answer came from, after redirects. */
  url: string;
}

/** Sends one request; throws when the site cannot be reached at all (the message says why). */
export type Call = (request: Request) => Promise<SiteAnswer>;

export type Checked = { ok: true; site: Required<Site>; writer: Writer } | { ok: false; error: string };

const isJsonObject = (body: string) => {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
};

/** An application password is 24 letters and digits, shown in groups of four; a login password is not. */
export function looksLikeApplicationPassword(password: string): boolean {
  return /^[A-Za-z0-9]{24}$/.test(password.replace(/\s+/g, ''));
}

/** The site moved (http → https, another host): basic auth does not follow a redirect to another origin. */
function movedTo(site: Site, answer: SiteAnswer): string | null {
  try {
    const from = new URL(site.url).origin;
    const to = new URL(answer.url).origin;
    return from === to ? null : to;
  } catch {
    return null;
  }
}

export async function checkSite(form: SiteForm, call: Call): Promise<Checked> {
  const address = siteAddress(form.url);
  if (!address.ok) return address;
  const user = form.user.trim();
  if (!user) return { ok: false, error: t('missingUser') };
  if (!form.applicationPassword.trim()) return { ok: false, error: t('missingPassword') };
  const base = { url: address.url, user, applicationPassword: form.applicationPassword.trim() };

  const checking = t('wpCheckingConnection');
  let answer: SiteAnswer;
  let site: Required<Site> = { ...base, pretty: true };
  try {
    answer = await call(whoAmI(site));
    // Not WordPress's own JSON at /wp-json (pretty links off, or another server): the query form.
    if (!isJsonObject(answer.body) || answer.status === 404) {
      site = { ...base, pretty: false };
      answer = await call(whoAmI(site));
    }
  } catch (e) {
    return { ok: false, error: said(checking, t('wpCheckUnreachable', address.url, (e as Error).message)) };
  }
  const moved = movedTo(site, answer);
  if (moved) return { ok: false, error: said(checking, t('wpSiteMoved', moved)) };
  if (!isJsonObject(answer.body)) {
    return { ok: false, error: said(checking, t('wpNothingAnswered', address.url, String(answer.status))) };
  }
  const read = readWriter(answer.status, answer.body);
  if (!read.ok) {
    if (answer.status !== 401) return { ok: false, error: read.error };
    return {
      ok: false,
      error: sentences(
        read.error,
        address.url.startsWith('http://') && t('wpHttpRefusesApplicationPasswords'),
        !looksLikeApplicationPassword(base.applicationPassword) && t('wpNotAnApplicationPassword'),
      ),
    };
  }
  if (!read.value.canWrite) {
    return { ok: false, error: said(checking, t('wpUserMayNotWrite', read.value.name || user)) };
  }
  return { ok: true, site, writer: read.value };
}
