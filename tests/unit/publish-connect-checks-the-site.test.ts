// "Check connection" (src/publish/connect.ts) against answers a real WordPress 6.1.9 gave, and
// a plain web server that is not WordPress (tests/fixtures/wordpress, see SOURCES.md). The fake
// `call` plays the site: it answers each request from a recorded response, as the background's
// fetch would (status, body as text, the address the answer came from).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkSite, looksLikeApplicationPassword, type SiteAnswer } from '../../src/publish/connect';
import { authorization, type Request } from '../../src/publish/wordpress';

interface Recorded {
  request: { method: string; url: string };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

function recorded(name: string): Recorded {
  return JSON.parse(readFileSync(new URL(`../fixtures/wordpress/${name}.json`, import.meta.url), 'utf8')) as Recorded;
}

/** A recorded response as the site's answer to `request` (its body as the text that came). */
function answer(name: string, request: Request, change?: (body: Record<string, unknown>) => void, url = request.url): SiteAnswer {
  const { status, body } = recorded(name).response;
  if (change) change(body as Record<string, unknown>);
  return { status, body: typeof body === 'string' ? body : JSON.stringify(body), url };
}

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const form = (over: Partial<{ url: string; user: string; applicationPassword: string }> = {}) => ({
  url: 'https://blog.example.org',
  user: 'roundup',
  applicationPassword: PASSWORD,
  ...over,
});

const PRETTY = (base: string) => `${base}/wp-json/wp/v2/users/me?context=edit`;
const QUERY = (base: string) => `${base}/?rest_route=/wp/v2/users/me&context=edit`;

/**
 * A site that answers `/wp-json/…` with `pretty` and `?rest_route=…` with `query` (recorded
 * names or functions); every request it saw is in `calls`.
 */
function site(pretty: string | ((r: Request) => SiteAnswer), query: string | ((r: Request) => SiteAnswer) = 'users-me-rest-route') {
  const call = vi.fn(async (r: Request): Promise<SiteAnswer> => {
    const how = r.url.includes('/wp-json/') ? pretty : r.url.includes('?rest_route=') ? query : null;
    if (how === null) throw new Error(`unexpected request ${r.url}`);
    return typeof how === 'string' ? answer(how, r) : how(r);
  });
  return { call, urls: () => call.mock.calls.map(([r]) => r.url) };
}

describe('checking the connection finds the site', () => {
  it('at /wp-json when pretty links are on: one request, authenticated, and the writer it belongs to', async () => {
    const { call, urls } = site('users-me');
    const result = await checkSite(form(), call);
    expect(result).toEqual({
      ok: true,
      site: { url: 'https://blog.example.org', user: 'roundup', applicationPassword: PASSWORD, pretty: true },
      writer: { id: 1, name: 'roundup', canWrite: true, canUpload: true },
    });
    expect(urls()).toEqual([PRETTY('https://blog.example.org')]);
    const [request] = call.mock.calls[0]!;
    expect(request.method).toBe('GET');
    expect(request.headers.Authorization).toBe(authorization({ user: 'roundup', applicationPassword: PASSWORD }));
  });

  it('by ?rest_route= when /wp-json is not WordPress\'s (pretty links off: the server\'s own 404 page)', async () => {
    const { call, urls } = site('not-wordpress-404', 'users-me-rest-route');
    const result = await checkSite(form(), call);
    expect(result).toMatchObject({ ok: true, site: { pretty: false }, writer: { name: 'roundup', canWrite: true } });
    expect(urls()).toEqual([PRETTY('https://blog.example.org'), QUERY('https://blog.example.org')]);
  });

  it('by ?rest_route= when /wp-json answers 200 with a page (a theme\'s page, not JSON)', async () => {
    const { call, urls } = site((r) => ({ status: 200, body: '<!DOCTYPE html><html><body>Welcome to my blog</body></html>', url: r.url }));
    expect(await checkSite(form(), call)).toMatchObject({ ok: true, site: { pretty: false } });
    expect(urls()).toHaveLength(2);
  });

  it('where WordPress lives in a folder, and from what a writer pastes (trailing slash, wp-admin, spaces)', async () => {
    const { call, urls } = site('users-me');
    const result = await checkSite(form({ url: '  https://example.org/blog/wp-admin/ ', user: ' roundup ', applicationPassword: ` ${PASSWORD} ` }), call);
    expect(result).toMatchObject({ ok: true, site: { url: 'https://example.org/blog', user: 'roundup', applicationPassword: PASSWORD } });
    expect(urls()).toEqual([PRETTY('https://example.org/blog')]);
  });

  it('a writer who may write but not upload is accepted, and told apart', async () => {
    const { call } = site((r) => answer('users-me', r, (b) => void ((b.capabilities as Record<string, boolean>).upload_files = false)));
    expect(await checkSite(form(), call)).toMatchObject({ ok: true, writer: { canWrite: true, canUpload: false } });
  });
});

describe('checking the connection says what is wrong', () => {
  it.each([
    ['an address that is not one', { url: 'not a url at all ::' }, /is not a web address/],
    ['an ftp address', { url: 'ftp://blog.example.org' }, /must start with https:\/\//],
    ['a password in the address', { url: 'https://roundup:secret@blog.example.org' }, /without a user name or password in it/],
    ['no user name', { user: '   ' }, /Give the user name you sign in to WordPress with/],
    ['no application password', { applicationPassword: '  ' }, /Give an application password \(WordPress: Users → Profile → Application Passwords\)/],
  ])('%s, before asking the site anything', async (_name, over, message) => {
    const { call } = site('users-me');
    expect(await checkSite(form(over), call)).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(call).not.toHaveBeenCalled();
  });

  it('a server that is not WordPress (404 at /wp-json, a directory listing at ?rest_route=)', async () => {
    const { call, urls } = site('not-wordpress-404', 'not-wordpress-rest-route');
    const result = await checkSite(form(), call);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('nothing answered as WordPress at https://blog.example.org (HTTP 200)') });
    expect(!result.ok && result.error).toMatch(/with its path, if WordPress lives in one.*REST API is on/);
    expect(urls()).toHaveLength(2);
  });

  it('a WordPress whose REST API a plugin switched off', async () => {
    const { call, urls } = site('rest-disabled');
    const result = await checkSite(form(), call);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Checking the connection: .*not as a WordPress with its REST API switched on.*security plugin/) });
    // A JSON answer from WordPress itself: no point trying the other form.
    expect(urls()).toHaveLength(1);
  });

  it('a wrong application password (401 rest_not_logged_in), with no needless hints', async () => {
    const { call } = site('users-me-401');
    const result = await checkSite(form(), call);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/did not accept the user name and application password/) });
    const error = !result.ok ? result.error : '';
    expect(error).not.toMatch(/http:\/\//);
    expect(error).not.toMatch(/does not look like an application password/);
  });

  it('a wrong password over plain http: says WordPress refuses application passwords there', async () => {
    const { call } = site('users-me-401');
    const result = await checkSite(form({ url: 'http://blog.example.org' }), call);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/did not accept.*Over plain http:\/\/ WordPress refuses application passwords.*https:\/\//) });
  });

  it('the password one signs in with instead of an application password: says so', async () => {
    const { call } = site('users-me-401');
    const result = await checkSite(form({ applicationPassword: 'hunter2!' }), call);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/did not accept.*does not look like an application password \(24 letters and digits.*the password you sign in with does not work here/) });
  });

  it('an unknown user (recorded: the same 401 as a wrong password)', async () => {
    const { call } = site('users-me-wrong-user');
    expect(await checkSite(form({ user: 'nobody' }), call)).toEqual({ ok: false, error: expect.stringMatching(/did not accept the user name and application password/) });
  });

  it.each([
    ['at the first request', 1],
    ['at the fallback to ?rest_route=', 2],
  ])('a site that cannot be reached (%s)', async (_name, failing) => {
    let n = 0;
    const call = vi.fn(async (r: Request): Promise<SiteAnswer> => {
      if (++n === failing) throw new Error('getaddrinfo ENOTFOUND blog.example.org');
      return answer('not-wordpress-404', r);
    });
    const result = await checkSite(form(), call);
    expect(result).toEqual({
      ok: false,
      error: 'Checking the connection: https://blog.example.org could not be reached (getaddrinfo ENOTFOUND blog.example.org). Check the address, and that the site is up.',
    });
  });

  it('an http:// address the site redirects to https://: names the address to give', async () => {
    // The browser follows the redirect but drops the Authorization header (another origin): WordPress then says 401.
    const { call } = site((r) => answer('users-me-401', r, undefined, r.url.replace('http://', 'https://')));
    const result = await checkSite(form({ url: 'http://blog.example.org' }), call);
    expect(result).toEqual({ ok: false, error: 'Checking the connection: the site sends visitors on to https://blog.example.org. Give that address instead.' });
  });

  it('a redirect to another host is refused even when that host answers as WordPress', async () => {
    const { call } = site((r) => answer('users-me', r, undefined, 'https://www.other.example/wp-json/wp/v2/users/me?context=edit'));
    expect(await checkSite(form(), call)).toEqual({ ok: false, error: expect.stringContaining('sends visitors on to https://www.other.example') });
  });

  it('a redirect within the site (same origin) is no move', async () => {
    const { call } = site((r) => answer('users-me', r, undefined, 'https://blog.example.org/wp-json/wp/v2/users/me/?context=edit'));
    expect(await checkSite(form(), call)).toMatchObject({ ok: true, site: { pretty: true } });
  });

  it('a user who may not write posts (a subscriber): names the user and the accounts that work', async () => {
    const { call } = site((r) =>
      answer('users-me', r, (b) => {
        b.name = 'Sam Subscriber';
        b.capabilities = { read: true, level_0: true, subscriber: true };
      }),
    );
    expect(await checkSite(form(), call)).toEqual({
      ok: false,
      error: 'Checking the connection: Sam Subscriber may not write posts on this site. Use an author’s, editor’s or administrator’s account.',
    });
  });
});

describe('what an application password looks like', () => {
  it.each([
    [PASSWORD, true],
    ['abcdEFGH1234ijklMNOP5678', true],
    ['abcd EFGH 1234 ijkl MNOP', false],
    ['correct horse battery staple', false],
    ['abcd-EFGH-1234-ijkl-MNOP-5678', false],
  ])('%j → %s', (password, expected) => expect(looksLikeApplicationPassword(password)).toBe(expected));
});
