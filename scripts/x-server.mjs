// A local HTTPS server that answers as x.com, for the end-to-end tests and the `npm start` demo.
// Browsers reach it through a host-resolver rule (Chromium) or a forced DNS answer (Firefox),
// so the content script sees a real https://x.com/... page. The certificate is self-signed and
// made fresh with openssl on each start; browsers are told to accept it.
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2',
      '-subj', '/CN=x.com', '-addext', 'subjectAltName=DNS:x.com,DNS:twitter.com,DNS:mobile.twitter.com'],
    { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{ pages: Record<string, string>, scripts?: boolean }} options
 *   pages: URL path (no query) → absolute path of the HTML file served there.
 *   scripts: false (the default) sends `script-src 'none'`, so a saved page's own scripts stay
 *   off; extension scripts are not affected by a page's CSP.
 * @returns {Promise<{ port: number, close(): Promise<void> }>}
 */
export async function startXServer({ pages, scripts = false }) {
  const server = https.createServer(makeCertificate(), (req, res) => {
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
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
