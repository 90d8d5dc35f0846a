// The one door to the writer's own WordPress site: sends a request that src/publish built and
// hands back what came, as text. No cookies (a browser session logged in to the site is not
// used: only the application password in the request's own header), no referrer.
import type { Request } from '../publish/wordpress';

/** One request gives up after this long: a site that stalls is reported, not waited on forever. */
const TIMEOUT_MS = 90_000;

/** The site could not be reached at all (down, no network, a name that does not resolve, a timeout). */
export class SiteUnreachable extends Error {
  override readonly name = 'SiteUnreachable';
}

export interface SiteAnswer {
  status: number;
  body: string;
  /** Where the answer came from after redirects: a site that moved (http → https) says so. */
  url: string;
}

export async function callSite(request: Request): Promise<SiteAnswer> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body as BodyInit | undefined,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new SiteUnreachable(timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message || 'no answer');
  }
  let body = '';
  try {
    body = await response.text();
  } catch (e) {
    throw new SiteUnreachable(`the answer broke off (${(e as Error).message})`);
  }
  return { status: response.status, body, url: response.url || request.url };
}
