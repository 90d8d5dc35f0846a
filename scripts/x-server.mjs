// A local HTTPS server that answers as x.com, for the end-to-end tests and the `npm start` demo,
// and as X's media host pbs.twimg.com, serving the pictures the saved pages show. It answers as
// Bluesky too: bsky.app (the same `pages`, by path), its public API public.api.bsky.app
// (`getPosts`, from the post views a test hands it) and its media hosts cdn.bsky.app and
// video.bsky.app (pictures made like pbs.twimg.com's). And as Mastodon instances: each host a
// test names (`mastodon`, e.g. mastodon.social) answers `/api/v2/instance`, `/api/v1/instance`
// and `/api/v1/statuses/<id>` with the bodies the test hands it (recorded answers), their media
// hosts (files.mastodon.social, cdn.fosstodon.org) with pictures made like the others. Browsers reach
// it through a host-resolver rule (Chromium) or a forced DNS answer (Firefox), so the content
// script sees a real https://x.com/... page. The certificate is self-signed and made fresh with
// openssl on each start; browsers are told to accept it.
//
// The pictures are CONSTRUCTED, not X's: the saved pages hold only their addresses. Each is a
// small valid PNG made from its path (a colour from a hash, the path in a text chunk), so two
// addresses never share bytes and a copy can be compared byte for byte with what was served.
import http from 'node:http';
import https from 'node:https';
import { crc32, deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hosts answered as Bluesky's, beside bsky.app's pages (served from `pages` like x.com's). */
const BLUESKY_API_HOST = 'public.api.bsky.app';
/** Mastodon instances' media hosts, answered with pictures like pbs.twimg.com's. */
const MASTODON_MEDIA_HOSTS = ['files.mastodon.social', 'cdn.fosstodon.org'];
const PICTURE_HOSTS = new Set(['pbs.twimg.com', 'cdn.bsky.app', 'video.bsky.app', ...MASTODON_MEDIA_HOSTS]);
const BLUESKY_HOSTS = ['bsky.app', BLUESKY_API_HOST, 'cdn.bsky.app', 'video.bsky.app'];
/** The instances the tests serve, always in the certificate (a test may name more). */
const MASTODON_HOSTS = ['mastodon.social', 'fosstodon.org', ...MASTODON_MEDIA_HOSTS];

function makeCertificate(moreHosts = []) {
  const names = [...new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'pbs.twimg.com', ...BLUESKY_HOSTS, ...MASTODON_HOSTS, ...moreHosts])];
  const dir = mkdtempSync(join(tmpdir(), 'roundup-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2',
      '-subj', '/CN=x.com', '-addext', `subjectAltName=${names.map((h) => `DNS:${h}`).join(',')}`],
    { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A 16×16 PNG of one colour drawn from `path`, with `path` in a tEXt chunk: unique bytes per address. */
export function pictureFor(path) {
  const [r, g, b] = createHash('sha256').update(path).digest();
  const size = 16;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0constructed for ${path}`, 'latin1')),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Bluesky's public API, as far as the tests need it: `app.bsky.feed.getPosts?uris=…` answers
 * with the views of the posts it knows, in the order asked, leaving out the others as the real
 * AppView does; any other method is not there. With `on` false every call answers 503.
 */
function answerBlueskyApi(req, res, posts, on) {
  const url = new URL(req.url || '/', `https://${BLUESKY_API_HOST}`);
  const json = (status, body, headers = {}) => {
    // The real API is read by bsky.app from another origin: it allows any.
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  if (!on) return json(503, { error: 'InternalServerError', message: 'Service Unavailable' }, { 'retry-after': '30' });
  if (url.pathname !== '/xrpc/app.bsky.feed.getPosts') return json(404, { error: 'XRPCNotSupported', message: 'XRPCNotSupported' });
  const uris = url.searchParams.getAll('uris');
  if (uris.length === 0) return json(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "uris"' });
  return json(200, { posts: uris.filter((u) => Object.hasOwn(posts, u)).map((u) => posts[u]) });
}

/**
 * A Mastodon instance's public API, as far as the tests need it: `GET /api/v2/instance` and
 * `/api/v1/instance` answer the bodies the test gave (a version it gave none of is not there:
 * 404, as on a Mastodon before 4.0 for v2), `GET /api/v1/statuses/<id>` the status's body, and
 * anything else 404 with Mastodon's own error body. Every answer carries the CORS headers
 * Mastodon's /api/* sends (config/initializers/cors.rb: any origin, and only these headers
 * exposed: a page or extension without host permission cannot read any other, Retry-After
 * included). With `on` false every call answers 503 with a Retry-After.
 */
function answerMastodonApi(req, res, instance, on) {
  const path = (req.url || '/').split('?')[0].replace(/\/$/, '');
  const send = (status, body, headers = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(body);
  };
  const notFound = () => send(404, '{"error":"Record not found"}');
  if (!on) return send(503, '{"error":"Service Unavailable"}', { 'retry-after': '30' });
  if (req.method !== 'GET') return notFound();
  if (path === '/api/v2/instance') return instance.v2 === undefined ? notFound() : send(200, instance.v2);
  if (path === '/api/v1/instance') return instance.v1 === undefined ? notFound() : send(200, instance.v1);
  const statuses = instance.statuses ?? {};
  // `GET /api/v1/statuses?id[]=…` (Mastodon 4.3+): the ones it knows, in the order asked.
  if (path === '/api/v1/statuses' && instance.batch !== false) {
    const ids = new URL(req.url || '/', 'https://instance.example').searchParams.getAll('id[]');
    return send(200, `[${ids.filter((id) => Object.hasOwn(statuses, id)).map((id) => statuses[id]).join(',')}]`);
  }
  const context = /^\/api\/v1\/statuses\/(\d{1,30})\/context$/.exec(path);
  if (context) return Object.hasOwn(instance.contexts ?? {}, context[1]) ? send(200, instance.contexts[context[1]]) : notFound();
  const status = /^\/api\/v1\/statuses\/(\d{1,30})$/.exec(path);
  const body = status && Object.hasOwn(statuses, status[1]) ? statuses[status[1]] : undefined;
  return body === undefined ? notFound() : send(200, body);
}

/**
 * A saved (or constructed) page from `pages` (path → file), its own scripts off unless the test
 * wants them: x.com's and bsky.app's pages, and a Mastodon instance's web app's.
 */
function answerPage(req, res, pages, scripts) {
  const file = pages?.[(req.url || '/').split('?')[0]];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (!scripts) headers['content-security-policy'] = "script-src 'none'";
  res.writeHead(200, headers);
  res.end(readFileSync(file));
}

/**
 * @param {{ pages: Record<string, string>, scripts?: boolean, blueskyPosts?: Record<string, unknown>, mastodon?: Record<string, { v2?: string, v1?: string, statuses?: Record<string, string>, contexts?: Record<string, string>, batch?: boolean, pages?: Record<string, string> }> }} options
 *   pages: URL path (no query) → absolute path of the HTML file served there (on x.com and
 *   bsky.app alike).
 *   scripts: false (the default) sends `script-src 'none'`, so a saved page's own scripts stay
 *   off; extension scripts are not affected by a page's CSP.
 *   blueskyPosts: at:// URI → the `app.bsky.feed.defs#postView` public.api.bsky.app's
 *   `getPosts` answers for it.
 *   mastodon: host → what that Mastodon instance answers (answerMastodonApi): the bodies of
 *   its instance answers (`v2`, `v1`), of its statuses by id and their contexts (`contexts`),
 *   as text sent unchanged; the batch route `statuses?id[]=` unless `batch` is false (before
 *   4.3); and `pages`: its web app's pages by path (anything not under /api/).
 *   httpPort: when given, the same answers are also served over plain http on
 *   127.0.0.1:<httpPort>, for a Mastodon development server's own address (Mastodon.py's
 *   recordings are of `http://localhost:3000`: name `localhost` in `mastodon` and pass 3000).
 * @returns {Promise<{ port: number, close(): Promise<void>, servePictures(on: boolean): void, pictureRequests: string[], serveApi(on: boolean): void, apiRequests: string[], serveMastodon(on: boolean): void, mastodonRequests: string[] }>}
 *   servePictures(false): the picture hosts (pbs.twimg.com, cdn.bsky.app, video.bsky.app)
 *   answer 404 from then on, as when X deleted the post;
 *   pictureRequests: every picture path asked for, in order (to prove a view asked for none);
 *   serveApi(false): public.api.bsky.app answers 503 from then on;
 *   apiRequests: every public.api.bsky.app path and query asked for, in order;
 *   serveMastodon(false): every Mastodon instance's API answers 503 from then on;
 *   mastodonRequests: every request to a Mastodon instance, as `<host><path and query>`, in order.
 */
export async function startXServer({ pages, scripts = false, blueskyPosts = {}, mastodon = {}, httpPort }) {
  let pictures = true;
  let api = true;
  let mastodonApi = true;
  const pictureRequests = [];
  const apiRequests = [];
  const mastodonRequests = [];
  const handle = (req, res) => {
    const host = (req.headers.host || '').split(':')[0];
    if (Object.hasOwn(mastodon, host)) {
      if (!(req.url || '/').startsWith('/api/') && mastodon[host].pages) return answerPage(req, res, mastodon[host].pages, scripts);
      mastodonRequests.push(`${host}${req.url || '/'}`);
      answerMastodonApi(req, res, mastodon[host], mastodonApi);
      return;
    }
    if (host === BLUESKY_API_HOST) {
      apiRequests.push(req.url || '/');
      answerBlueskyApi(req, res, blueskyPosts, api);
      return;
    }
    if (PICTURE_HOSTS.has(host)) {
      const path = req.url || '/';
      pictureRequests.push(path);
      if (!pictures) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('deleted');
        return;
      }
      const body = pictureFor(path.split('?')[0]);
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    answerPage(req, res, pages, scripts);
  };
  const server = https.createServer(makeCertificate(Object.keys(mastodon)), handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  let plain;
  if (httpPort !== undefined) {
    plain = http.createServer(handle);
    await new Promise((resolve, reject) => {
      plain.once('error', reject);
      plain.listen(httpPort, '127.0.0.1', resolve);
    });
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    servePictures: (on) => void (pictures = on),
    pictureRequests,
    serveApi: (on) => void (api = on),
    apiRequests,
    serveMastodon: (on) => void (mastodonApi = on),
    mastodonRequests,
    close: () => Promise.all([server, plain].filter(Boolean).map((s) => new Promise((resolve) => {
      s.closeAllConnections?.();
      s.close(() => resolve());
    }))).then(() => undefined),
  };
}
