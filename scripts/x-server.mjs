// A local HTTPS server that answers as x.com, for the end-to-end tests and the `npm start` demo,
// and as X's media host pbs.twimg.com, serving the pictures the saved pages show. It answers as
// Bluesky too: bsky.app (the same `pages`, by path), its public API public.api.bsky.app
// (`getPosts`, from the post views a test hands it) and its media hosts cdn.bsky.app and
// video.bsky.app (pictures made like pbs.twimg.com's). Browsers reach
// it through a host-resolver rule (Chromium) or a forced DNS answer (Firefox), so the content
// script sees a real https://x.com/... page. The certificate is self-signed and made fresh with
// openssl on each start; browsers are told to accept it.
//
// The pictures are CONSTRUCTED, not X's: the saved pages hold only their addresses. Each is a
// small valid PNG made from its path (a colour from a hash, the path in a text chunk), so two
// addresses never share bytes and a copy can be compared byte for byte with what was served.
import https from 'node:https';
import { crc32, deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hosts answered as Bluesky's, beside bsky.app's pages (served from `pages` like x.com's). */
const BLUESKY_API_HOST = 'public.api.bsky.app';
const PICTURE_HOSTS = new Set(['pbs.twimg.com', 'cdn.bsky.app', 'video.bsky.app']);
const BLUESKY_HOSTS = ['bsky.app', BLUESKY_API_HOST, 'cdn.bsky.app', 'video.bsky.app'];

function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2',
      '-subj', '/CN=x.com', '-addext', `subjectAltName=${['x.com', 'twitter.com', 'mobile.twitter.com', 'pbs.twimg.com', ...BLUESKY_HOSTS].map((h) => `DNS:${h}`).join(',')}`],
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
 * @param {{ pages: Record<string, string>, scripts?: boolean, blueskyPosts?: Record<string, unknown> }} options
 *   pages: URL path (no query) → absolute path of the HTML file served there (on x.com and
 *   bsky.app alike).
 *   scripts: false (the default) sends `script-src 'none'`, so a saved page's own scripts stay
 *   off; extension scripts are not affected by a page's CSP.
 *   blueskyPosts: at:// URI → the `app.bsky.feed.defs#postView` public.api.bsky.app's
 *   `getPosts` answers for it.
 * @returns {Promise<{ port: number, close(): Promise<void>, servePictures(on: boolean): void, pictureRequests: string[], serveApi(on: boolean): void, apiRequests: string[] }>}
 *   servePictures(false): the picture hosts (pbs.twimg.com, cdn.bsky.app, video.bsky.app)
 *   answer 404 from then on, as when X deleted the post;
 *   pictureRequests: every picture path asked for, in order (to prove a view asked for none);
 *   serveApi(false): public.api.bsky.app answers 503 from then on;
 *   apiRequests: every public.api.bsky.app path and query asked for, in order.
 */
export async function startXServer({ pages, scripts = false, blueskyPosts = {} }) {
  let pictures = true;
  let api = true;
  const pictureRequests = [];
  const apiRequests = [];
  const server = https.createServer(makeCertificate(), (req, res) => {
    const host = (req.headers.host || '').split(':')[0];
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
    const file = pages[(req.url || '/').split('?')[0]];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (!scripts) headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    servePictures: (on) => void (pictures = on),
    pictureRequests,
    serveApi: (on) => void (api = on),
    apiRequests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
