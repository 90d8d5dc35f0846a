// Records real WordPress REST responses into tests/fixtures/wordpress/, for unit tests of the
// publish code. Needs the local site up: `node scripts/wordpress.mjs start --port=8765 --info=/tmp/wp.json`,
// then `node scripts/record-wordpress-fixtures.mjs /tmp/wp.json`. Requests are made with curl (the
// brief: what a real HTTP client sees, not what a Node wrapper makes of it). Every fixture is
//   { name, note, request: { method, url, headers, body }, response: { status, headers, body } }
// where the Authorization header is replaced by a description, `date` is dropped from the
// response headers, and a JSON body is stored parsed (text bodies as a string).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pictureFor } from './x-server.mjs';

const OUT = new URL('../tests/fixtures/wordpress/', import.meta.url).pathname;
const info = JSON.parse(readFileSync(process.argv[2] || '/tmp/wp.json', 'utf8'));
const WP_DIR = process.env.ROUNDUP_WP_DIR || join(tmpdir(), 'roundup-wordpress');
const work = mkdtempSync(join(tmpdir(), 'roundup-record-'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request with curl; returns { status, headers, body }. */
function curl(method, url, { auth, headers = {}, body, bodyFile, form } = {}) {
  const argv = ['-s', '-X', method, '-D', join(work, 'h'), '-o', join(work, 'b'), '-w', '%{http_code}'];
  if (auth) argv.push('-u', `${auth.user}:${auth.password}`);
  for (const [k, v] of Object.entries(headers)) argv.push('-H', `${k}: ${v}`);
  if (body !== undefined) argv.push('--data-binary', body);
  if (bodyFile) argv.push('--data-binary', `@${bodyFile}`);
  if (form) argv.push('-F', form);
  argv.push(url);
  const status = Number(execFileSync('curl', argv, { encoding: 'utf8' }));
  const rawHeaders = readFileSync(join(work, 'h'), 'latin1').split('\r\n\r\n').filter(Boolean).pop();
  const responseHeaders = {};
  for (const line of rawHeaders.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    const key = line.slice(0, i).toLowerCase();
    if (key === 'date') continue; // changes every run; nothing depends on it
    responseHeaders[key] = responseHeaders[key] ? `${responseHeaders[key]}, ${line.slice(i + 1).trim()}` : line.slice(i + 1).trim();
  }
  const text = readFileSync(join(work, 'b'), 'utf8');
  let parsed = text;
  if (/json/.test(responseHeaders['content-type'] || '')) {
    try { parsed = JSON.parse(text); } catch { /* keep the text: a broken JSON body is a finding */ }
  }
  return { status, headers: responseHeaders, body: parsed };
}

function record(name, note, method, url, options = {}) {
  const response = curl(method, url, options);
  const requestHeaders = { ...(options.headers || {}) };
  if (options.auth) requestHeaders.authorization = `Basic base64(${options.auth.user}:${options.auth.label})`;
  const fixture = {
    name,
    note,
    request: {
      method,
      url,
      headers: requestHeaders,
      body: options.body !== undefined ? tryJson(options.body) : options.bodyFile ? options.bodyNote : options.form ? `multipart: ${options.form}` : undefined,
    },
    response,
  };
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`${name}.json  ${method} ${url} -> ${response.status}`);
  return response;
}

function tryJson(text) {
  try { return JSON.parse(text); } catch { return text; }
}

/** Starts a second server (another php -S, or python's) for the cases the main site cannot show. */
async function serve(argv, port, options = {}) {
  const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore', ...options });
  for (let i = 0; i < 40; i++) {
    try { execFileSync('curl', ['-s', '-o', '/dev/null', `http://127.0.0.1:${port}/`]); break; } catch { await sleep(250); }
  }
  return child;
}

mkdirSync(OUT, { recursive: true });
const U = info.url;
const auth = { user: info.user, password: info.applicationPassword, label: 'application password' };
const badAuth = { user: info.user, password: 'abcd efgh ijkl mnop qrst uvwx', label: 'wrong application password' };
const json = { 'Content-Type': 'application/json' };

record('users-me', 'GET users/me?context=edit (what Check connection asks) with a valid application password (pretty /wp-json/ link)', 'GET', `${U}/wp-json/wp/v2/users/me?context=edit`, { auth });
record('users-me-rest-route', 'The same request in the ?rest_route= form, which works without pretty links', 'GET', `${U}/?rest_route=/wp/v2/users/me&context=edit`, { auth });
record('users-me-401', 'GET users/me with a wrong application password', 'GET', `${U}/wp-json/wp/v2/users/me`, { auth: badAuth });
record('users-me-no-auth', 'GET users/me with no credentials at all', 'GET', `${U}/wp-json/wp/v2/users/me`);
record('users-me-wrong-user', 'GET users/me with a user name that does not exist', 'GET', `${U}/wp-json/wp/v2/users/me`, { auth: { user: 'nobody', password: info.applicationPassword, label: 'application password of another user' } });

const content = [
  '<!-- wp:paragraph -->\n<p>My take on this post: worth reading.</p>\n<!-- /wp:paragraph -->',
  '<!-- wp:embed {"url":"https://twitter.com/jack/status/20","type":"rich","providerNameSlug":"twitter","responsive":true} -->\n' +
    '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/jack/status/20\n</div></figure>\n<!-- /wp:embed -->',
].join('\n\n');
const created = record('post-create-draft', 'POST posts: a draft with a title, block content (a paragraph and a Twitter embed) and an excerpt. The site is offline, so the embed renders as a plain link.', 'POST', `${U}/wp-json/wp/v2/posts`, {
  auth, headers: json,
  body: JSON.stringify({ title: 'Roundup: the week on X', content, excerpt: 'Three posts worth your time.', status: 'draft' }),
});
const id = created.body.id;
record('post-update', 'POST posts/<id>: the same draft with a new title and content', 'POST', `${U}/wp-json/wp/v2/posts/${id}`, {
  auth, headers: json,
  body: JSON.stringify({ title: 'Roundup: the week on X (updated)', content: `${content}\n\n<!-- wp:paragraph -->\n<p>One more thought.</p>\n<!-- /wp:paragraph -->` }),
});
record('post-get', 'GET posts/<id>?context=edit: the draft as the editor sees it (raw fields)', 'GET', `${U}/wp-json/wp/v2/posts/${id}?context=edit`, { auth });
record('post-get-draft-no-auth', 'GET posts/<id> of a draft without credentials', 'GET', `${U}/wp-json/wp/v2/posts/${id}`);
record('post-create-400', 'POST posts with an invalid status', 'POST', `${U}/wp-json/wp/v2/posts`, { auth, headers: json, body: JSON.stringify({ title: 'x', status: 'not-a-status' }) });
record('post-create-401', 'POST posts with a wrong application password', 'POST', `${U}/wp-json/wp/v2/posts`, { auth: badAuth, headers: json, body: JSON.stringify({ title: 'x', status: 'draft' }) });

const doomed = curl('POST', `${U}/wp-json/wp/v2/posts`, { auth, headers: json, body: JSON.stringify({ title: 'To be deleted', status: 'draft' }) }).body.id;
record('post-delete', 'DELETE posts/<id>?force=true (skips the trash)', 'DELETE', `${U}/wp-json/wp/v2/posts/${doomed}?force=true`, { auth });
record('post-get-404', 'GET posts/<id> of the post just deleted', 'GET', `${U}/wp-json/wp/v2/posts/${doomed}?context=edit`, { auth });
record('post-update-404', 'POST posts/<id> (update) of the post just deleted', 'POST', `${U}/wp-json/wp/v2/posts/${doomed}`, { auth, headers: json, body: JSON.stringify({ title: 'gone' }) });

const png = join(work, 'x.png');
writeFileSync(png, pictureFor('/roundup/fixture.png'));
const pngHeaders = { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename=x.png' };
const pngNote = `a ${readFileSync(png).length}-byte 16x16 PNG (scripts/x-server.mjs pictureFor('/roundup/fixture.png'))`;
const media = record('media-upload', 'POST media with the raw PNG as the body', 'POST', `${U}/wp-json/wp/v2/media`, { auth, headers: pngHeaders, bodyFile: png, bodyNote: pngNote });
record('media-upload-401', 'POST media with a wrong application password', 'POST', `${U}/wp-json/wp/v2/media`, { auth: badAuth, headers: pngHeaders, bodyFile: png, bodyNote: pngNote });
record('media-upload-no-filename', 'POST media without Content-Disposition', 'POST', `${U}/wp-json/wp/v2/media`, { auth, headers: { 'Content-Type': 'image/png' }, bodyFile: png, bodyNote: pngNote });
record('post-update-featured-media', 'POST posts/<id> setting featured_media to the uploaded picture', 'POST', `${U}/wp-json/wp/v2/posts/${id}`, { auth, headers: json, body: JSON.stringify({ featured_media: media.body.id }) });
// The uploaded file itself, as served (status and headers only matter).
const file = curl('GET', media.body.source_url);
console.log(`uploaded file ${media.body.source_url} -> ${file.status} ${file.headers['content-type']}`);

// A php -S with tiny upload limits, on the same site, for the too-large upload.
const big = join(work, 'big.png');
writeFileSync(big, Buffer.concat([pictureFor('/roundup/big.png'), Buffer.alloc(4096, 0)]));
const bigNote = '4,270 bytes: a PNG followed by 4 KiB of zeros';
const tinyPort = 8766;
const tiny = await serve(['php', '-d', 'upload_max_filesize=1K', '-d', 'post_max_size=2K', '-S', `127.0.0.1:${tinyPort}`, '-t', '/usr/share/wordpress', join(WP_DIR, 'router.php')], tinyPort);
try {
  record('media-too-large-raw', 'POST media, raw body larger than PHP post_max_size=2K (php -d upload_max_filesize=1K -d post_max_size=2K). PHP drops the body; WordPress itself answers.', 'POST', `http://127.0.0.1:${tinyPort}/wp-json/wp/v2/media`, { auth, headers: pngHeaders, bodyFile: big, bodyNote: bigNote });
  const mid = join(work, 'mid.png');
  writeFileSync(mid, Buffer.concat([pictureFor('/roundup/mid.png'), Buffer.alloc(1300, 0)]));
  record('media-too-large-multipart', 'POST media as multipart/form-data: a ~1.5 KB file, over upload_max_filesize=1K but under post_max_size=2K, so PHP rejects only the file (UPLOAD_ERR_INI_SIZE)', 'POST', `http://127.0.0.1:${tinyPort}/wp-json/wp/v2/media`, { auth, form: `file=@${mid};type=image/png;filename=x.png` });
} finally {
  tiny.kill();
}

// A server that is not WordPress at all.
const plainPort = 8767;
const plain = await serve(['python3', '-m', 'http.server', '--bind', '127.0.0.1', String(plainPort)], plainPort, { cwd: work });
try {
  record('not-wordpress-404', 'GET /wp-json/ on a server that is not WordPress (python3 -m http.server)', 'GET', `http://127.0.0.1:${plainPort}/wp-json/`);
  record('not-wordpress-rest-route', 'GET /?rest_route=/wp/v2/users/me on the same non-WordPress server: 200 with an HTML directory listing', 'GET', `http://127.0.0.1:${plainPort}/?rest_route=/wp/v2/users/me`, { auth });
  record('not-wordpress-post-501', 'POST /wp-json/wp/v2/posts on the same non-WordPress server', 'POST', `http://127.0.0.1:${plainPort}/wp-json/wp/v2/posts`, { auth, headers: json, body: '{"title":"x","status":"draft"}' });
} finally {
  plain.kill();
}

// A site whose REST API is shut off the way security plugins do it: a rest_authentication_errors
// filter (here a must-use plugin of ours, removed right after).
const muPlugin = join(WP_DIR, 'wp-content', 'mu-plugins', 'roundup-disable-rest.php');
writeFileSync(muPlugin, `<?php
add_filter('rest_authentication_errors', function () {
  return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]);
}, 99);
`);
try {
  record('rest-disabled', 'GET users/me, valid application password, on a site whose REST API a plugin blocks (rest_authentication_errors returns a 403 WP_Error)', 'GET', `${U}/wp-json/wp/v2/users/me`, { auth });
} finally {
  execFileSync('rm', ['-f', muPlugin]);
}
const root = curl('GET', `${U}/wp-json/`);
writeFileSync(join(work, 'versions.json'), JSON.stringify({ namespaces: root.body.namespaces }));
console.log(`done; the site root lists namespaces ${root.body.namespaces.join(', ')}`);
