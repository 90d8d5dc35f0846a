// Publishing's groundwork: the requests Roundup would send to a writer's WordPress, and what
// WordPress's answers mean in a writer's words. Pure; the answers are shaped as WordPress's
// REST API gives them (codes from wp-includes/rest-api and application passwords).
import { describe, expect, it } from 'vitest';
import {
  authorization, editLink, failure, getPost, listMedia, pointAtLibrary, readDraft, readMediaList, readUpload, readWriter, routeUrl, saveDraft, siteAddress,
  uploadPicture, whoAmI, type PictureTarget, type Site,
} from '../../src/publish/wordpress';

const site: Site = { url: 'https://example.org/blog', user: 'writer', applicationPassword: 'abcd EFGH 1234 ijkl MNOP 5678' };
const body = (v: unknown) => JSON.stringify(v);

describe('the site address', () => {
  it.each([
    ['example.org', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org/blog/', 'https://example.org/blog'],
    ['https://example.org/blog/wp-admin/', 'https://example.org/blog'],
    ['https://example.org/wp-json/wp/v2', 'https://example.org'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('%s is the site %s', (input, url) => expect(siteAddress(input)).toEqual({ ok: true, url }));

  it.each([
    ['not a url at all ::', /is not a web address/],
    ['ftp://example.org', /must start with https/],
    ['https://me:secret@example.org', /without a user name or password/],
  ])('%s is refused with a reason', (input, error) => expect(siteAddress(input)).toMatchObject({ ok: false, error: expect.stringMatching(error) }));
});

describe('the requests', () => {
  it('authenticate with the application password, its spaces left out', () => {
    expect(authorization(site)).toBe(`Basic ${Buffer.from('writer:abcdEFGH1234ijklMNOP5678').toString('base64')}`);
    expect(authorization({ user: 'Zoë', applicationPassword: 'a b' })).toBe(`Basic ${Buffer.from('Zoë:ab').toString('base64')}`);
  });

  it('reach every route by ?rest_route= (pretty links may be off), or /wp-json where asked', () => {
    expect(routeUrl(site.url, '/wp/v2/users/me', { context: 'edit' })).toBe('https://example.org/blog/?rest_route=/wp/v2/users/me&context=edit');
    expect(routeUrl(site.url, '/wp/v2/users/me', { context: 'edit' }, true)).toBe('https://example.org/blog/wp-json/wp/v2/users/me?context=edit');
    expect(whoAmI(site)).toMatchObject({ method: 'GET', headers: { Authorization: expect.stringMatching(/^Basic /) } });
  });

  it('make a draft, never a published post, and update the same one when sent again', () => {
    const draft = { title: 'Crypto week', content: '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->', excerpt: 'Three posts.' };
    const made = saveDraft(site, draft);
    expect(made).toMatchObject({ method: 'POST', url: 'https://example.org/blog/?rest_route=/wp/v2/posts', headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(made.body as string)).toEqual({ ...draft, status: 'draft' });
    const update = saveDraft(site, draft, 42);
    expect(update).toMatchObject({ method: 'POST', url: 'https://example.org/blog/?rest_route=/wp/v2/posts/42' });
    // No status on an update: a draft the writer marked "pending review" stays so.
    expect(JSON.parse(update.body as string)).toEqual(draft);
  });

  it('look at the draft sent before asking only for what is needed', () => {
    const get = getPost(site, 42);
    expect(get).toMatchObject({ method: 'GET', headers: { Authorization: authorization(site) } });
    expect(get.body).toBeUndefined();
    const url = new URL(get.url);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts/42');
    expect(url.searchParams.get('context')).toBe('edit');
    expect(url.searchParams.get('_fields')).toBe('id,link,status');
  });

  it('ask which remembered pictures the media library still holds, at most 100 at once', () => {
    const list = listMedia(site, [7, 12, 30]);
    expect(list).toMatchObject({ method: 'GET', headers: { Authorization: authorization(site) } });
    const url = new URL(list.url);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/media');
    expect(url.searchParams.get('include')).toBe('7,12,30');
    expect(url.searchParams.get('per_page')).toBe('100');
    expect(url.searchParams.get('_fields')).toBe('id,source_url');
  });

  it('take /wp-json on a site with pretty links, for every route', () => {
    const pretty: Site = { ...site, pretty: true };
    const draft = { title: 'T', content: '', excerpt: '' };
    const bytes = new Uint8Array([1]);
    expect(whoAmI(pretty).url).toBe('https://example.org/blog/wp-json/wp/v2/users/me?context=edit');
    expect(saveDraft(pretty, draft).url).toBe('https://example.org/blog/wp-json/wp/v2/posts');
    expect(saveDraft(pretty, draft, 42).url).toBe('https://example.org/blog/wp-json/wp/v2/posts/42');
    expect(getPost(pretty, 42).url).toBe('https://example.org/blog/wp-json/wp/v2/posts/42?context=edit&_fields=id%2Clink%2Cstatus');
    expect(listMedia(pretty, [7, 8]).url).toBe('https://example.org/blog/wp-json/wp/v2/media?include=7%2C8&per_page=100&context=edit&_fields=id%2Csource_url');
    expect(uploadPicture(pretty, { fileName: 'a.png', type: 'image/png', bytes }).url).toBe('https://example.org/blog/wp-json/wp/v2/media');
    // And never where they are off (the default).
    for (const r of [whoAmI(site), saveDraft(site, draft), getPost(site, 1), listMedia(site, [1]), uploadPicture(site, { fileName: 'a.png', type: 'image/png', bytes })]) {
      expect(r.url).toMatch(/^https:\/\/example\.org\/blog\/\?rest_route=\/wp\/v2\//);
    }
  });

  it('upload a picture as its bytes, with a file name WordPress keeps', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const up = uploadPicture(site, { fileName: 'a "quoted"/../name.png', type: 'image/png', bytes });
    expect(up.headers['Content-Disposition']).toBe('attachment; filename="a-quoted-..-name.png"');
    expect(up.headers['Content-Type']).toBe('image/png');
    expect(up.body).toBe(bytes);
  });
});

describe('the answers, in a writer\'s words', () => {
  it('a user who may write and upload', () => {
    const me = { id: 1, name: 'Writer', capabilities: { edit_posts: true, upload_files: true } };
    expect(readWriter(200, body(me))).toEqual({ ok: true, value: { id: 1, name: 'Writer', canWrite: true, canUpload: true } });
    expect(readWriter(200, body({ id: 2, name: 'Subscriber', capabilities: { read: true } }))).toMatchObject({ ok: true, value: { canWrite: false, canUpload: false } });
  });

  it.each([
    [401, { code: 'incorrect_password', message: 'The provided password is an invalid application password.' }, /did not accept the user name and application password/],
    [401, { code: 'invalid_username', message: 'Unknown username.' }, /did not accept the user name/],
    [401, { code: 'application_passwords_disabled', message: 'Application passwords are not available.' }, /does not allow application passwords .*https/],
    [403, { code: 'rest_cannot_create', message: 'Sorry, you are not allowed to create posts as this user.' }, /may not write posts/],
    [404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.' }, /not as a WordPress with its REST API/],
    [404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.' }, /no longer on the site/],
    [404, '<html>Not Found</html>', /nothing answered as WordPress at this address/],
    [413, '<html><head><title>413 Request Entity Too Large</title></head></html>', /too large.*upload limit/],
    [502, '<html>Bad gateway</html>', /problem of its own \(HTTP 502\)/],
  ])('HTTP %s %j', (status, answer, message) => {
    const text = typeof answer === 'string' ? answer : body(answer);
    expect(failure(status, text, 'Sending to WordPress')).toEqual({ ok: false, status, error: expect.stringMatching(message) });
  });

  it('a draft made or updated, and where it is edited', () => {
    expect(readDraft(201, body({ id: 7, link: 'https://example.org/blog/?p=7', status: 'draft' }))).toEqual({ ok: true, value: { id: 7, link: 'https://example.org/blog/?p=7', status: 'draft' } });
    expect(readDraft(200, '<html>a login page</html>')).toMatchObject({ ok: false, error: /not as WordPress does/ });
    expect(editLink(site.url, 7)).toBe('https://example.org/blog/wp-admin/post.php?post=7&action=edit');
  });

  it('an uploaded picture', () => {
    expect(readUpload(201, body({ id: 9, source_url: 'https://example.org/blog/wp-content/uploads/2026/11/a.png' }))).toEqual({ ok: true, value: { id: 9, url: 'https://example.org/blog/wp-content/uploads/2026/11/a.png' } });
    expect(readUpload(413, 'too large')).toMatchObject({ ok: false, status: 413 });
  });

  it('the media library\'s answer: the pictures still there, with where they are served', () => {
    const list = [
      { id: 7, source_url: 'https://example.org/blog/wp-content/uploads/a.jpg' },
      { id: 12, source_url: 'https://example.org/blog/wp-content/uploads/b.png' },
      { id: 'x', source_url: 'not a media item' },
    ];
    expect(readMediaList(200, body(list))).toEqual({
      ok: true,
      value: [{ id: 7, url: 'https://example.org/blog/wp-content/uploads/a.jpg' }, { id: 12, url: 'https://example.org/blog/wp-content/uploads/b.png' }],
    });
    expect(readMediaList(200, '[]')).toEqual({ ok: true, value: [] });
    expect(readMediaList(200, '<html>a login page</html>')).toMatchObject({ ok: false, error: expect.stringMatching(/^Reading the media library: .*not as WordPress does/) });
    expect(readMediaList(200, body({ id: 7 }))).toMatchObject({ ok: false, error: expect.stringMatching(/not as WordPress does/) });
    expect(readMediaList(401, body({ code: 'rest_not_logged_in', message: 'You are not currently logged in.' }))).toMatchObject({ ok: false, status: 401, error: expect.stringMatching(/did not accept the user name/) });
  });

  it('the content pointed at the media library: image blocks become the library\'s attachments', () => {
    const block = (src: string, alt: string) => `<!-- wp:image -->\n<figure class="wp-block-image"><img src="${src}" alt="${alt}"/></figure>\n<!-- /wp:image -->`;
    const x = 'https://pbs.twimg.com/media/b?format=jpg&name=orig';
    const content = [
      block('media/a-1.jpg', 'A &quot;chart&quot;'),
      block('media/b-2.jpg', ''),
      '<!-- wp:paragraph -->\n<p>The files are in media/a-1.jpg and &lt;img src="media/c-3.png"&gt; is not an attribute.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:paragraph -->\n<p><a href="media/c-3.png"><img src="media/c-3.png" alt=""/></a></p>\n<!-- /wp:paragraph -->',
      block('media/unknown-9.jpg', ''),
    ].join('\n\n');
    const targets = new Map<string, PictureTarget>([
      ['media/a-1.jpg', { url: 'https://example.org/blog/wp-content/uploads/a-1.jpg', id: 31 }],
      ['media/b-2.jpg', { url: x }],
      ['media/c-3.png', { url: 'https://example.org/blog/wp-content/uploads/c-3.png', id: 33 }],
    ]);
    expect(pointAtLibrary(content, targets)).toBe(
      [
        '<!-- wp:image {"id":31} -->\n<figure class="wp-block-image"><img src="https://example.org/blog/wp-content/uploads/a-1.jpg" alt="A &quot;chart&quot;" class="wp-image-31"/></figure>\n<!-- /wp:image -->',
        // Not in the library (it went out pointing at X): only its src changes, escaped.
        block('https://pbs.twimg.com/media/b?format=jpg&amp;name=orig', ''),
        // Words that mention media/… stay as written, even as src="…" (words are not a tag: their < is escaped).
        '<!-- wp:paragraph -->\n<p>The files are in media/a-1.jpg and &lt;img src="media/c-3.png"&gt; is not an attribute.</p>\n<!-- /wp:paragraph -->',
        '<!-- wp:paragraph -->\n<p><a href="https://example.org/blog/wp-content/uploads/c-3.png"><img src="https://example.org/blog/wp-content/uploads/c-3.png" alt=""/></a></p>\n<!-- /wp:paragraph -->',
        // A picture with no target is left alone.
        block('media/unknown-9.jpg', ''),
      ].join('\n\n'),
    );
  });
});

// Answers recorded from a real WordPress 6.1.9 on this machine (scripts/wordpress.mjs; see
// tests/fixtures/wordpress/SOURCES.md).
import { readFileSync } from 'node:fs';

function recorded(name: string): { status: number; text: string } {
  const file = JSON.parse(readFileSync(new URL(`../fixtures/wordpress/${name}.json`, import.meta.url), 'utf8')) as { response: { status: number; body: unknown } };
  const { status, body: b } = file.response;
  return { status, text: typeof b === 'string' ? b : JSON.stringify(b) };
}

describe('answers recorded from a real WordPress', () => {
  it('users/me, by /wp-json and by ?rest_route=: the admin may write and upload', () => {
    for (const name of ['users-me', 'users-me-rest-route']) {
      const { status, text } = recorded(name);
      expect(readWriter(status, text)).toEqual({ ok: true, value: { id: 1, name: 'roundup', canWrite: true, canUpload: true } });
    }
  });

  it.each([
    ['users-me-401', /did not accept the user name and application password/],
    ['users-me-wrong-user', /did not accept the user name/],
    ['users-me-no-auth', /did not accept/],
    ['rest-disabled', /not as a WordPress with its REST API switched on/],
    ['not-wordpress-404', /nothing answered as WordPress at this address/],
  ])('%s', (name, message) => {
    const { status, text } = recorded(name);
    expect(readWriter(status, text)).toMatchObject({ ok: false, status, error: expect.stringMatching(message) });
  });

  it('a page that is not WordPress answering 200 is not taken for one', () => {
    const { status, text } = recorded('not-wordpress-rest-route');
    expect(status).toBe(200);
    expect(readWriter(status, text)).toMatchObject({ ok: false, error: expect.stringMatching(/not as WordPress does/) });
  });

  it('a draft made, updated, then gone', () => {
    const made = recorded('post-create-draft');
    expect(readDraft(made.status, made.text)).toMatchObject({ ok: true, value: { id: expect.any(Number), status: 'draft' } });
    const updated = recorded('post-update');
    expect(readDraft(updated.status, updated.text)).toMatchObject({ ok: true, value: { status: 'draft' } });
    for (const name of ['post-get-404', 'post-update-404']) {
      const { status, text } = recorded(name);
      expect(readDraft(status, text)).toMatchObject({ ok: false, status: 404, error: expect.stringMatching(/no longer on the site/) });
    }
  });

  it('a picture uploaded; one over PHP\'s limit', () => {
    const up = recorded('media-upload');
    expect(readUpload(up.status, up.text)).toMatchObject({ ok: true, value: { id: expect.any(Number), url: expect.stringMatching(/\/wp-content\/uploads\/.+\.png$/) } });
    const big = recorded('media-too-large-multipart');
    expect(readUpload(big.status, big.text)).toMatchObject({ ok: false, status: 500, error: expect.stringMatching(/too large.*upload limit/) });
    const denied = recorded('media-upload-401');
    expect(readUpload(denied.status, denied.text)).toMatchObject({ ok: false, status: 401 });
  });
});
