// A local HTTPS server that answers as x.com, for the end-to-end tests and the `npm start` demo,
// and as X's media host pbs.twimg.com, serving the pictures the saved pages show. Browsers reach
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

function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2',
      '-subj', '/CN=x.com', '-addext', 'subjectAltName=DNS:x.com,DNS:twitter.com,DNS:mobile.twitter.com,DNS:pbs.twimg.com'],
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
 * @param {{ pages: Record<string, string>, scripts?: boolean }} options
 *   pages: URL path (no query) → absolute path of the HTML file served there.
 *   scripts: false (the default) sends `script-src 'none'`, so a saved page's own scripts stay
 *   off; extension scripts are not affected by a page's CSP.
 * @returns {Promise<{ port: number, close(): Promise<void>, servePictures(on: boolean): void, pictureRequests: string[] }>}
 *   servePictures(false): pbs.twimg.com answers 404 from then on, as when X deleted the post;
 *   pictureRequests: every picture path asked for, in order (to prove a view asked for none).
 */
export async function startXServer({ pages, scripts = false }) {
  let pictures = true;
  const pictureRequests = [];
  const server = https.createServer(makeCertificate(), (req, res) => {
    if ((req.headers.host || '').split(':')[0] === 'pbs.twimg.com') {
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
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
