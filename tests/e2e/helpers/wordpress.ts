// The real WordPress the publish tests send to: started by the test itself with
// scripts/wordpress.mjs (Debian's wordpress, php -S and MariaDB; installed on first use), in a
// folder of its own so a developer's own test site is not touched. In front of it a small
// server passes every request through as a front-end server (nginx, Apache) would, and can
// cap the size of an upload as their `client_max_body_size` / `LimitRequestBody` do — the one
// place a real 413 comes from (php -S and WordPress never send one).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './driver.js';

export interface WordPressInfo {
  /** The real site (php -S). */
  url: string;
  user: string;
  applicationPassword: string;
}

export interface LocalWordPress {
  info: WordPressInfo;
  /** The front server's address: what the writer types as the site address. */
  frontUrl: string;
  /** From now on, an upload to the media library over this many bytes gets 413 (null: no cap). */
  capUploads(bytes: number | null): void;
  /** Stops the real site (php and MariaDB): the front answers 502, as nginx does when PHP is down. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same database. */
  start(): Promise<void>;
  /** GET on the REST API as the site's own user (with the password the test knows is current). */
  rest<T>(route: string, query?: Record<string, string>): Promise<T>;
  /** Deletes a post for good (not to WordPress's trash), as a writer may. */
  deletePost(id: number): Promise<void>;
  /** Another application password (made with the current one), then the current one revoked: "the password changed". */
  changePassword(): Promise<string>;
  close(): Promise<void>;
}

const SCRIPT = join(ROOT, 'scripts/wordpress.mjs');

function startScript(dir: string, port: number | null, infoPath: string): Promise<ChildProcess> {
  rmSync(infoPath, { force: true });
  const child = spawn(process.execPath, [SCRIPT, 'start', `--info=${infoPath}`, ...(port ? [`--port=${port}`] : [])], {
    env: { ...process.env, ROUNDUP_WP_DIR: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (existsSync(infoPath)) {
        clearInterval(timer);
        resolve(child);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`scripts/wordpress.mjs start exited ${code}:\n${log}`));
    });
  });
}

function stopScript(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startWordPress(): Promise<LocalWordPress> {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-e2e-wordpress-'));
  const infoPath = join(dir, 'info.json');
  let child: ChildProcess | null = await startScript(dir, null, infoPath);
  const info = JSON.parse(readFileSync(infoPath, 'utf8')) as WordPressInfo;
  const port = Number(new URL(info.url).port);
  let password = info.applicationPassword;
  let cap: number | null = null;

  const front: Server = createServer((req, res) => {
    const length = Number(req.headers['content-length'] ?? 0);
    // Like an nginx `location` for the media route with its own client_max_body_size.
    if (cap !== null && length > cap && decodeURIComponent(req.url ?? '').includes('/wp/v2/media')) {
      // What nginx answers over client_max_body_size, before reading the body.
      res.writeHead(413, { 'content-type': 'text/html', connection: 'close' });
      res.end('<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
      req.resume();
      return;
    }
    const out = forward({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const frontPort = (front.address() as { port: number }).port;

  const auth = () => `Basic ${Buffer.from(`${info.user}:${password}`).toString('base64')}`;
  const api = async (method: string, route: string, query: Record<string, string> = {}, body?: unknown) => {
    const q = new URLSearchParams(query).toString();
    const response = await fetch(`${info.url}/?rest_route=${route}${q ? `&${q}` : ''}`, {
      method,
      headers: { authorization: auth(), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };

  return {
    info,
    frontUrl: `http://127.0.0.1:${frontPort}`,
    capUploads: (bytes) => void (cap = bytes),
    async stop() {
      await stopScript(child);
      child = null;
    },
    async start() {
      child = await startScript(dir, port, infoPath);
    },
    rest: (route, query) => api('GET', route, query) as Promise<never>,
    async deletePost(id) {
      await api('DELETE', `/wp/v2/posts/${id}`, { force: 'true' });
    },
    async changePassword() {
      const made = (await api('POST', '/wp/v2/users/me/application-passwords', {}, { name: `Roundup e2e ${Date.now()}` })) as { uuid: string; password: string };
      password = made.password;
      // Every other application password of the user is revoked: the one Roundup holds among them.
      const all = (await api('GET', '/wp/v2/users/me/application-passwords')) as { uuid: string }[];
      for (const p of all) if (p.uuid !== made.uuid) await api('DELETE', `/wp/v2/users/me/application-passwords/${p.uuid}`);
      return password;
    },
    async close() {
      await new Promise<void>((resolve) => {
        front.closeAllConnections();
        front.close(() => resolve());
      });
      await stopScript(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
